import { type CostMessageMeta, costMetaOf } from '../../cost/cost-meta';
import { eventBridgeKey, isEventBridgeShape, payloadOf } from '../shapes';
import type { Source } from '../source';
import { isCostAnomaly } from './anomaly-message';
import { interpretCostAnomaly } from './interpret-anomaly';

/** The EventBridge event Cost Anomaly Detection sends. @see https://docs.aws.amazon.com/cost-management/latest/userguide/cad-eventbridge.html */
const ANOMALY_EVENT_KEY = 'aws.ce/Anomaly Detected';

/**
 * Cost Anomaly Detection alerts: the JSON message it publishes to SNS, or its EventBridge event.
 * An anomaly event it cannot read is not claimed, so the generic source still delivers it.
 */
export const costAnomalySource: Source = {
  id: 'cost-anomaly',
  matches(item) {
    const p = payloadOf(item);
    if (!p || (isEventBridgeShape(p) && eventBridgeKey(item) !== ANOMALY_EVENT_KEY)) return false;
    return isCostAnomaly(p);
  },
  read(item) {
    const p = payloadOf(item) ?? {};
    // An EventBridge event carries its own id and time; an SNS message takes them from the wrapper.
    const meta: CostMessageMeta = isEventBridgeShape(p)
      ? { ...(typeof p.time === 'string' ? { occurredAt: p.time } : {}) }
      : costMetaOf(item.envelope);
    const eventId = typeof p.id === 'string' ? p.id : undefined;
    const id = meta.id ?? eventId;
    return { kind: 'notify', build: (ctx) => interpretCostAnomaly(p, ctx, { ...meta, ...(id ? { id } : {}) }) };
  },
  deploy: { function: 'budget', snsTopic: { ref: 'BudgetAlertsTopic', topicName: 'budget-alerts' } },
};
