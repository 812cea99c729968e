import * as z from './zod';

/**
 * The EventBridge envelope every AWS service event arrives in; `detail` is checked by the
 * interpreter that claims the `source`/`detail-type` pair.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 *
 * @example eventBridgeEventSchema.parse(event)['detail-type'] // "CloudWatch Alarm State Change"
 */
export const eventBridgeEventSchema = z.looseObject({
  version: z.optional(z.string()),
  id: z.optional(z.string()),
  'detail-type': z.string(),
  source: z.string(),
  account: z.optional(z.string()),
  time: z.optional(z.string()),
  region: z.optional(z.string()),
  resources: z.optional(z.array(z.unknown())),
  detail: z.unknown(),
});

export type EventBridgeEvent = z.infer<typeof eventBridgeEventSchema>;
