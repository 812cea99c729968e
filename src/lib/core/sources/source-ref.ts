import type { Notification } from '../notification';
import { compactText } from './compact-text';

/*
 * A notification's `source` written out as one of two literals rather than built with a spread
 * (`{ type, ...(id ? { id } : {}) }`): a spread of a small literal takes V8's slow path, and every
 * notification has a `source`. Both key orders are kept as each source has always written them:
 * they are part of the JSON a notification is published as.
 */

/** `{ type, id }`, or `{ type }` when there is no id. */
export function sourceRef(type: string, id: string | undefined): Notification['source'] {
  return id ? { type, id } : { type };
}

/** `{ id, type }`, or `{ type }` when there is no id (the order some sources have always written). */
export function sourceRefIdFirst(id: string | undefined, type: string): Notification['source'] {
  return id ? { id, type } : { type };
}

/**
 * The most `source/detail-type` pairs {@link eventSourceType} keeps: a deployment's events come
 * from a few dozen; past the bound each type is built anew, as before the cache.
 */
const MAX_EVENT_SOURCE_TYPES = 256;

/** The longest type kept (EventBridge's `source` and `detail-type` are short); a longer one is built anew. */
const MAX_EVENT_SOURCE_TYPE_CHARS = 512;

/** Each `source/detail-type` already built, by source then detail type. */
const eventSourceTypes = new Map<string, Map<string, string>>();
let eventSourceTypeCount = 0;

/**
 * `${source}/${detailType}`, an EventBridge event's `source.type` and routing key, built once per
 * pair and kept: most notifications carry one, and a string joined anew for every event is a fresh
 * concatenation that its first reader (the SNS JSON, a comparison) must flatten again. Kept as
 * {@link compactText} writes it: one byte a character, though the parts came from an event read
 * out of a two-byte JSON text (the first such event would otherwise widen every later one's).
 * @example eventSourceType('aws.guardduty', 'GuardDuty Finding') // "aws.guardduty/GuardDuty Finding"
 */
export function eventSourceType(source: string, detailType: string): string {
  const byDetailType = eventSourceTypes.get(source);
  const known = byDetailType?.get(detailType);
  if (known !== undefined) return known;
  const joined = `${source}/${detailType}`;
  if (eventSourceTypeCount >= MAX_EVENT_SOURCE_TYPES || joined.length > MAX_EVENT_SOURCE_TYPE_CHARS) return joined;
  const type = compactText(joined);
  if (byDetailType) byDetailType.set(detailType, type);
  else eventSourceTypes.set(source, new Map([[detailType, type]]));
  eventSourceTypeCount++;
  return type;
}
