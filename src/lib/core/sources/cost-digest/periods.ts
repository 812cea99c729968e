import type { Locale } from '../../locale';
import * as z from '../../schemas/zod';
import { addDays, monthStart } from './digest-dates';

/** Whole UTC days from `start` up to `end`, exclusive: Cost Explorer's `TimePeriod`. */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

/** The words of the digest that change with the period (the rest is in digest-strings.ts). */
export interface PeriodWords {
  /** What the reported period is compared with: "previous day" / "前日比". */
  readonly previous: string;
  /** The average over `n` earlier periods: "7-day average" / "7 日平均". */
  readonly average: (n: number) => string;
  /** The unit of "the average covers only n earlier …". */
  readonly unit: (n: number) => string;
}

/** Everything about a digest that depends on how long the reported period is. */
export interface DigestPeriodRow {
  /**
   * The window a run on `date` (its "today") reports on: complete UTC days before `date`. Applied
   * to a window's own start, it gives the window before, which is how comparisons are found.
   */
  readonly reported: (date: string) => DateRange;
  /** How the window is named in titles and labels (locale-free: dates only). */
  readonly label: (range: DateRange) => string;
  /** Earlier periods averaged for "change vs N-… average". */
  readonly averageOver: number;
  /** Periods per sparkline, ending with the reported one. */
  readonly sparklineLength: number;
  /**
   * Cost Explorer granularity read. Together with `averageOver` and `sparklineLength` it sets how
   * much is fetched: the oldest window either needs, or the month's start if earlier.
   */
  readonly granularity: 'DAILY' | 'MONTHLY';
  /** Show "month to date" as its own line (a monthly digest's total already is the month). */
  readonly showMonthToDate: boolean;
  /** Default EventBridge Scheduler expression (infra/digest-params.cjs keeps a copy, tested equal). */
  readonly schedule: string;
  /** What it reports, for `notifier digest --help`. */
  readonly about: string;
  readonly words: Readonly<Record<Locale, PeriodWords>>;
}

const plural = (one: string, many: string) => (n: number) => (n === 1 ? one : many);

/**
 * The digest periods. A new period is a row here (plus its schedule in infra/digest-params.cjs);
 * nothing else names a period.
 *
 * - `daily`: the last complete UTC day, against the day before and the 7 days before it
 *   (fetches the month to date, or the 8 days if the month is younger).
 * - `weekly`: the last 7 complete UTC days, not the ISO week: whatever weekday the schedule runs
 *   on, and east of UTC where the run date may lag a day, it reports the latest complete days, and
 *   it compares like with like (each 7-day window has every weekday once). Against the 7 days
 *   before and the 4 weeks before those; 5 weeks of daily costs fetched.
 * - `monthly`: the last complete calendar month, against the month before and the 3 before it.
 *   Months read with MONTHLY granularity: 6 results (the sparkline's months) are one small page,
 *   where half a year of daily costs by service could exceed the page bound.
 */
export const digestPeriods = {
  daily: {
    reported: (date) => ({ start: addDays(date, -1), end: date }),
    label: (r) => r.start,
    averageOver: 7,
    sparklineLength: 7,
    granularity: 'DAILY',
    showMonthToDate: true,
    schedule: 'cron(0 9 * * ? *)',
    about: 'the last complete UTC day before the run date',
    words: {
      en: { previous: 'previous day', average: (n) => `${n}-day average`, unit: plural('day', 'days') },
      ja: { previous: '前日比', average: (n) => `${n} 日平均`, unit: () => '日分' },
    },
  },
  weekly: {
    reported: (date) => ({ start: addDays(date, -7), end: date }),
    label: (r) => `${r.start} – ${addDays(r.end, -1)}`,
    averageOver: 4,
    sparklineLength: 5,
    granularity: 'DAILY',
    showMonthToDate: true,
    schedule: 'cron(0 9 ? * MON *)',
    about: 'the last 7 complete days before it',
    words: {
      en: { previous: 'previous week', average: (n) => `${n}-week average`, unit: plural('week', 'weeks') },
      ja: { previous: '前週比', average: (n) => `${n} 週平均`, unit: () => '週分' },
    },
  },
  monthly: {
    reported: (date) => ({ start: monthStart(addDays(monthStart(date), -1)), end: monthStart(date) }),
    label: (r) => r.start.slice(0, 7),
    averageOver: 3,
    sparklineLength: 6,
    granularity: 'MONTHLY',
    showMonthToDate: false,
    schedule: 'cron(0 9 1 * ? *)',
    about: 'the last complete calendar month before it',
    words: {
      en: { previous: 'previous month', average: (n) => `${n}-month average`, unit: plural('month', 'months') },
      ja: { previous: '前月比', average: (n) => `${n} か月平均`, unit: () => 'か月分' },
    },
  },
} as const satisfies Record<string, DigestPeriodRow>;

/** A period id: `daily`, `weekly` or `monthly`. */
export const digestPeriodSchema = z.enum(Object.keys(digestPeriods) as [keyof typeof digestPeriods]);
export type DigestPeriod = z.infer<typeof digestPeriodSchema>;

/** The period when none is configured: today's behaviour. */
export const DEFAULT_DIGEST_PERIOD: DigestPeriod = 'daily';

/** A period's row, typed as the general row (the `as const` literal types are for the keys). */
export const periodRow = (period: DigestPeriod): DigestPeriodRow => digestPeriods[period];
