import { parseExact, toMinor } from '../../cost/money';
import type { DescribeBudgets, FreeTierUsageResponse } from './digest-input';
import type { BudgetStatus, FreeTierItem, Quantity } from './digest-model';

/** Budgets listed in the digest; more are counted, not listed (a digest stays short). */
export const MAX_DIGEST_BUDGETS = 10;
/** Free-tier offers listed; more are counted. */
export const MAX_DIGEST_FREE_TIER = 10;

const CURRENCY_CODE = /^[A-Z]{3}$/;

function quantity(v: { Amount?: string | undefined; Unit?: string | undefined } | undefined): Quantity | undefined {
  const exact = parseExact(v?.Amount);
  if (exact === undefined) return undefined;
  const unit = v?.Unit ?? '';
  const value = Number(v?.Amount);
  return CURRENCY_CODE.test(unit) ? { value, minor: toMinor(exact, unit), unit } : { value, unit };
}

const percent = (part: Quantity | undefined, whole: Quantity | undefined) =>
  part && whole && whole.value > 0 && part.unit === whole.unit ? (part.value / whole.value) * 100 : undefined;

/**
 * Each budget's standing from DescribeBudgets: amount used and forecast against the limit. Sorted
 * by how close the forecast (or, without one, the actual) is to the limit, most urgent first.
 */
export function budgetStatuses(pages: readonly DescribeBudgets[]): { shown: BudgetStatus[]; hidden: number } {
  const all = pages
    .flatMap((p) => p.Budgets ?? [])
    .map((b): BudgetStatus => {
      const limit = quantity(b.BudgetLimit);
      const actual = quantity(b.CalculatedSpend?.ActualSpend);
      const forecast = quantity(b.CalculatedSpend?.ForecastedSpend);
      const actualPercent = percent(actual, limit);
      const forecastPercent = percent(forecast, limit);
      return {
        name: b.BudgetName,
        ...(b.BudgetType ? { type: b.BudgetType } : {}),
        ...(b.TimeUnit ? { timeUnit: b.TimeUnit } : {}),
        ...(limit ? { limit } : {}),
        ...(actual ? { actual } : {}),
        ...(forecast ? { forecast } : {}),
        ...(actualPercent !== undefined ? { actualPercent } : {}),
        ...(forecastPercent !== undefined ? { forecastPercent } : {}),
      };
    });
  const urgency = (b: BudgetStatus) => Math.max(b.forecastPercent ?? -1, b.actualPercent ?? -1);
  const sorted = all.sort((a, b) => urgency(b) - urgency(a) || a.name.localeCompare(b.name));
  return { shown: sorted.slice(0, MAX_DIGEST_BUDGETS), hidden: Math.max(0, sorted.length - MAX_DIGEST_BUDGETS) };
}

/**
 * Free-tier offers whose forecast usage for this month is over the free limit (or whose actual
 * usage already is): the EBS-past-the-free-tier surprise, seen days ahead. Most exceeded first.
 * @see https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-free-tier-api.html
 */
export function freeTierAtRisk(pages: readonly FreeTierUsageResponse[]): { shown: FreeTierItem[]; hidden: number } {
  const items = pages
    .flatMap((p) => p.freeTierUsages ?? [])
    .filter((u) => u.limit !== undefined && u.limit > 0)
    .map((u): FreeTierItem => {
      const limit = u.limit ?? 0;
      const actual = u.actualUsageAmount ?? 0;
      const forecast = Math.max(u.forecastedUsageAmount ?? 0, actual);
      return {
        service: u.service ?? '?',
        ...(u.usageType ? { usageType: u.usageType } : {}),
        ...(u.region ? { region: u.region } : {}),
        ...(u.description ? { description: u.description } : {}),
        ...(u.unit ? { unit: u.unit } : {}),
        limit,
        actual,
        forecast,
        forecastPercent: (forecast / limit) * 100,
      };
    })
    .filter((i) => i.forecast > i.limit)
    .sort((a, b) => b.forecastPercent - a.forecastPercent || a.service.localeCompare(b.service));
  return { shown: items.slice(0, MAX_DIGEST_FREE_TIER), hidden: Math.max(0, items.length - MAX_DIGEST_FREE_TIER) };
}
