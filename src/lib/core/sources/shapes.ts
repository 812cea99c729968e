import type { UnwrappedItem } from '../envelopes/types';
import { isRecord } from '../schemas/parse';

/** A parsed JSON payload. */
export type Payload = Record<string, unknown>;

/**
 * True for anything in the EventBridge envelope (`source`, `detail-type`, `detail`), whatever the
 * service; the envelope itself is checked by the source that reads it.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 */
export const isEventBridgeShape = (p: Payload): boolean => 'detail-type' in p && 'source' in p && 'detail' in p;

/** The JSON payload of an item, or undefined for a plain-text message. */
export const payloadOf = (item: UnwrappedItem): Payload | undefined =>
  isRecord(item.payload) ? item.payload : undefined;

/** `source/detail-type` of an EventBridge event ("aws.cloudwatch/CloudWatch Alarm State Change"), else undefined. */
export function eventBridgeKey(item: UnwrappedItem): string | undefined {
  const p = payloadOf(item);
  return p && isEventBridgeShape(p) ? `${String(p.source)}/${String(p['detail-type'])}` : undefined;
}

/** The `detail-type` of an EventBridge event, else undefined. */
export function detailTypeOf(item: UnwrappedItem): string | undefined {
  const p = payloadOf(item);
  return p && isEventBridgeShape(p) ? String(p['detail-type']) : undefined;
}
