import type { SnsEnvelope } from '../../envelopes/types';
import { lookup } from '../../lookup';
import { parseAt } from '../../schemas/parse';
import { sourceRef } from '../source-ref';
import { type ClassicMetricQuery, type ClassicTrigger, classicAlarmMessageSchema } from './classic-schema';
import { completeAlarm, rawTimestampOf, toIsoInstant } from './derive';
import type { Alarm, AlarmMetric } from './model';
import { placeOf } from './place';

/** The source type of classic alarm messages published to SNS. */
export const SNS_ALARM_SOURCE_TYPE = 'sns/cloudwatch-alarm';

/** Classic messages spell statistics in capitals; the API and console use these names. */
const statisticNames = {
  AVERAGE: 'Average',
  SUM: 'Sum',
  MINIMUM: 'Minimum',
  MAXIMUM: 'Maximum',
  SAMPLE_COUNT: 'SampleCount',
} as const;

/** `TreatMissingData` arrives as "missing", "- TreatMissingData:NonBreaching", …; the API names are these. */
const treatMissingNames = {
  missing: 'missing',
  notbreaching: 'notBreaching',
  nonbreaching: 'notBreaching',
  breaching: 'breaching',
  ignore: 'ignore',
} as const;

function treatMissingOf(text: string | null | undefined): string | undefined {
  const word = (text ?? '').replace(/^.*TreatMissingData:/, '').trim();
  return word ? (lookup(treatMissingNames, word.toLowerCase()) ?? word) : undefined;
}

const dimensionsOf = (list: ReadonlyArray<{ name: string; value: string }> | null | undefined) =>
  Object.fromEntries((list ?? []).map((d) => [d.name, d.value]));

function statisticOf(trigger: ClassicTrigger): string | undefined {
  const text = trigger.ExtendedStatistic || trigger.Statistic;
  return text ? (lookup(statisticNames, text.toUpperCase()) ?? text) : undefined;
}

/*
 * Optional facts are written as `key: value-or-undefined` rather than spread in when present: a
 * spread of a small literal is V8's slow path, and every alarm goes through here. An Alarm is read
 * (never serialized), so an undefined key and an absent one read the same.
 */

function fromQuery(query: ClassicMetricQuery): AlarmMetric {
  const stat = query.MetricStat;
  return {
    id: query.Id || undefined,
    label: query.Label || undefined,
    expression: query.Expression || undefined,
    returnData: query.ReturnData,
    namespace: stat?.Metric.Namespace,
    name: stat?.Metric.MetricName,
    dimensions: dimensionsOf(stat?.Metric.Dimensions),
    stat: stat?.Stat || undefined,
    period: stat?.Period,
    unit: stat?.Unit || undefined,
  };
}

function metricsOf(trigger: ClassicTrigger): AlarmMetric[] {
  if (trigger.Metrics?.length) return trigger.Metrics.map(fromQuery);
  if (!trigger.MetricName || !trigger.Namespace) return [];
  return [
    {
      namespace: trigger.Namespace,
      name: trigger.MetricName,
      dimensions: dimensionsOf(trigger.Dimensions),
      stat: statisticOf(trigger),
      period: trigger.Period || undefined,
      unit: trigger.Unit || undefined,
    },
  ];
}

/** Copies the defined values of `source` only, so absent facts stay absent. */
const definedOnly = (source: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/**
 * Reads the JSON message CloudWatch publishes to SNS when an alarm changes state.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 * @throws InputError naming the bad field, e.g. `Records[0].Sns.Message.NewStateValue`.
 */
export function alarmFromSnsMessage(message: unknown, path: string, envelope?: SnsEnvelope): Alarm {
  const m = parseAt(classicAlarmMessageSchema, message, path, 'CloudWatch alarm message');
  const trigger = m.Trigger ?? {};
  const timestamp = toIsoInstant(m.StateChangeTime);
  return completeAlarm({
    name: m.AlarmName,
    ...(m.AlarmArn ? { arn: m.AlarmArn } : {}),
    ...(m.AlarmDescription ? { description: m.AlarmDescription } : {}),
    ...placeOf({
      arn: m.AlarmArn ?? undefined,
      account: m.AWSAccountId ?? undefined,
      regionName: m.Region ?? undefined,
    }),
    state: {
      value: m.NewStateValue,
      ...definedOnly({ reason: m.NewStateReason, timestamp }),
      ...(timestamp ? {} : rawTimestampOf(m.StateChangeTime)),
      ...(m.TriggeringChildren?.length
        ? {
            reasonData: {
              triggeringAlarms: m.TriggeringChildren.map((c) => ({
                arn: c.Arn,
                ...(c.State ? { state: definedOnly({ value: c.State.Value, timestamp: c.State.Timestamp }) } : {}),
              })),
            },
          }
        : {}),
    },
    ...(m.AlarmRule ? { alarmRule: m.AlarmRule } : {}),
    ...(m.OldStateValue ? { previousState: { value: m.OldStateValue } } : {}),
    metrics: metricsOf(trigger),
    ...definedOnly({
      threshold: trigger.Threshold,
      comparison: trigger.ComparisonOperator,
      statistic: statisticOf(trigger),
      period: trigger.Period,
      evaluationPeriods: trigger.EvaluationPeriods,
      // Classic messages carry DatapointsToAlarm only for "M out of N" alarms; otherwise it is N.
      datapointsToAlarm: trigger.DatapointsToAlarm ?? trigger.EvaluationPeriods,
      treatMissingData: treatMissingOf(trigger.TreatMissingData),
    }),
    source: sourceRef(SNS_ALARM_SOURCE_TYPE, envelope?.messageId),
  });
}
