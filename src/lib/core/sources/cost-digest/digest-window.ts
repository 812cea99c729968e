import { addDays, monthStart, nextMonthStart } from './digest-dates';
import { type DateRange, DEFAULT_DIGEST_PERIOD, type DigestPeriod, periodRow } from './periods';

/** Every date range a digest run on `date` (its "today") needs. All ends are exclusive. */
export interface DigestWindow {
  /** The run date. */
  readonly date: string;
  readonly period: DigestPeriod;
  /** What the digest reports on (daily: the day before `date`). */
  readonly reported: DateRange;
  /** The last day reported on; month to date runs to it. */
  readonly day: string;
  /** The window just before `reported`, of the same period. */
  readonly previous: DateRange;
  /** The windows averaged for "change vs average", newest first. */
  readonly averaged: readonly DateRange[];
  /** One window per sparkline bar, oldest first, ending with `reported`. */
  readonly sparkline: readonly DateRange[];
  /** Month-to-date is the month of `day`, so the daily digest of the 1st closes the previous month. */
  readonly monthStart: string;
  readonly monthEnd: string;
  /** The one GetCostAndUsage range: the oldest window needed (or the month's start) to `reported.end`. */
  readonly costStart: string;
  readonly costEnd: string;
  readonly granularity: 'DAILY' | 'MONTHLY';
  /** GetCostForecast range (from today to the month's end); absent when the month is over. */
  readonly forecast?: { readonly start: string; readonly end: string };
}

/**
 * The date ranges for a digest run on `date`, from the period's row: the reported window, then
 * each earlier one found by applying the row to the previous window's start.
 * @example digestWindow('2026-11-24').costStart // "2026-11-01"
 * @example digestWindow('2024-05-14', 'monthly').reported // { start: "2024-04-01", end: "2024-05-01" }
 */
export function digestWindow(date: string, period: DigestPeriod = DEFAULT_DIGEST_PERIOD): DigestWindow {
  const row = periodRow(period);
  const reported = row.reported(date);
  // Every earlier window something needs (the previous one, the averaged, the sparkline's), oldest last.
  const earlier: DateRange[] = [];
  for (let w = reported; earlier.length < Math.max(row.averageOver, row.sparklineLength - 1, 1); ) {
    w = row.reported(w.start);
    earlier.push(w);
  }
  const day = addDays(reported.end, -1);
  const start = monthStart(day);
  const end = nextMonthStart(day);
  return {
    date,
    period,
    reported,
    day,
    previous: earlier[0]!,
    averaged: earlier.slice(0, row.averageOver),
    sparkline: [reported, ...earlier.slice(0, row.sparklineLength - 1)].reverse(),
    monthStart: start,
    monthEnd: end,
    costStart: [earlier.at(-1)!.start, start].sort()[0]!,
    costEnd: reported.end,
    granularity: row.granularity,
    ...(date < end ? { forecast: { start: date, end } } : {}),
  };
}
