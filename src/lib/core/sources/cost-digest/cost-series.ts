import { DEFAULT_CURRENCY, parseExact } from '../../cost/money';
import { daysBetween } from './digest-dates';
import type { CostAndUsagePage } from './digest-input';

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
  /** Results longer than a day (a MONTHLY response): kept for month-to-date only. */
  readonly spans: ReadonlyArray<{ start: string; end: string; total: bigint }>;
  readonly estimated: boolean;
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
  const spans: Array<{ start: string; end: string; total: bigint }> = [];
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
    if (daysBetween(start, end) !== 1) {
      spans.push({ start, end, total });
      continue;
    }
    const services = days.get(start) ?? new Map<string, bigint>();
    days.set(start, services);
    if (groups.length === 0 && r.Total?.[metric]) ungrouped.set(start, total);
    for (const g of groups) services.set(g.Keys?.join(' / ') || '?', read(g.Metrics?.[metric]));
  }
  const dayTotals = new Map<string, bigint>();
  for (const [day, services] of days) {
    const sum = [...services.values()].reduce((a, b) => a + b, 0n);
    dayTotals.set(day, services.size > 0 ? sum : (ungrouped.get(day) ?? 0n));
  }
  return { metric, currency: currency ?? DEFAULT_CURRENCY, days, dayTotals, spans, estimated };
}
