import type { Notification } from '../notification';

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
