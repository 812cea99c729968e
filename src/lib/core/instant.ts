/**
 * An ISO 8601 instant (`…Z`) for CloudWatch's `2019-10-02T17:04:40.989+0000` (or any text
 * `Date.parse` reads), or undefined when the text is not a date: a malformed timestamp never
 * reaches a time field or a dedupe key.
 * @example toIsoInstant('2019-10-02T17:04:40.989+0000') // "2019-10-02T17:04:40.989Z"
 */
export function toIsoInstant(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
