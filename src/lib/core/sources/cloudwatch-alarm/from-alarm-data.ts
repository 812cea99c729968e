import { completeAlarm, toAlarmState } from './derive';
import type { Alarm, AlarmMetric } from './model';
import type { AlarmPlace } from './place';
import type { AlarmStateChangeDetail, MetricDataQuery } from './schema';

function toMetric(query: MetricDataQuery): AlarmMetric {
  const stat = query.metricStat;
  const period = stat?.period ?? query.period;
  // Assigned in the model's key order, not spread from small objects: an alarm has several metrics.
  const metric: { -readonly [K in keyof AlarmMetric]?: AlarmMetric[K] } = {};
  if (query.id) metric.id = query.id;
  if (query.label) metric.label = query.label;
  if (query.expression) metric.expression = query.expression;
  if (query.returnData !== undefined) metric.returnData = query.returnData;
  if (stat) {
    metric.namespace = stat.metric.namespace;
    metric.name = stat.metric.name;
  }
  metric.dimensions = { ...(stat?.metric.dimensions ?? {}) };
  if (stat?.stat) metric.stat = stat.stat;
  if (period !== undefined) metric.period = period;
  if (stat?.unit) metric.unit = stat.unit;
  return metric as AlarmMetric;
}

/**
 * Builds an {@link Alarm} from the `detail` of an EventBridge state change or the `alarmData` of a
 * Lambda alarm action — the two share one shape.
 */
export function alarmFromAlarmData(
  data: AlarmStateChangeDetail,
  where: { arn?: string; place: AlarmPlace; source: Alarm['source'] },
): Alarm {
  const config = data.configuration ?? {};
  const { place } = where;
  return completeAlarm({
    name: data.alarmName,
    ...(where.arn ? { arn: where.arn } : {}),
    ...(config.description ? { description: config.description } : {}),
    ...place,
    state: toAlarmState(data.state),
    ...(data.previousState ? { previousState: toAlarmState(data.previousState) } : {}),
    metrics: (config.metrics ?? []).map(toMetric),
    ...(config.alarmRule ? { alarmRule: config.alarmRule } : {}),
    ...(config.actionsSuppressor ? { actionsSuppressor: config.actionsSuppressor } : {}),
    ...(config.actionsSuppressorWaitPeriod !== undefined
      ? { actionsSuppressorWaitPeriod: config.actionsSuppressorWaitPeriod }
      : {}),
    ...(config.actionsSuppressorExtensionPeriod !== undefined
      ? { actionsSuppressorExtensionPeriod: config.actionsSuppressorExtensionPeriod }
      : {}),
    ...(config.threshold !== undefined ? { threshold: config.threshold } : {}),
    ...(config.comparisonOperator ? { comparison: config.comparisonOperator } : {}),
    ...(config.evaluationPeriods !== undefined ? { evaluationPeriods: config.evaluationPeriods } : {}),
    ...(config.datapointsToAlarm !== undefined ? { datapointsToAlarm: config.datapointsToAlarm } : {}),
    ...(config.treatMissingData ? { treatMissingData: config.treatMissingData } : {}),
    source: where.source,
  });
}
