/**
 * The timestamps AWS writes: ISO 8601 with seconds, optional milliseconds, and `Z` or an offset
 * with or without a colon (CloudWatch's `2019-10-02T17:04:40.989+0000`).
 */
const AWS_TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{3}))?(?:Z|([+-])(\d\d):?(\d\d))$/;

/** The largest UTC offset in use (Kiribati, +14:00); past it, Date.parse decides. */
const MAX_OFFSET_HOURS = 14;

/** Days of each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!);

/**
 * The ISO instant of an AWS timestamp whose every field is in range, read without Date.parse
 * (whose fallback parser, for the offset without a colon, is slow) and, in UTC, without a Date at
 * all: the text already is the instant, milliseconds added. Undefined for any other text, which
 * Date.parse then reads. Pinned to Date.parse by a property test.
 */
function awsTimestampIso(text: string): string | undefined {
  const m = AWS_TIMESTAMP.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > MAX_OFFSET_HOURS ||
    offsetMinutes > 59
  ) {
    return undefined;
  }
  const millis = m[7] ?? '000';
  if (offsetHours === 0 && offsetMinutes === 0) return `${text.slice(0, 19)}.${millis}Z`;
  const offsetMs = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, Number(millis)) - offsetMs).toISOString();
}

/**
 * An ISO 8601 instant (`…Z`) for CloudWatch's `2019-10-02T17:04:40.989+0000` (or any text
 * `Date.parse` reads), or undefined when the text is not a date: a malformed timestamp never
 * reaches a time field or a dedupe key.
 * @example toIsoInstant('2019-10-02T17:04:40.989+0000') // "2019-10-02T17:04:40.989Z"
 */
export function toIsoInstant(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const iso = awsTimestampIso(text);
  if (iso !== undefined) return iso;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
