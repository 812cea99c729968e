import { DEFAULT_CURRENCY, parseExact } from '../../cost/money';
import { daysBetween } from './digest-dates';
import type { CostAndUsagePage } from './digest-input';
import type { DateRange } from './periods';

/** The metric the digest reads when none is configured. */
export const DEFAULT_COST_METRIC = 'UnblendedCost';

/** GetCostAndUsage pages reduced to exact amounts per day and service. */
export interface CostSeries {
  readonly metric: string;
  readonly currency: string;
  /** Daily results: date → service → exact amount. */
  readonly days: ReadonlyMap<string, ReadonlyMap<string, bigint>>;
  /** Daily totals (sum of the groups, or the response's Total when ungrouped). */
  readonly dayTotals: ReadonlyMap<string, bigint>;
  /** Results longer than a day (a MONTHLY response), used where no daily result covers a range. */
  readonly spans: ReadonlyArray<Span>;
  readonly estimated: boolean;
}

/** One result longer than a day: its range, total and amount per service. */
interface Span {
  readonly start: string;
  readonly end: string;
  readonly total: bigint;
  readonly services: ReadonlyMap<string, bigint>;
}

type Result = NonNullable<CostAndUsagePage['ResultsByTime']>[number];

/** The configured metric when the data has it, else the first metric the data has. */
function chooseMetric(results: readonly Result[], wanted: string | undefined): string {
  const names = new Set<string>();
  for (const r of results) {
    for (const g of r.Groups ?? []) for (const k of Object.keys(g.Metrics ?? {})) names.add(k);
    for (const k of Object.keys(r.Total ?? {})) names.add(k);
  }
  if (wanted && (names.has(wanted) || names.size === 0)) return wanted;
  return names.has(DEFAULT_COST_METRIC) ? DEFAULT_COST_METRIC : ([...names][0] ?? wanted ?? DEFAULT_COST_METRIC);
}

/** ISO 4217 codes look like this; Cost Explorer's usage metrics say "N/A" or a unit instead. */
const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * Merges GetCostAndUsage pages (DAILY, grouped by SERVICE) into exact per-day, per-service amounts.
 * A (day, service) pair seen twice keeps its last value, so a page passed twice is not counted twice.
 */
export function buildCostSeries(pages: readonly CostAndUsagePage[], wantedMetric?: string): CostSeries {
  const results = pages.flatMap((p) => p.ResultsByTime ?? []);
  const metric = chooseMetric(results, wantedMetric);
  const days = new Map<string, Map<string, bigint>>();
  const ungrouped = new Map<string, bigint>();
  const spans: Span[] = [];
  let currency: string | undefined;
  let estimated = false;
  const read = (v: { Amount?: string | undefined; Unit?: string | undefined } | undefined) => {
    if (v?.Unit && CURRENCY_CODE.test(v.Unit)) currency ??= v.Unit;
    return parseExact(v?.Amount) ?? 0n;
  };
  for (const r of results) {
    estimated ||= r.Estimated === true;
    const { Start: start, End: end } = r.TimePeriod;
    const groups = r.Groups ?? [];
    const total =
      groups.length > 0 ? groups.reduce((sum, g) => sum + read(g.Metrics?.[metric]), 0n) : read(r.Total?.[metric]);
    const services = new Map<string, bigint>();
    for (const g of groups) services.set(g.Keys?.join(' / ') || '?', read(g.Metrics?.[metric]));
    if (daysBetween(start, end) !== 1) {
      spans.push({ start, end, total, services });
      continue;
    }
    const day = days.get(start) ?? new Map<string, bigint>();
    days.set(start, day);
    if (groups.length === 0 && r.Total?.[metric]) ungrouped.set(start, total);
    for (const [name, amount] of services) day.set(name, amount);
  }
  const dayTotals = new Map<string, bigint>();
  for (const [day, services] of days) {
    const sum = [...services.values()].reduce((a, b) => a + b, 0n);
    dayTotals.set(day, services.size > 0 ? sum : (ungrouped.get(day) ?? 0n));
  }
  return { metric, currency: currency ?? DEFAULT_CURRENCY, days, dayTotals, spans, estimated };
}

/** What a series holds for one range of days. */
export interface RangeCost {
  readonly total: bigint;
  readonly services: ReadonlyMap<string, bigint>;
  /** Days of the range that have a result. */
  readonly days: number;
  /** Every day of the range has a result (a comparison needs that; the reported range does not). */
  readonly complete: boolean;
}

/**
 * The cost of `range`: the sum of its daily results or, when it has none, of the longer results
 * inside it (a MONTHLY response). Undefined when the series has nothing in the range.
 */
export function rangeCost(series: CostSeries, range: DateRange): RangeCost | undefined {
  const daily = [...series.days].filter(([day]) => day >= range.start && day < range.end);
  const parts =
    daily.length > 0
      ? daily.map(([day, services]) => ({ days: 1, total: series.dayTotals.get(day) ?? 0n, services }))
      : series.spans
          .filter((s) => s.start >= range.start && s.end <= range.end)
          .map((s) => ({ days: daysBetween(s.start, s.end), total: s.total, services: s.services }));
  if (parts.length === 0) return undefined;
  const services = new Map<string, bigint>();
  for (const part of parts) {
    for (const [name, amount] of part.services) services.set(name, (services.get(name) ?? 0n) + amount);
  }
  const days = parts.reduce((sum, part) => sum + part.days, 0);
  return {
    total: parts.reduce((sum, part) => sum + part.total, 0n),
    services,
    days,
    complete: days === daysBetween(range.start, range.end),
  };
}
