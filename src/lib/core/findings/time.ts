import { isCanonicalIso, MILLIS_ISO_LENGTH } from '../instant';

/**
 * An ISO 8601 instant for an AWS timestamp, or undefined when the text is not a date. Accepts what
 * the security products send: ISO (`2022-03-01T14:27:24.071Z`), RFC 1123 (AWS Health:
 * `Sat, 05 Jun 2016 15:10:09 GMT`) and Inspector's `Wed Sep 04 17:00:36.951 UTC 2024`.
 *
 * @example findingInstant('Wed Sep 04 17:00:36.951 UTC 2024') // "2024-09-04T17:00:36.951Z"
 */
export function findingInstant(text: unknown): string | undefined {
  if (typeof text !== 'string' || text === '' || text.length > 64) return undefined;
  // Already canonical (most are): the answer is the text, without a Date and its parse.
  if (isCanonicalIso(text)) return text.length === MILLIS_ISO_LENGTH ? text : `${text.slice(0, 19)}.000Z`;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
