import type { RenderContext } from '../locale';
import type { Notification } from '../notification';
import { looksLikeBudgetText } from '../sources/budget/budget-text';
import { interpretBudget } from '../sources/budget/interpret-budget';
import { parseCostAnomaly } from '../sources/cost-anomaly/anomaly-message';
import { interpretCostAnomaly } from '../sources/cost-anomaly/interpret-anomaly';
import type { CostMessageMeta } from './cost-meta';

/** Which cost interpreter a message body belongs to. */
export type CostMessageKind = 'budget' | 'cost-anomaly';

function parseJson(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Recognizes a message of the `budget-alerts` topic: a Cost Anomaly Detection JSON message (or
 * EventBridge event), or AWS Budgets plain text. Undefined for anything else, so a general
 * dispatcher can fall through to its other rules.
 *
 * @example recognizeCostMessage(record.Sns.Message, record.Sns.Subject) // "budget"
 */
export function recognizeCostMessage(payload: unknown, subject?: string): CostMessageKind | undefined {
  const value = typeof payload === 'string' ? (parseJson(payload) ?? payload) : payload;
  if (parseCostAnomaly(value)) return 'cost-anomaly';
  return typeof value === 'string' && looksLikeBudgetText(value, subject) ? 'budget' : undefined;
}

/**
 * The `budget` handler's one entry point: every message of the `budget-alerts` topic becomes a
 * notification. Anomalies become `cost-anomaly`; everything else (Budgets text, parsed or not, and
 * anything unexpected AWS might publish there) becomes `budget`, carrying the original text.
 */
export function interpretCostMessage(payload: unknown, ctx: RenderContext, meta: CostMessageMeta = {}): Notification {
  const value = typeof payload === 'string' ? (parseJson(payload) ?? payload) : payload;
  if (parseCostAnomaly(value)) {
    const eventId =
      typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : undefined;
    const id = meta.id ?? (typeof eventId === 'string' ? eventId : undefined);
    return interpretCostAnomaly(value, ctx, { ...meta, ...(id ? { id } : {}) });
  }
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
  return interpretBudget(text, ctx, meta);
}
