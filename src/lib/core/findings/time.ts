/** Days in each month of a common year; February gains one in a leap year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The two-digit number at `at` (0–99), or -1 when those are not two ASCII digits. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Characters of `2022-03-01T14:27:24Z` and of `2022-03-01T14:27:24.071Z`. */
const SECONDS_LENGTH = 20;
const MILLIS_LENGTH = 24;

/**
 * True when `text` is already what toISOString writes, but for the milliseconds it may leave out
 * (`2022-03-01T14:27:24Z`): a four-digit year and a real day and time of day. Most AWS timestamps
 * are; for them Date.parse and toISOString would only give the same text back.
 */
function isCanonicalIso(text: string): boolean {
  const millis = text.length === MILLIS_LENGTH;
  if (!millis && text.length !== SECONDS_LENGTH) return false;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return false;
  if (text[text.length - 1] !== 'Z') return false;
  if (millis && (text[19] !== '.' || twoDigits(text, 20) < 0 || twoDigits(text, 21) < 0)) return false;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = century * 100 + yearOfCentury;
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  return day <= days && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

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
  if (isCanonicalIso(text)) return text.length === MILLIS_LENGTH ? text : `${text.slice(0, 19)}.000Z`;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
