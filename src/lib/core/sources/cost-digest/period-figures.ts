import { apportion, exactToNumber, toMinor } from '../../cost/money';
import { type CostSeries, type RangeCost, rangeCost } from './cost-series';
import { daysBetween } from './digest-dates';
import type { DigestNote, ServiceLine } from './digest-model';
import type { DigestWindow } from './digest-window';
import { sparkline } from './sparkline';

const sum = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);
const pct = (now: bigint, base: bigint | undefined) =>
  base === undefined || base === 0n ? undefined : (exactToNumber(now - base) / Math.abs(exactToNumber(base))) * 100;

/**
 * The reported period's figures: total and top services (plus "Other", adding up to the total to
 * the cent), change against the previous period and the average of the earlier ones, sparklines.
 * The reported period counts with any day of data (Cost Explorer may lag); earlier periods (compared
 * with, averaged, sparkline bars) only when complete, so a week is never set against a few days of one.
 */
export function periodFigures(series: CostSeries, w: DigestWindow, topN: number, notes: DigestNote[]) {
  const currency = series.currency;
  const reported = rangeCost(series, w.reported);
  if (!reported) notes.push({ code: 'noDataForPeriod' });
  else if (!reported.complete) {
    notes.push({ code: 'partialPeriod', days: reported.days, of: daysBetween(w.reported.start, w.reported.end) });
  }
  const complete = (cost: RangeCost | undefined) => (cost?.complete ? cost : undefined);
  const ranked = [...(reported?.services ?? new Map<string, bigint>())]
    .filter(([, amount]) => amount !== 0n)
    .sort(([an, a], [bn, b]) => (a === b ? an.localeCompare(bn) : a > b ? -1 : 1));
  const top = ranked.slice(0, Math.max(0, topN));
  const rest = ranked.slice(top.length);
  const restExact = sum(rest.map(([, a]) => a));
  const minor = apportion([...top.map(([, a]) => a), ...(rest.length > 0 ? [restExact] : [])], currency);
  const bars = w.sparkline.map((range) => (range === w.reported ? reported : complete(rangeCost(series, range))));
  const spark = (pick: (cost: RangeCost) => bigint) =>
    sparkline(bars.map((cost) => (cost ? exactToNumber(pick(cost)) : undefined)));
  const previous = complete(rangeCost(series, w.previous));
  const lines: ServiceLine[] = top.map(([name], i) => ({
    name,
    amount: minor[i] ?? 0,
    ...(previous ? { previous: toMinor(previous.services.get(name) ?? 0n, currency) } : {}),
    sparkline: spark((cost) => cost.services.get(name) ?? 0n),
  }));
  const totalExact = reported?.total;
  const averaged = w.averaged.flatMap((range) => complete(rangeCost(series, range)) ?? []);
  if (averaged.length > 0 && averaged.length < w.averaged.length)
    notes.push({ code: 'partialAverage', count: averaged.length });
  const averageExact = averaged.length > 0 ? sum(averaged.map((c) => c.total)) / BigInt(averaged.length) : undefined;
  const vsPrevious = totalExact === undefined ? undefined : pct(totalExact, previous?.total);
  const vsAverage = totalExact === undefined ? undefined : pct(totalExact, averageExact);
  return {
    sparklineWindows: w.sparkline,
    services: lines,
    ...(rest.length > 0 ? { other: { count: rest.length, amount: minor[top.length] ?? 0 } } : {}),
    ...(totalExact !== undefined ? { total: minor.reduce((a, b) => a + b, 0) } : {}),
    ...(previous ? { previousTotal: toMinor(previous.total, currency) } : {}),
    ...(averageExact !== undefined ? { averageTotal: toMinor(averageExact, currency) } : {}),
    ...(vsPrevious !== undefined ? { changeVsPreviousPercent: vsPrevious } : {}),
    ...(vsAverage !== undefined ? { changeVsAveragePercent: vsAverage } : {}),
    ...(totalExact !== undefined ? { totalSparkline: spark((cost) => cost.total) } : {}),
  };
}
