import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../../../../src/lib/core/sources/cost-digest/digest-dates';
import type { CostAndUsagePage, DigestData } from '../../../../../src/lib/core/sources/cost-digest/digest-input';

/** examples/cost/recorded-month.json: what a daily digest read on 2024-05-14 (13 days of May). */
export const recordedMonth = (): DigestData =>
  JSON.parse(readFileSync(join(__dirname, '../../../../../examples/cost/recorded-month.json'), 'utf8'));

type Amounts = Record<string, string>;

/** One GetCostAndUsage page: each result `[start, end)` with one group per service, UnblendedCost. */
function page(results: Array<[string, string, Amounts]>, unit: string): CostAndUsagePage {
  return {
    ResultsByTime: results.map(([start, end, services]) => ({
      TimePeriod: { Start: start, End: end },
      Groups: Object.entries(services).map(([name, amount]) => ({
        Keys: [name],
        Metrics: { UnblendedCost: { Amount: amount, Unit: unit } },
      })),
      Total: {},
      Estimated: true,
    })),
  };
}

/** A DAILY page: day → service → amount. */
export const dailyPage = (days: Record<string, Amounts>, unit = 'USD') =>
  page(
    Object.entries(days).map(([day, services]) => [day, addDays(day, 1), services]),
    unit,
  );

/** A DAILY page with the same amounts on every day from `from` up to `to` (exclusive). */
export function sameEveryDay(from: string, to: string, services: Amounts): Record<string, Amounts> {
  const days: Record<string, Amounts> = {};
  for (let day = from; day < to; day = addDays(day, 1)) days[day] = services;
  return days;
}

/** A MONTHLY page: first day of the month → service → amount. */
export const monthlyPage = (months: Record<string, Amounts>, unit = 'USD') =>
  page(
    Object.entries(months).map(([start, services]) => {
      const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
      const end = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
      return [start, end, services];
    }),
    unit,
  );
