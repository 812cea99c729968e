import { apportion, exactToNumber, parseExact, toMinor } from '../../cost/money';
import { buildCostSeries, type CostSeries } from './cost-series';
import { AVERAGE_DAYS, addDays, type DigestWindow, digestWindow, SPARKLINE_DAYS } from './digest-dates';
import {
  costAndUsagePageSchema,
  costForecastSchema,
  type DigestData,
  describeBudgetsSchema,
  freeTierUsageSchema,
} from './digest-input';
import type { Digest, DigestNote, ServiceLine } from './digest-model';
import { budgetStatuses, freeTierAtRisk } from './digest-status';
import { readSource } from './read-sources';
import { sparkline } from './sparkline';

/** Services listed by name in the digest when not configured; the rest are "Other". */
export const DEFAULT_DIGEST_TOP_N = 5;

/** Options of {@link computeDigest}. */
export interface DigestOptions {
  /** The run date `YYYY-MM-DD` ("today"); the digest reports on the day before. */
  readonly date: string;
  readonly topN?: number;
  /** Cost Explorer metric to read (default: UnblendedCost, or the one metric the data has). */
  readonly metric?: string;
  readonly account?: string;
  /** Cost Explorer RECORD_TYPE values the query left out (e.g. Credit, Refund), shown with the metric. */
  readonly excludedRecordTypes?: readonly string[];
}

const sum = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);
const pct = (now: bigint, base: bigint | undefined) =>
  base === undefined || base === 0n ? undefined : (exactToNumber(now - base) / Math.abs(exactToNumber(base))) * 100;

function dayFigures(series: CostSeries, w: DigestWindow, topN: number, notes: DigestNote[]) {
  const currency = series.currency;
  const services = series.days.get(w.day);
  if (!services) notes.push({ code: 'noDataForDay', day: w.day });
  const ranked = [...(services ?? new Map<string, bigint>())]
    .filter(([, amount]) => amount !== 0n)
    .sort(([an, a], [bn, b]) => (a === b ? an.localeCompare(bn) : a > b ? -1 : 1));
  const top = ranked.slice(0, Math.max(0, topN));
  const rest = ranked.slice(top.length);
  const restExact = sum(rest.map(([, a]) => a));
  const minor = apportion([...top.map(([, a]) => a), ...(rest.length > 0 ? [restExact] : [])], currency);
  const sparkDays = Array.from({ length: SPARKLINE_DAYS }, (_, i) => addDays(w.day, i - SPARKLINE_DAYS + 1));
  const spark = (pick: (day: ReadonlyMap<string, bigint>, d: string) => bigint) =>
    sparkline(sparkDays.map((d) => (series.days.has(d) ? exactToNumber(pick(series.days.get(d)!, d)) : undefined)));
  const previous = series.days.get(w.previousDay);
  const lines: ServiceLine[] = top.map(([name], i) => ({
    name,
    amount: minor[i] ?? 0,
    ...(previous ? { previous: toMinor(previous.get(name) ?? 0n, currency) } : {}),
    sparkline: spark((day) => day.get(name) ?? 0n),
  }));
  const dayExact = series.dayTotals.get(w.day);
  const previousExact = series.dayTotals.get(w.previousDay);
  const averageDays = Array.from({ length: AVERAGE_DAYS }, (_, i) => addDays(w.day, -AVERAGE_DAYS + i)).filter((d) =>
    series.dayTotals.has(d),
  );
  if (averageDays.length > 0 && averageDays.length < AVERAGE_DAYS)
    notes.push({ code: 'partialAverage', days: averageDays.length });
  const averageExact =
    averageDays.length > 0
      ? sum(averageDays.map((d) => series.dayTotals.get(d)!)) / BigInt(averageDays.length)
      : undefined;
  return {
    sparklineDays: sparkDays,
    services: lines,
    ...(rest.length > 0 ? { other: { count: rest.length, amount: minor[top.length] ?? 0 } } : {}),
    ...(dayExact !== undefined ? { dayTotal: minor.reduce((a, b) => a + b, 0) } : {}),
    ...(previousExact !== undefined ? { previousDayTotal: toMinor(previousExact, currency) } : {}),
    ...(averageExact !== undefined ? { averageTotal: toMinor(averageExact, currency) } : {}),
    ...(dayExact !== undefined && pct(dayExact, previousExact) !== undefined
      ? { changeVsPreviousPercent: pct(dayExact, previousExact) }
      : {}),
    ...(dayExact !== undefined && pct(dayExact, averageExact) !== undefined
      ? { changeVsAveragePercent: pct(dayExact, averageExact) }
      : {}),
    ...(series.days.size > 0 ? { totalSparkline: spark((_, d) => series.dayTotals.get(d) ?? 0n) } : {}),
  };
}

/** Month to date, exact: daily results of the month; a longer result only when no daily data covers the month. */
function monthToDateExact(series: CostSeries, w: DigestWindow): bigint | undefined {
  const daily = [...series.dayTotals].filter(([d]) => d >= w.monthStart && d <= w.day);
  if (daily.length > 0) return sum(daily.map(([, a]) => a));
  const spans = series.spans.filter((s) => s.start >= w.monthStart && s.end <= w.monthEnd);
  return spans.length > 0 ? sum(spans.map((s) => s.total)) : undefined;
}

/**
 * The daily cost digest from recorded or live responses: the reported day's total and top services
 * (plus "Other", adding up to the total to the cent), change against the previous day and the 7-day
 * average, sparklines, month to date and month-end forecast, budgets and free-tier offers at risk.
 * A missing or failed source leaves its part empty and adds a note; it never fails the digest.
 *
 * @example computeDigest(JSON.parse(readFileSync('examples/cost/recorded-month.json', 'utf8')), { date: '2024-05-14' })
 */
export function computeDigest(data: DigestData, options: DigestOptions): Digest {
  const w = digestWindow(options.date);
  const notes: DigestNote[] = [];
  const cost = readSource(data.GetCostAndUsage, costAndUsagePageSchema, 'GetCostAndUsage');
  if (cost.note) notes.push(cost.note);
  if (cost.pages?.at(-1)?.NextPageToken) notes.push({ code: 'truncated', source: 'GetCostAndUsage' });
  const series = cost.pages ? buildCostSeries(cost.pages, options.metric) : undefined;
  const forecastRead = w.forecast ? readSource(data.GetCostForecast, costForecastSchema, 'GetCostForecast') : undefined;
  const forecastTotal = forecastRead?.pages?.[0]?.Total;
  const currency = series?.currency ?? forecastTotal?.Unit ?? 'USD';
  const figures = series ? dayFigures(series, w, options.topN ?? DEFAULT_DIGEST_TOP_N, notes) : undefined;
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
    day: w.day,
    currency,
    metric: series?.metric ?? options.metric ?? 'UnblendedCost',
    ...(options.account ? { account: options.account } : {}),
    excludedRecordTypes: options.excludedRecordTypes ?? [],
    sparklineDays: figures?.sparklineDays ?? [],
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
