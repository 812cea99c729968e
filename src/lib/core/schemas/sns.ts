import * as z from './zod';

// The record and HTTP-body schemas are built on first use (z.lazy), not at import: the alarm and
// API-call functions mostly read EventBridge events, and an SNS-fed function builds them on its
// first call instead.

/**
 * One SNS message attribute as Lambda receives it (`Type` String, Number, Binary, String.Array).
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
 */
export const snsMessageAttributeSchema = z.lazy(() =>
  z.looseObject({
    Type: z.string(),
    Value: z.unknown(),
  }),
);

/**
 * The `Sns` object of one record in an SNS→Lambda event.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
 */
export const snsNotificationSchema = z.lazy(() =>
  z.looseObject({
    Type: z.optional(z.string()),
    MessageId: z.optional(z.string()),
    TopicArn: z.optional(z.string()),
    Subject: z.nullish(z.string()),
    Message: z.string(),
    Timestamp: z.optional(z.string()),
    MessageAttributes: z.optional(z.record(z.string(), snsMessageAttributeSchema)),
  }),
);

/** One record of an SNS→Lambda event. */
export const snsRecordSchema = z.lazy(() =>
  z.looseObject({
    EventSource: z.literal('aws:sns'),
    EventSubscriptionArn: z.optional(z.string()),
    Sns: snsNotificationSchema,
  }),
);

/**
 * The event Lambda receives from an SNS subscription: `{ Records: [{ EventSource: 'aws:sns', Sns }] }`.
 *
 * @example snsEventSchema.parse(event).Records[0].Sns.Message
 */
export const snsEventSchema = z.looseObject({
  Records: z.array(z.unknown()),
});

/**
 * The JSON body SNS POSTs to an HTTP(S) subscriber (and what email-JSON subscribers receive).
 * @see https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html
 */
export const snsHttpBodySchema = z.lazy(() =>
  z.looseObject({
    Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
    MessageId: z.string(),
    TopicArn: z.string(),
    Subject: z.nullish(z.string()),
    Message: z.string(),
    Timestamp: z.optional(z.string()),
    MessageAttributes: z.optional(z.record(z.string(), snsMessageAttributeSchema)),
  }),
);

export type SnsNotification = z.infer<typeof snsNotificationSchema>;
export type SnsRecord = z.infer<typeof snsRecordSchema>;
export type SnsEvent = z.infer<typeof snsEventSchema>;
export type SnsHttpBody = z.infer<typeof snsHttpBodySchema>;
