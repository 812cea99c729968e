import * as z from '../../schemas/zod';
import { alarmStateValueSchema, reasonDataSchema } from './schema';

/**
 * What kind of alarm it is, which decides how its reason is told.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
export const alarmKindSchema = z.enum(['metric', 'metric-math', 'anomaly-detection', 'composite', 'metrics-insights']);

/** One value the alarm evaluated; `timestamp` (ISO, start of the period) when the source names it. */
export const datapointSchema = z.object({ value: z.number(), timestamp: z.optional(z.string()) });

/** One state of an alarm, timestamps normalized to ISO 8601 (`…Z`). */
export const alarmStateSchema = z.object({
  value: alarmStateValueSchema,
  reason: z.optional(z.string()),
  reasonData: z.optional(reasonDataSchema),
  timestamp: z.optional(z.string()),
  /** The source's timestamp when it is not a date: shown as a labelled field, never used as a time. */
  rawTimestamp: z.optional(z.string()),
  evaluationState: z.optional(z.string()),
  actionsSuppressedBy: z.optional(z.string()),
  actionsSuppressedReason: z.optional(z.string()),
});

/** A metric the alarm watches, or an expression over metrics (metric math, Metrics Insights SQL). */
export const alarmMetricSchema = z.object({
  id: z.optional(z.string()),
  label: z.optional(z.string()),
  expression: z.optional(z.string()),
  returnData: z.optional(z.boolean()),
  namespace: z.optional(z.string()),
  name: z.optional(z.string()),
  dimensions: z.record(z.string(), z.string()),
  stat: z.optional(z.string()),
  period: z.optional(z.number()),
  unit: z.optional(z.string()),
});

/**
 * An alarm state change, whatever form it arrived in (EventBridge, SNS message, Lambda alarm action).
 * Fields a source does not carry are absent, never guessed.
 */
export const alarmSchema = z.object({
  kind: alarmKindSchema,
  name: z.string(),
  arn: z.optional(z.string()),
  description: z.optional(z.string()),
  account: z.optional(z.string()),
  /** Region code, e.g. "us-east-1". */
  region: z.optional(z.string()),
  /** The region as the source named it when no code could be found, e.g. "EXAMPLE". */
  regionName: z.optional(z.string()),
  partition: z.string(),
  state: alarmStateSchema,
  previousState: z.optional(alarmStateSchema),
  metrics: z.array(alarmMetricSchema),
  alarmRule: z.optional(z.string()),
  actionsSuppressor: z.optional(z.string()),
  actionsSuppressorWaitPeriod: z.optional(z.number()),
  actionsSuppressorExtensionPeriod: z.optional(z.number()),
  threshold: z.optional(z.number()),
  /** e.g. "GreaterThanThreshold", from the configuration or read from the reason text. */
  comparison: z.optional(z.string()),
  statistic: z.optional(z.string()),
  period: z.optional(z.number()),
  evaluationPeriods: z.optional(z.number()),
  datapointsToAlarm: z.optional(z.number()),
  /** missing | notBreaching | breaching | ignore */
  treatMissingData: z.optional(z.string()),
  /** Datapoints behind the current state, oldest first. */
  recentDatapoints: z.array(datapointSchema),
  source: z.object({ type: z.string(), id: z.optional(z.string()) }),
});

export type AlarmKind = z.infer<typeof alarmKindSchema>;
export type Datapoint = z.infer<typeof datapointSchema>;
export type AlarmState = z.infer<typeof alarmStateSchema>;
export type AlarmMetric = z.infer<typeof alarmMetricSchema>;
export type Alarm = z.infer<typeof alarmSchema>;
