import type { DigestSource } from './digest-input';
import type { DateRange, DigestPeriod } from './periods';

/**
 * Why a part of the digest is missing or partial. Locale-free codes; `interpretDigest` words them.
 * - `missing`: the source was not given (CLI file without the key)
 * - `failed`: the call failed; `errorKind` says how (see {@link ErrorKind})
 * - `unreadable`: the response did not have the expected shape
 * - `noDataForPeriod`: Cost Explorer returned nothing for the reported period (yet)
 * - `partialPeriod`: it returned only `days` of the period's `of` days (a lagging day, a new account)
 * - `truncated`: more pages existed than the digest reads (bounded cost)
 * - `partialAverage`: only `count` of the earlier periods averaged had data (new account)
 */
export type DigestNote =
  | { code: 'missing' | 'unreadable' | 'truncated'; source: DigestSource }
  | { code: 'failed'; source: DigestSource; errorKind: ErrorKind; detail: string }
  | { code: 'noDataForPeriod' }
  | { code: 'partialPeriod'; days: number; of: number }
  | { code: 'partialAverage'; count: number };

/**
 * Failure kinds people can act on, by AWS error name.
 * - accessDenied: the role lacks the permission
 * - dataUnavailable: a new account, or Cost Explorer just enabled (data comes within 24 hours)
 * - notEnabled: Cost Explorer / the API needs opting in
 * - throttled, other
 */
export type ErrorKind = 'accessDenied' | 'dataUnavailable' | 'notEnabled' | 'throttled' | 'other';

/** An amount in the digest's currency, in minor units (cents; yen). */
export type Minor = number;

/** One service line: the period's amount, change against the previous period, and its sparkline. */
export interface ServiceLine {
  readonly name: string;
  readonly amount: Minor;
  readonly previous?: Minor;
  readonly sparkline: string;
}

/** A quantity that is money (minor units) when `unit` is a currency, else a plain number. */
export interface Quantity {
  readonly value: number;
  readonly minor?: Minor;
  readonly unit: string;
}

/** One budget's standing (DescribeBudgets CalculatedSpend). */
export interface BudgetStatus {
  readonly name: string;
  readonly type?: string;
  readonly timeUnit?: string;
  readonly limit?: Quantity;
  readonly actual?: Quantity;
  readonly forecast?: Quantity;
  /** actual / limit × 100 */
  readonly actualPercent?: number;
  readonly forecastPercent?: number;
}

/** A free-tier offer forecast (or already) over its free limit this month. */
export interface FreeTierItem {
  readonly service: string;
  readonly usageType?: string;
  readonly region?: string;
  readonly description?: string;
  readonly unit?: string;
  readonly limit: number;
  readonly actual: number;
  readonly forecast: number;
  /** forecast / limit × 100 */
  readonly forecastPercent: number;
}

/** Everything a digest shows, computed from the raw responses; money in minor units. */
export interface Digest {
  /** The run date. */
  readonly date: string;
  readonly period: DigestPeriod;
  /** The period reported on; `day` is its last day. */
  readonly reported: DateRange;
  readonly day: string;
  readonly currency: string;
  readonly metric: string;
  readonly excludedRecordTypes: readonly string[];
  readonly account?: string;
  /** The periods shown in each sparkline, oldest first. */
  readonly sparklineWindows: readonly DateRange[];
  readonly total?: Minor;
  readonly previousTotal?: Minor;
  readonly averageTotal?: Minor;
  /** Exact percentages (undefined when the base is zero or missing). */
  readonly changeVsPreviousPercent?: number;
  readonly changeVsAveragePercent?: number;
  readonly totalSparkline?: string;
  /** Top N services; with `other`, they add up to `total` exactly. */
  readonly services: readonly ServiceLine[];
  readonly other?: { readonly count: number; readonly amount: Minor };
  readonly monthStart: string;
  readonly monthToDate?: Minor;
  /** True when the month is over (the daily digest of the 1st): month-to-date is the month's total. */
  readonly monthComplete: boolean;
  readonly monthEndForecast?: Minor;
  readonly budgets: readonly BudgetStatus[];
  readonly hiddenBudgets: number;
  readonly freeTier: readonly FreeTierItem[];
  readonly hiddenFreeTier: number;
  /** Some figures are still estimates (Cost Explorer's `Estimated`), or the period is recent. */
  readonly estimated: boolean;
  readonly notes: readonly DigestNote[];
}
