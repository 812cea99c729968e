import { z } from 'zod';

/** The three states an alarm can be in. */
export const alarmStateValueSchema = z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

/**
 * One state of an alarm (`state` / `previousState`). `reasonData` is a JSON string, parsed
 * separately so a malformed one degrades to the plain `reason` instead of failing the event.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html
 */
export const alarmStateSchema = z.looseObject({
  value: alarmStateValueSchema,
  reason: z.string().optional(),
  reasonData: z.string().optional(),
  timestamp: z.string().optional(),
  /** e.g. "PARTIAL_DATA" (Metrics Insights alarms over more than 10,000 series). */
  evaluationState: z.string().optional(),
  actionsSuppressedBy: z.string().optional(),
  actionsSuppressedReason: z.string().optional(),
});

/** One metric, e.g. `{ namespace: 'AWS/EC2', name: 'CPUUtilization', dimensions: { InstanceId: 'i-1' } }`. */
export const metricSchema = z.looseObject({
  namespace: z.string(),
  name: z.string(),
  dimensions: z.record(z.string(), z.string()).optional(),
});

/** One entry of `configuration.metrics`: a metric with its statistic, or an expression. */
export const metricDataQuerySchema = z.looseObject({
  id: z.string().optional(),
  label: z.string().optional(),
  expression: z.string().optional(),
  returnData: z.boolean().optional(),
  period: z.number().optional(),
  metricStat: z
    .looseObject({
      metric: metricSchema,
      period: z.number().optional(),
      stat: z.string().optional(),
      unit: z.string().optional(),
    })
    .optional(),
});

/** `configuration` of a metric or composite alarm, as state-change events carry it. */
export const alarmConfigurationSchema = z.looseObject({
  description: z.string().nullish(),
  metrics: z.array(metricDataQuerySchema).optional(),
  alarmRule: z.string().optional(),
  actionsSuppressor: z.string().optional(),
  actionsSuppressorWaitPeriod: z.number().optional(),
  actionsSuppressorExtensionPeriod: z.number().optional(),
  threshold: z.number().optional(),
  comparisonOperator: z.string().optional(),
  evaluationPeriods: z.number().optional(),
  datapointsToAlarm: z.number().optional(),
  treatMissingData: z.string().optional(),
});

/**
 * `detail` of "CloudWatch Alarm State Change" and `alarmData` of a Lambda alarm action (same shape).
 *
 * @example alarmStateChangeDetailSchema.parse(event.detail).state.value // "ALARM"
 */
export const alarmStateChangeDetailSchema = z.looseObject({
  alarmName: z.string(),
  state: alarmStateSchema,
  previousState: alarmStateSchema.optional(),
  configuration: alarmConfigurationSchema.optional(),
});

/** `detail` of "CloudWatch Alarm Configuration Change" (create / update / delete). */
export const alarmConfigChangeDetailSchema = z.looseObject({
  alarmName: z.string(),
  operation: z.string(),
  state: z.looseObject({ value: z.string().optional(), timestamp: z.string().optional() }).optional(),
  configuration: z.record(z.string(), z.unknown()).optional(),
  previousConfiguration: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The parsed `reasonData` JSON: what the alarm saw when it changed state. Every field is optional;
 * composite alarms only have `triggeringAlarms`.
 */
export const reasonDataSchema = z.looseObject({
  version: z.string().optional(),
  queryDate: z.string().optional(),
  startDate: z.string().optional(),
  statistic: z.string().optional(),
  period: z.number().optional(),
  recentDatapoints: z.array(z.number()).optional(),
  threshold: z.number().optional(),
  recentLowerThresholds: z.array(z.number()).optional(),
  recentUpperThresholds: z.array(z.number()).optional(),
  evaluatedDatapoints: z
    .array(z.looseObject({ timestamp: z.string().optional(), value: z.number().optional() }))
    .optional(),
  triggeringAlarms: z
    .array(
      z.looseObject({
        arn: z.string(),
        state: z.looseObject({ value: z.string().optional(), timestamp: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

export type AlarmStateValue = z.infer<typeof alarmStateValueSchema>;
export type AlarmStateRaw = z.infer<typeof alarmStateSchema>;
export type MetricDataQuery = z.infer<typeof metricDataQuerySchema>;
export type AlarmConfiguration = z.infer<typeof alarmConfigurationSchema>;
export type AlarmStateChangeDetail = z.infer<typeof alarmStateChangeDetailSchema>;
export type AlarmConfigChangeDetail = z.infer<typeof alarmConfigChangeDetailSchema>;
export type ReasonData = z.infer<typeof reasonDataSchema>;
