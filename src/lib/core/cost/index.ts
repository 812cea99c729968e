/**
 * Cost notifications: AWS Budgets alerts, Cost Anomaly Detection alerts and the daily cost digest.
 * Pure: the adapters in src/lib/adapters/cost-explorer.ts fetch what {@link computeDigest} reads.
 */

export { type CostAnomalyMessage, isCostAnomaly, parseCostAnomaly } from './anomaly-message';
export { type BudgetAlert, budgetAlertSchema, parseBudgetAmount } from './budget-alert';
export { looksLikeBudgetText, parseBudgetText } from './budget-text';
export { computeDigest, DEFAULT_DIGEST_TOP_N, type DigestOptions } from './compute-digest';
export { budgetConsoleUrl, type CostMessageMeta } from './cost-meta';
export { DEFAULT_COST_METRIC } from './cost-series';
export { type DigestWindow, dateInZone, digestWindow, isIsoDate } from './digest-dates';
export { type DigestData, type DigestSource, digestSources } from './digest-input';
export type { Digest, DigestNote } from './digest-model';
export { COST_ANOMALY_SOURCE_TYPE, interpretCostAnomaly } from './interpret-anomaly';
export { BUDGET_SOURCE_TYPE, budgetSeverity, interpretBudget } from './interpret-budget';
export { type CostMessageKind, interpretCostMessage, recognizeCostMessage } from './interpret-cost-message';
export { COST_DIGEST_SOURCE_TYPE, digestSeverity, interpretDigest } from './interpret-digest';
