/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, the dates Cost Explorer speaks (its days are UTC
 * days). Pure: the current date comes from the caller.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** First day of the month `date` is in. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** First day of the month after the one `date` is in. */
export function nextMonthStart(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The calendar date of an instant in an IANA time zone, e.g. the digest's "today". */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The run date of a digest sent at `instant`: the date in the team's zone, but never later than the
 * date in UTC, because Cost Explorer's days are UTC days. East of UTC a 09:00 digest runs before
 * midnight UTC (Sydney: 23:00 UTC the day before), and "yesterday" in the zone would be a UTC day
 * still in progress; taking the earlier date reports the last complete one.
 * @example digestRunDate(new Date('2024-05-14T23:00:00Z'), 'Australia/Sydney') // "2024-05-14" (not 05-15)
 */
export function digestRunDate(instant: Date, timeZone: string): string {
  return [dateInZone(instant, timeZone), dateInZone(instant, 'UTC')].sort()[0]!;
}
