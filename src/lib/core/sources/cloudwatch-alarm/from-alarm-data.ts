import { type AlarmBase, completeAlarm, toAlarmState } from './derive';
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

/** A value being built key by key. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Builds an {@link Alarm} from the `detail` of an EventBridge state change or the `alarmData` of a
 * Lambda alarm action — the two share one shape. Keys are assigned in the model's order as they are
 * known (no small object spread for each).
 */
export function alarmFromAlarmData(
  data: AlarmStateChangeDetail,
  where: { arn?: string; place: AlarmPlace; source: Alarm['source'] },
): Alarm {
  const config = data.configuration ?? {};
  const { place } = where;
  const base: Building<AlarmBase> = { name: data.alarmName } as AlarmBase;
  if (where.arn) base.arn = where.arn;
  if (config.description) base.description = config.description;
  if (place.account !== undefined) base.account = place.account;
  if (place.region !== undefined) base.region = place.region;
  if (place.regionName !== undefined) base.regionName = place.regionName;
  base.partition = place.partition;
  base.state = toAlarmState(data.state);
  if (data.previousState) base.previousState = toAlarmState(data.previousState);
  base.metrics = (config.metrics ?? []).map(toMetric);
  if (config.alarmRule) base.alarmRule = config.alarmRule;
  if (config.actionsSuppressor) base.actionsSuppressor = config.actionsSuppressor;
  if (config.actionsSuppressorWaitPeriod !== undefined) {
    base.actionsSuppressorWaitPeriod = config.actionsSuppressorWaitPeriod;
  }
  if (config.actionsSuppressorExtensionPeriod !== undefined) {
    base.actionsSuppressorExtensionPeriod = config.actionsSuppressorExtensionPeriod;
  }
  if (config.threshold !== undefined) base.threshold = config.threshold;
  if (config.comparisonOperator) base.comparison = config.comparisonOperator;
  if (config.evaluationPeriods !== undefined) base.evaluationPeriods = config.evaluationPeriods;
  if (config.datapointsToAlarm !== undefined) base.datapointsToAlarm = config.datapointsToAlarm;
  if (config.treatMissingData) base.treatMissingData = config.treatMissingData;
  base.source = where.source;
  return completeAlarm(base);
}
