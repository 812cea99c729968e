import { z } from 'zod';
import { alarmStateValueSchema, reasonDataSchema } from './schema';

/**
 * What kind of alarm it is, which decides how its reason is told.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
export const alarmKindSchema = z.enum(['metric', 'metric-math', 'anomaly-detection', 'composite', 'metrics-insights']);

/** One value the alarm evaluated; `timestamp` (ISO, start of the period) when the source names it. */
export const datapointSchema = z.object({ value: z.number(), timestamp: z.string().optional() });

/** One state of an alarm, timestamps normalized to ISO 8601 (`…Z`). */
export const alarmStateSchema = z.object({
  value: alarmStateValueSchema,
  reason: z.string().optional(),
  reasonData: reasonDataSchema.optional(),
  timestamp: z.string().optional(),
  /** The source's timestamp when it is not a date: shown as a labelled field, never used as a time. */
  rawTimestamp: z.string().optional(),
  evaluationState: z.string().optional(),
  actionsSuppressedBy: z.string().optional(),
  actionsSuppressedReason: z.string().optional(),
});

/** A metric the alarm watches, or an expression over metrics (metric math, Metrics Insights SQL). */
export const alarmMetricSchema = z.object({
  id: z.string().optional(),
  label: z.string().optional(),
  expression: z.string().optional(),
  returnData: z.boolean().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  dimensions: z.record(z.string(), z.string()),
  stat: z.string().optional(),
  period: z.number().optional(),
  unit: z.string().optional(),
});

/**
 * An alarm state change, whatever form it arrived in (EventBridge, SNS message, Lambda alarm action).
 * Fields a source does not carry are absent, never guessed.
 */
export const alarmSchema = z.object({
  kind: alarmKindSchema,
  name: z.string(),
  arn: z.string().optional(),
  description: z.string().optional(),
  account: z.string().optional(),
  /** Region code, e.g. "us-east-1". */
  region: z.string().optional(),
  /** The region as the source named it when no code could be found, e.g. "EXAMPLE". */
  regionName: z.string().optional(),
  partition: z.string(),
  state: alarmStateSchema,
  previousState: alarmStateSchema.optional(),
  metrics: z.array(alarmMetricSchema),
  alarmRule: z.string().optional(),
  actionsSuppressor: z.string().optional(),
  actionsSuppressorWaitPeriod: z.number().optional(),
  actionsSuppressorExtensionPeriod: z.number().optional(),
  threshold: z.number().optional(),
  /** e.g. "GreaterThanThreshold", from the configuration or read from the reason text. */
  comparison: z.string().optional(),
  statistic: z.string().optional(),
  period: z.number().optional(),
  evaluationPeriods: z.number().optional(),
  datapointsToAlarm: z.number().optional(),
  /** missing | notBreaching | breaching | ignore */
  treatMissingData: z.string().optional(),
  /** Datapoints behind the current state, oldest first. */
  recentDatapoints: z.array(datapointSchema),
  source: z.object({ type: z.string(), id: z.string().optional() }),
});

export type AlarmKind = z.infer<typeof alarmKindSchema>;
export type Datapoint = z.infer<typeof datapointSchema>;
export type AlarmState = z.infer<typeof alarmStateSchema>;
export type AlarmMetric = z.infer<typeof alarmMetricSchema>;
export type Alarm = z.infer<typeof alarmSchema>;
