import { fastSafeParse } from '../../schemas/fast-parse';
import { isRecord } from '../../schemas/parse';
import * as z from '../../schemas/zod';

/** A number AWS may send as a number or a numeric string. */
const amount = z.union([z.number(), z.pipe(z.string().check(z.regex(/^-?\d+(\.\d+)?$/)), z.transform(Number))]);

const rootCauseSchema = z.looseObject({
  service: z.optional(z.string()),
  region: z.optional(z.string()),
  linkedAccount: z.optional(z.string()),
  linkedAccountName: z.optional(z.string()),
  usageType: z.optional(z.string()),
  impact: z.optional(z.looseObject({ contribution: z.optional(amount) })),
});

/**
 * The JSON message Cost Anomaly Detection publishes to SNS for an individual alert, and the `detail`
 * of the EventBridge "Anomaly Detected" event (which names the dimension `dimensionValue` rather
 * than `dimensionalValue`). Everything but the id is optional: AWS's samples differ.
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/manage-ad.html
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/cad-eventbridge.html
 */
export const costAnomalyMessageSchema = z.looseObject({
  anomalyId: z.string(),
  accountId: z.optional(z.string()),
  accountName: z.optional(z.string()),
  anomalyDetailsLink: z.optional(z.string()),
  anomalyStartDate: z.optional(z.string()),
  anomalyEndDate: z.optional(z.string()),
  dimensionalValue: z.optional(z.string()),
  dimensionValue: z.optional(z.string()),
  monitorArn: z.optional(z.string()),
  monitorName: z.optional(z.string()),
  subscriptionName: z.optional(z.string()),
  anomalyScore: z.optional(z.looseObject({ currentScore: z.optional(amount), maxScore: z.optional(amount) })),
  impact: z.optional(
    z.looseObject({
      maxImpact: z.optional(amount),
      totalActualSpend: z.optional(amount),
      totalExpectedSpend: z.optional(amount),
      totalImpact: z.optional(amount),
      totalImpactPercentage: z.optional(amount),
    }),
  ),
  rootCauses: z.optional(z.array(rootCauseSchema)),
});

export type CostAnomalyMessage = z.infer<typeof costAnomalyMessageSchema>;
export type CostAnomalyRootCause = z.infer<typeof rootCauseSchema>;

/** The EventBridge envelope of an anomaly: source aws.ce, detail-type "Anomaly Detected". */
function eventDetail(value: Record<string, unknown>): unknown {
  return value.source === 'aws.ce' && value['detail-type'] === 'Anomaly Detected' ? value.detail : undefined;
}

/**
 * Reads a Cost Anomaly Detection message (SNS message JSON, or the whole EventBridge event).
 * Returns undefined when the value is not an anomaly (no `anomalyId`, or not an object).
 *
 * @example parseCostAnomaly(JSON.parse(record.Sns.Message))?.impact?.totalImpact // 1001
 */
export function parseCostAnomaly(value: unknown): CostAnomalyMessage | undefined {
  if (!isRecord(value)) return undefined;
  const detail = eventDetail(value);
  const candidate = isRecord(detail) ? { accountId: value.account, ...detail } : value;
  // The id is required: without one it is no anomaly, known without a parse (the dispatcher offers
  // every message that is not CloudTrail or an alarm here).
  if (typeof candidate.anomalyId !== 'string') return undefined;
  const parsed = fastSafeParse(costAnomalyMessageSchema, candidate);
  return parsed.success ? parsed.data : undefined;
}

/** True for anything {@link parseCostAnomaly} accepts, for the dispatcher. */
export function isCostAnomaly(value: unknown): boolean {
  return parseCostAnomaly(value) !== undefined;
}
