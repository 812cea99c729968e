import * as z from '../../schemas/zod';
import { alarmStateValueSchema } from './schema';

// Built on first use (z.lazy), not at import: only an alarm action's SNS message (not the usual
// EventBridge event) is read with these.
const dimensionSchema = z.lazy(() => z.looseObject({ name: z.string(), value: z.string() }));

/** One `Trigger.Metrics[]` entry (metric-math alarms), PascalCase as in the classic message. */
export const classicMetricQuerySchema = z.lazy(() =>
  z.looseObject({
    Id: z.optional(z.string()),
    Label: z.optional(z.string()),
    Expression: z.optional(z.string()),
    ReturnData: z.optional(z.boolean()),
    MetricStat: z.optional(
      z.looseObject({
        Metric: z.looseObject({
          MetricName: z.string(),
          Namespace: z.string(),
          Dimensions: z.nullish(z.array(dimensionSchema)),
        }),
        Period: z.optional(z.number()),
        Stat: z.optional(z.string()),
        Unit: z.nullish(z.string()),
      }),
    ),
  }),
);

/** `Trigger` of a classic alarm message: the alarm's metric and threshold settings. */
export const classicTriggerSchema = z.lazy(() =>
  z.looseObject({
    MetricName: z.nullish(z.string()),
    Namespace: z.nullish(z.string()),
    StatisticType: z.nullish(z.string()),
    Statistic: z.nullish(z.string()),
    ExtendedStatistic: z.nullish(z.string()),
    Unit: z.nullish(z.string()),
    Dimensions: z.nullish(z.array(dimensionSchema)),
    Metrics: z.nullish(z.array(classicMetricQuerySchema)),
    Period: z.nullish(z.number()),
    EvaluationPeriods: z.nullish(z.number()),
    DatapointsToAlarm: z.nullish(z.number()),
    ComparisonOperator: z.nullish(z.string()),
    Threshold: z.nullish(z.number()),
    TreatMissingData: z.nullish(z.string()),
  }),
);

/**
 * The JSON `Message` CloudWatch publishes to an SNS topic when an alarm changes state.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 *
 * @example classicAlarmMessageSchema.parse(JSON.parse(record.Sns.Message)).NewStateValue // "ALARM"
 */
export const classicAlarmMessageSchema = z.lazy(() =>
  z.looseObject({
    AlarmName: z.string(),
    AlarmDescription: z.nullish(z.string()),
    AWSAccountId: z.nullish(z.string()),
    AlarmArn: z.nullish(z.string()),
    NewStateValue: alarmStateValueSchema,
    NewStateReason: z.nullish(z.string()),
    StateChangeTime: z.nullish(z.string()),
    /** Composite alarms: the rule over their children, and the children whose state triggered the change. */
    AlarmRule: z.nullish(z.string()),
    TriggeringChildren: z.catch(
      z.nullish(
        z.array(
          z.looseObject({
            Arn: z.string(),
            State: z.nullish(z.looseObject({ Value: z.optional(z.string()), Timestamp: z.optional(z.string()) })),
          }),
        ),
      ),
      undefined,
    ),
    /** A display name such as "US East (N. Virginia)", not a region code. */
    Region: z.nullish(z.string()),
    OldStateValue: z.nullish(alarmStateValueSchema),
    Trigger: z.nullish(classicTriggerSchema),
  }),
);

export type ClassicMetricQuery = z.infer<typeof classicMetricQuerySchema>;
export type ClassicTrigger = z.infer<typeof classicTriggerSchema>;
export type ClassicAlarmMessage = z.infer<typeof classicAlarmMessageSchema>;
