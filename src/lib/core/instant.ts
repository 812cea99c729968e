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

/** The two-digit number at `at` (0–99), or -1 when those are not two ASCII digits. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Characters of `2022-03-01T14:27:24Z` and of `2022-03-01T14:27:24.071Z`. */
const SECONDS_ISO_LENGTH = 20;
export const MILLIS_ISO_LENGTH = 24;

/**
 * True when `text` is already what toISOString writes, but for the milliseconds it may leave out
 * (`2022-03-01T14:27:24Z`): a four-digit year and a real day and time of day. Most AWS
 * timestamps are; for them Date.parse and toISOString would only give the same text back.
 */
export function isCanonicalIso(text: string): boolean {
  const millis = text.length === MILLIS_ISO_LENGTH;
  if (!millis && text.length !== SECONDS_ISO_LENGTH) return false;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return false;
  if (text[text.length - 1] !== 'Z') return false;
  if (millis && (text[19] !== '.' || twoDigits(text, 20) < 0 || twoDigits(text, 21) < 0)) return false;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return false;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  return (
    day <= daysIn(century * 100 + yearOfCentury, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/**
 * Epoch milliseconds of a {@link isCanonicalIso} text, read by digits: what `Date.parse` gives for
 * it, without parsing a date string (a runtime call several times dearer). NaN for any other text,
 * and for years before 1000 (Date.UTC reads 0–99 as 1900–1999): the caller parses those.
 * @example canonicalIsoMillis('1970-01-01T00:00:01.500Z') // 1500
 */
export function canonicalIsoMillis(text: string): number {
  if (!isCanonicalIso(text) || text.charCodeAt(0) === 48) return Number.NaN;
  const millis = text.length === MILLIS_ISO_LENGTH ? twoDigits(text, 20) * 10 + (text.charCodeAt(22) - 48) : 0;
  return Date.UTC(
    twoDigits(text, 0) * 100 + twoDigits(text, 2),
    twoDigits(text, 5) - 1,
    twoDigits(text, 8),
    twoDigits(text, 11),
    twoDigits(text, 14),
    twoDigits(text, 17),
    millis,
  );
}

/**
 * `Date.parse(text)`, the same number, with canonical ISO text (most instants) read by digits
 * ({@link canonicalIsoMillis}) and anything else given to Date.parse.
 * @example parseInstant('2019-10-02T17:04:40.989Z') // 1570035880989
 */
export function parseInstant(text: string): number {
  const millis = canonicalIsoMillis(text);
  return Number.isNaN(millis) ? Date.parse(text) : millis;
}

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
  // Already canonical (most are): the answer is the text, without a regex or a Date.
  if (isCanonicalIso(text)) return text.length === MILLIS_ISO_LENGTH ? text : `${text.slice(0, 19)}.000Z`;
  const iso = awsTimestampIso(text);
  if (iso !== undefined) return iso;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
