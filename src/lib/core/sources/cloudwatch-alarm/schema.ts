import * as z from '../../schemas/zod';

/** The three states an alarm can be in. */
export const alarmStateValueSchema = z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

/**
 * One state of an alarm (`state` / `previousState`). `reasonData` is a JSON string, parsed
 * separately so a malformed one degrades to the plain `reason` instead of failing the event.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html
 */
export const alarmStateSchema = z.looseObject({
  value: alarmStateValueSchema,
  reason: z.optional(z.string()),
  reasonData: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  /** e.g. "PARTIAL_DATA" (Metrics Insights alarms over more than 10,000 series). */
  evaluationState: z.optional(z.string()),
  actionsSuppressedBy: z.optional(z.string()),
  actionsSuppressedReason: z.optional(z.string()),
});

/** One metric, e.g. `{ namespace: 'AWS/EC2', name: 'CPUUtilization', dimensions: { InstanceId: 'i-1' } }`. */
export const metricSchema = z.looseObject({
  namespace: z.string(),
  name: z.string(),
  dimensions: z.optional(z.record(z.string(), z.string())),
});

/** One entry of `configuration.metrics`: a metric with its statistic, or an expression. */
export const metricDataQuerySchema = z.looseObject({
  id: z.optional(z.string()),
  label: z.optional(z.string()),
  expression: z.optional(z.string()),
  returnData: z.optional(z.boolean()),
  period: z.optional(z.number()),
  metricStat: z.optional(
    z.looseObject({
      metric: metricSchema,
      period: z.optional(z.number()),
      stat: z.optional(z.string()),
      unit: z.optional(z.string()),
    }),
  ),
});

/** `configuration` of a metric or composite alarm, as state-change events carry it. */
export const alarmConfigurationSchema = z.looseObject({
  description: z.nullish(z.string()),
  metrics: z.optional(z.array(metricDataQuerySchema)),
  alarmRule: z.optional(z.string()),
  actionsSuppressor: z.optional(z.string()),
  actionsSuppressorWaitPeriod: z.optional(z.number()),
  actionsSuppressorExtensionPeriod: z.optional(z.number()),
  threshold: z.optional(z.number()),
  comparisonOperator: z.optional(z.string()),
  evaluationPeriods: z.optional(z.number()),
  datapointsToAlarm: z.optional(z.number()),
  treatMissingData: z.optional(z.string()),
});

/**
 * `detail` of "CloudWatch Alarm State Change" and `alarmData` of a Lambda alarm action (same shape).
 *
 * @example alarmStateChangeDetailSchema.parse(event.detail).state.value // "ALARM"
 */
export const alarmStateChangeDetailSchema = z.looseObject({
  alarmName: z.string(),
  state: alarmStateSchema,
  previousState: z.optional(alarmStateSchema),
  configuration: z.optional(alarmConfigurationSchema),
});

/** `detail` of "CloudWatch Alarm Configuration Change" (create / update / delete); built on first use (z.lazy). */
export const alarmConfigChangeDetailSchema = z.lazy(() =>
  z.looseObject({
    alarmName: z.string(),
    operation: z.string(),
    state: z.optional(z.looseObject({ value: z.optional(z.string()), timestamp: z.optional(z.string()) })),
    configuration: z.optional(z.record(z.string(), z.unknown())),
    previousConfiguration: z.optional(z.record(z.string(), z.unknown())),
  }),
);

/**
 * The parsed `reasonData` JSON: what the alarm saw when it changed state. Every field is optional;
 * composite alarms only have `triggeringAlarms`.
 */
export const reasonDataSchema = z.looseObject({
  version: z.optional(z.string()),
  queryDate: z.optional(z.string()),
  startDate: z.optional(z.string()),
  statistic: z.optional(z.string()),
  period: z.optional(z.number()),
  recentDatapoints: z.optional(z.array(z.number())),
  threshold: z.optional(z.number()),
  recentLowerThresholds: z.optional(z.array(z.number())),
  recentUpperThresholds: z.optional(z.array(z.number())),
  evaluatedDatapoints: z.optional(
    z.array(z.looseObject({ timestamp: z.optional(z.string()), value: z.optional(z.number()) })),
  ),
  triggeringAlarms: z.optional(
    z.array(
      z.looseObject({
        arn: z.string(),
        state: z.optional(z.looseObject({ value: z.optional(z.string()), timestamp: z.optional(z.string()) })),
      }),
    ),
  ),
});

export type AlarmStateValue = z.infer<typeof alarmStateValueSchema>;
export type AlarmStateRaw = z.infer<typeof alarmStateSchema>;
export type MetricDataQuery = z.infer<typeof metricDataQuerySchema>;
export type AlarmConfiguration = z.infer<typeof alarmConfigurationSchema>;
export type AlarmStateChangeDetail = z.infer<typeof alarmStateChangeDetailSchema>;
export type AlarmConfigChangeDetail = z.infer<typeof alarmConfigChangeDetailSchema>;
export type ReasonData = z.infer<typeof reasonDataSchema>;
