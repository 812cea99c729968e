import { parseExact, toMinor } from '../../cost/money';
import { buildCostSeries, type CostSeries } from './cost-series';
import {
  costAndUsagePageSchema,
  costForecastSchema,
  type DigestData,
  describeBudgetsSchema,
  freeTierUsageSchema,
} from './digest-input';
import type { Digest, DigestNote } from './digest-model';
import { budgetStatuses, freeTierAtRisk } from './digest-status';
import { type DigestWindow, digestWindow } from './digest-window';
import { periodFigures } from './period-figures';
import type { DigestPeriod } from './periods';
import { readSource } from './read-sources';

/** Services listed by name in the digest when not configured; the rest are "Other". */
export const DEFAULT_DIGEST_TOP_N = 5;

/** Options of {@link computeDigest}. */
export interface DigestOptions {
  /** The run date `YYYY-MM-DD` ("today"); the digest reports on the period before it. */
  readonly date: string;
  /** Default `daily`: the day before `date`. */
  readonly period?: DigestPeriod;
  readonly topN?: number;
  /** Cost Explorer metric to read (default: UnblendedCost, or the one metric the data has). */
  readonly metric?: string;
  readonly account?: string;
  /** Cost Explorer RECORD_TYPE values the query left out (e.g. Credit, Refund), shown with the metric. */
  readonly excludedRecordTypes?: readonly string[];
}

/** Month to date, exact: daily results of the month; a longer result only when no daily data covers the month. */
function monthToDateExact(series: CostSeries, w: DigestWindow): bigint | undefined {
  const daily = [...series.dayTotals].filter(([d]) => d >= w.monthStart && d <= w.day);
  const sum = (amounts: bigint[]) => amounts.reduce((a, b) => a + b, 0n);
  if (daily.length > 0) return sum(daily.map(([, a]) => a));
  const spans = series.spans.filter((s) => s.start >= w.monthStart && s.end <= w.monthEnd);
  return spans.length > 0 ? sum(spans.map((s) => s.total)) : undefined;
}

/**
 * The cost digest of one period (see periods.ts) from recorded or live responses: the period's total
 * and top services (plus "Other", adding up to the total to the cent), change against the previous
 * period and the average of earlier ones, sparklines, month to date and month-end forecast, budgets
 * and free-tier offers at risk. A missing or failed source leaves its part empty and adds a note;
 * it never fails the digest.
 *
 * @example computeDigest(JSON.parse(readFileSync('examples/cost/recorded-month.json', 'utf8')), { date: '2024-05-14' })
 */
export function computeDigest(data: DigestData, options: DigestOptions): Digest {
  const w = digestWindow(options.date, options.period);
  const notes: DigestNote[] = [];
  const cost = readSource(data.GetCostAndUsage, costAndUsagePageSchema, 'GetCostAndUsage');
  if (cost.note) notes.push(cost.note);
  if (cost.pages?.at(-1)?.NextPageToken) notes.push({ code: 'truncated', source: 'GetCostAndUsage' });
  const series = cost.pages ? buildCostSeries(cost.pages, options.metric) : undefined;
  const forecastRead = w.forecast ? readSource(data.GetCostForecast, costForecastSchema, 'GetCostForecast') : undefined;
  const forecastTotal = forecastRead?.pages?.[0]?.Total;
  const currency = series?.currency ?? forecastTotal?.Unit ?? 'USD';
  const figures = series ? periodFigures(series, w, options.topN ?? DEFAULT_DIGEST_TOP_N, notes) : undefined;
  const mtd = series ? monthToDateExact(series, w) : undefined;
  if (forecastRead?.note) notes.push(forecastRead.note);
  const forecastExact = parseExact(forecastTotal?.Amount);
  const forecastStart = forecastRead?.pages?.[0]?.ForecastResultsByTime?.[0]?.TimePeriod?.Start;
  const wholeMonth = forecastStart !== undefined && forecastStart <= w.monthStart;
  const monthEnd = !w.forecast
    ? mtd
    : forecastExact === undefined
      ? undefined
      : wholeMonth
        ? forecastExact
        : mtd === undefined
          ? undefined
          : mtd + forecastExact;
  const budgets = readSource(data.DescribeBudgets, describeBudgetsSchema, 'DescribeBudgets');
  if (budgets.note) notes.push(budgets.note);
  const budgetPart = budgetStatuses(budgets.pages ?? []);
  const freeTier = readSource(data.GetFreeTierUsage, freeTierUsageSchema, 'GetFreeTierUsage');
  if (freeTier.note) notes.push(freeTier.note);
  const freePart = freeTierAtRisk(freeTier.pages ?? []);
  return {
    date: w.date,
    period: w.period,
    reported: w.reported,
    day: w.day,
    currency,
    metric: series?.metric ?? options.metric ?? 'UnblendedCost',
    ...(options.account ? { account: options.account } : {}),
    excludedRecordTypes: options.excludedRecordTypes ?? [],
    sparklineWindows: figures?.sparklineWindows ?? [],
    services: figures?.services ?? [],
    ...figures,
    monthStart: w.monthStart,
    ...(mtd !== undefined ? { monthToDate: toMinor(mtd, currency) } : {}),
    monthComplete: !w.forecast,
    ...(monthEnd !== undefined ? { monthEndForecast: toMinor(monthEnd, currency) } : {}),
    budgets: budgetPart.shown,
    hiddenBudgets: budgetPart.hidden,
    freeTier: freePart.shown,
    hiddenFreeTier: freePart.hidden,
    estimated: series?.estimated ?? false,
    notes,
  };
}
