import type { Notification } from '../notification';

/** A notification's keys before its place, in published order. */
type Head = Pick<
  Notification,
  | 'schemaVersion'
  | 'category'
  | 'severity'
  | 'locale'
  | 'title'
  | 'subjectParts'
  | 'summary'
  | 'fields'
  | 'links'
  | 'notes'
>;
/** A notification's keys after its place, in published order. */
type Tail = Pick<Notification, 'occurredAt' | 'dedupeKey' | 'labels' | 'source'>;

/**
 * A notification with its keys in the order it is published (`…, notes, account, region,
 * occurredAt, …`, the order the JSON snapshots pin): `head`, then `account` and `region` only when
 * known, then `tail`. Written into `head`, not spread in (`...(account ? { account } : {})`): V8
 * copies a spread of a small literal on its slow path, and every notification had two.
 *
 * @example placed({ schemaVersion, category, …, notes: [] }, event.account, region, { occurredAt, dedupeKey, source })
 */
export function placed(head: Head, account: string | undefined, region: string | undefined, tail: Tail): Notification {
  const n: Head & Partial<Notification> = head;
  if (account) n.account = account;
  if (region) n.region = region;
  return Object.assign(n, tail);
}
