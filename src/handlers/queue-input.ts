import type { NotifierConfig } from '../lib/config';
import * as z from '../lib/core/schemas/zod';
import type { PipelineResult } from '../lib/pipeline';
import { toNotifications } from './channel-input';

/** The part of an SQS→Lambda event a queue consumer reads. @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html */
const sqsEventSchema = z.object({
  Records: z
    .array(
      z.looseObject({
        messageId: z.string().check(z.minLength(1)),
        body: z.string(),
        eventSource: z.literal('aws:sqs'),
      }),
    )
    .check(z.minLength(1)),
});

/** One SQS message of a batch, by the id a partial batch response names it with. */
export type QueueRecord = z.infer<typeof sqsEventSchema>['Records'][number];
/** An SQS→Lambda event. */
export type QueueEvent = z.infer<typeof sqsEventSchema>;

/** True for an SQS→Lambda event (every record from `aws:sqs`). */
export const isQueueEvent = (event: unknown): event is QueueEvent => sqsEventSchema.safeParse(event).success;

/** An SNS envelope, as SQS holds a message when the subscription does not use raw delivery. */
const snsEnvelopeSchema = z.looseObject({ Type: z.literal('Notification'), Message: z.string() });

/** The SNS message a queued body carries: the body itself (raw delivery), or the envelope's `Message`. */
function snsMessageOf(body: string): string {
  if (!body.trimStart().startsWith('{')) return body;
  try {
    const envelope = snsEnvelopeSchema.safeParse(JSON.parse(body));
    return envelope.success ? envelope.data.Message : body;
  } catch {
    return body;
  }
}

/**
 * Reads one queued message as the topic delivered it (see {@link toNotifications}): our own
 * Notification as is, anything else published to the topic as a generic notification.
 */
export function readQueueRecord(record: QueueRecord, config: NotifierConfig, now: Date): Promise<PipelineResult> {
  const Sns = { Type: 'Notification', MessageId: record.messageId, Message: snsMessageOf(record.body) };
  return toNotifications({ Records: [{ EventSource: 'aws:sns', Sns }] }, config, now);
}
