/**
 * Cost notifications: AWS Budgets alerts, Cost Anomaly Detection alerts and the daily cost digest.
 * Pure: the adapters in src/lib/adapters/cost-explorer.ts fetch what {@link computeDigest} reads.
 */

export { type BudgetAlert, budgetAlertSchema, parseBudgetAmount } from '../sources/budget/budget-alert';
export { looksLikeBudgetText, parseBudgetText } from '../sources/budget/budget-text';
export { BUDGET_SOURCE_TYPE, budgetSeverity, interpretBudget } from '../sources/budget/interpret-budget';
export { type CostAnomalyMessage, isCostAnomaly, parseCostAnomaly } from '../sources/cost-anomaly/anomaly-message';
export { COST_ANOMALY_SOURCE_TYPE, interpretCostAnomaly } from '../sources/cost-anomaly/interpret-anomaly';
export { computeDigest, DEFAULT_DIGEST_TOP_N, type DigestOptions } from '../sources/cost-digest/compute-digest';
export { DEFAULT_COST_METRIC } from '../sources/cost-digest/cost-series';
export { type DigestWindow, dateInZone, digestWindow, isIsoDate } from '../sources/cost-digest/digest-dates';
export { type DigestData, type DigestSource, digestSources } from '../sources/cost-digest/digest-input';
export type { Digest, DigestNote } from '../sources/cost-digest/digest-model';
export { COST_DIGEST_SOURCE_TYPE, digestSeverity, interpretDigest } from '../sources/cost-digest/interpret-digest';
export { budgetConsoleUrl, type CostMessageMeta } from './cost-meta';
export { type CostMessageKind, interpretCostMessage, recognizeCostMessage } from './interpret-cost-message';
