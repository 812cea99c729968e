import { z } from 'zod';
import { isRecord } from '../../schemas/parse';

/** A number AWS may send as a number or a numeric string. */
const amount = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const rootCauseSchema = z.looseObject({
  service: z.string().optional(),
  region: z.string().optional(),
  linkedAccount: z.string().optional(),
  linkedAccountName: z.string().optional(),
  usageType: z.string().optional(),
  impact: z.looseObject({ contribution: amount.optional() }).optional(),
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
  accountId: z.string().optional(),
  accountName: z.string().optional(),
  anomalyDetailsLink: z.string().optional(),
  anomalyStartDate: z.string().optional(),
  anomalyEndDate: z.string().optional(),
  dimensionalValue: z.string().optional(),
  dimensionValue: z.string().optional(),
  monitorArn: z.string().optional(),
  monitorName: z.string().optional(),
  subscriptionName: z.string().optional(),
  anomalyScore: z.looseObject({ currentScore: amount.optional(), maxScore: amount.optional() }).optional(),
  impact: z
    .looseObject({
      maxImpact: amount.optional(),
      totalActualSpend: amount.optional(),
      totalExpectedSpend: amount.optional(),
      totalImpact: amount.optional(),
      totalImpactPercentage: amount.optional(),
    })
    .optional(),
  rootCauses: z.array(rootCauseSchema).optional(),
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
  const parsed = costAnomalyMessageSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** True for anything {@link parseCostAnomaly} accepts, for the dispatcher. */
export function isCostAnomaly(value: unknown): boolean {
  return parseCostAnomaly(value) !== undefined;
}
