import { z } from 'zod';
import { alarmStateValueSchema } from './schema';

const dimensionSchema = z.looseObject({ name: z.string(), value: z.string() });

/** One `Trigger.Metrics[]` entry (metric-math alarms), PascalCase as in the classic message. */
export const classicMetricQuerySchema = z.looseObject({
  Id: z.string().optional(),
  Label: z.string().optional(),
  Expression: z.string().optional(),
  ReturnData: z.boolean().optional(),
  MetricStat: z
    .looseObject({
      Metric: z.looseObject({
        MetricName: z.string(),
        Namespace: z.string(),
        Dimensions: z.array(dimensionSchema).nullish(),
      }),
      Period: z.number().optional(),
      Stat: z.string().optional(),
      Unit: z.string().nullish(),
    })
    .optional(),
});

/** `Trigger` of a classic alarm message: the alarm's metric and threshold settings. */
export const classicTriggerSchema = z.looseObject({
  MetricName: z.string().nullish(),
  Namespace: z.string().nullish(),
  StatisticType: z.string().nullish(),
  Statistic: z.string().nullish(),
  ExtendedStatistic: z.string().nullish(),
  Unit: z.string().nullish(),
  Dimensions: z.array(dimensionSchema).nullish(),
  Metrics: z.array(classicMetricQuerySchema).nullish(),
  Period: z.number().nullish(),
  EvaluationPeriods: z.number().nullish(),
  DatapointsToAlarm: z.number().nullish(),
  ComparisonOperator: z.string().nullish(),
  Threshold: z.number().nullish(),
  TreatMissingData: z.string().nullish(),
});

/**
 * The JSON `Message` CloudWatch publishes to an SNS topic when an alarm changes state.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 *
 * @example classicAlarmMessageSchema.parse(JSON.parse(record.Sns.Message)).NewStateValue // "ALARM"
 */
export const classicAlarmMessageSchema = z.looseObject({
  AlarmName: z.string(),
  AlarmDescription: z.string().nullish(),
  AWSAccountId: z.string().nullish(),
  AlarmArn: z.string().nullish(),
  NewStateValue: alarmStateValueSchema,
  NewStateReason: z.string().nullish(),
  StateChangeTime: z.string().nullish(),
  /** Composite alarms: the rule over their children, and the children whose state triggered the change. */
  AlarmRule: z.string().nullish(),
  TriggeringChildren: z
    .array(
      z.looseObject({
        Arn: z.string(),
        State: z.looseObject({ Value: z.string().optional(), Timestamp: z.string().optional() }).nullish(),
      }),
    )
    .nullish()
    .catch(undefined),
  /** A display name such as "US East (N. Virginia)", not a region code. */
  Region: z.string().nullish(),
  OldStateValue: alarmStateValueSchema.nullish(),
  Trigger: classicTriggerSchema.nullish(),
});

export type ClassicMetricQuery = z.infer<typeof classicMetricQuerySchema>;
export type ClassicTrigger = z.infer<typeof classicTriggerSchema>;
export type ClassicAlarmMessage = z.infer<typeof classicAlarmMessageSchema>;
