import type { SnsEnvelope } from '../../envelopes/types';
import { lookup } from '../../lookup';
import { parseAt } from '../../schemas/parse';
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

/** A value being built key by key. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

/** One metric of a classic message's `Metrics`, its keys assigned in the model's order. */
function fromQuery(query: ClassicMetricQuery): AlarmMetric {
  const stat = query.MetricStat;
  const metric: Partial<Building<AlarmMetric>> = {};
  if (query.Id) metric.id = query.Id;
  if (query.Label) metric.label = query.Label;
  if (query.Expression) metric.expression = query.Expression;
  if (query.ReturnData !== undefined) metric.returnData = query.ReturnData;
  if (stat) {
    metric.namespace = stat.Metric.Namespace;
    metric.name = stat.Metric.MetricName;
  }
  metric.dimensions = dimensionsOf(stat?.Metric.Dimensions);
  if (stat?.Stat) metric.stat = stat.Stat;
  if (stat?.Period !== undefined) metric.period = stat.Period;
  if (stat?.Unit) metric.unit = stat.Unit;
  return metric as AlarmMetric;
}

function metricsOf(trigger: ClassicTrigger): AlarmMetric[] {
  if (trigger.Metrics?.length) return trigger.Metrics.map(fromQuery);
  if (!trigger.MetricName || !trigger.Namespace) return [];
  const stat = statisticOf(trigger);
  return [
    {
      namespace: trigger.Namespace,
      name: trigger.MetricName,
      dimensions: dimensionsOf(trigger.Dimensions),
      ...(stat ? { stat } : {}),
      ...(trigger.Period ? { period: trigger.Period } : {}),
      ...(trigger.Unit ? { unit: trigger.Unit } : {}),
    },
  ];
}

/** Copies the defined values of `source` only, so absent facts stay absent. */
function definedOnly(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in source) {
    const v = source[key];
    if (v !== undefined && v !== null && v !== '') out[key] = v;
  }
  return out;
}

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
    source: { type: SNS_ALARM_SOURCE_TYPE, ...(envelope?.messageId ? { id: envelope.messageId } : {}) },
  });
}
