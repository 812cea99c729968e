import type { UnwrappedItem } from '../envelopes/types';
import { isRecord } from '../schemas/parse';
import { eventSourceType } from './source-ref';

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

/**
 * `source/detail-type` of an EventBridge event ("aws.cloudwatch/CloudWatch Alarm State Change"),
 * else undefined. Only strings count: a value of another type is never converted (an object may
 * carry its own `toString`), so no source claims the event and the generic one rejects it by name.
 */
export function eventBridgeKey(item: UnwrappedItem): string | undefined {
  const p = payloadOf(item);
  if (!p || !isEventBridgeShape(p) || typeof p.source !== 'string') return undefined;
  const detailType = detailTypeOf(item);
  return detailType === undefined ? undefined : eventSourceType(p.source, detailType);
}

/**
 * True for an EventBridge event from `source` with one of `detailTypes`: the test of
 * `eventBridgeKey(item) === "source/detail-type"`, without building the key for every source a
 * message is offered to (and with no way for a `/` in either part to join the wrong pair).
 */
export function isEventOf(item: UnwrappedItem, source: string, detailTypes: readonly string[]): boolean {
  const p = payloadOf(item);
  return (
    p !== undefined && isEventBridgeShape(p) && p.source === source && detailTypes.includes(p['detail-type'] as string)
  );
}

/** The `detail-type` of an EventBridge event when it is a string, else undefined. */
export function detailTypeOf(item: UnwrappedItem): string | undefined {
  const p = payloadOf(item);
  return p && isEventBridgeShape(p) && typeof p['detail-type'] === 'string' ? p['detail-type'] : undefined;
}
