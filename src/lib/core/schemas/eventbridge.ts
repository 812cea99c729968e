import { z } from 'zod';

/**
 * The EventBridge envelope every AWS service event arrives in; `detail` is checked by the
 * interpreter that claims the `source`/`detail-type` pair.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 *
 * @example eventBridgeEventSchema.parse(event)['detail-type'] // "CloudWatch Alarm State Change"
 */
export const eventBridgeEventSchema = z.looseObject({
  version: z.string().optional(),
  id: z.string().optional(),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string().optional(),
  time: z.string().optional(),
  region: z.string().optional(),
  resources: z.array(z.unknown()).optional(),
  detail: z.unknown(),
});

export type EventBridgeEvent = z.infer<typeof eventBridgeEventSchema>;
