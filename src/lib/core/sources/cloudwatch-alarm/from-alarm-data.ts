import { completeAlarm, toAlarmState } from './derive';
import type { Alarm, AlarmMetric } from './model';
import type { AlarmPlace } from './place';
import type { AlarmStateChangeDetail, MetricDataQuery } from './schema';

/*
 * Optional facts are written as `key: value-or-undefined` rather than spread in when present: a
 * spread of a small literal is V8's slow path, and every alarm goes through here. An Alarm is read
 * (never serialized), so an undefined key and an absent one read the same.
 */

function toMetric(query: MetricDataQuery): AlarmMetric {
  const stat = query.metricStat;
  const period = stat?.period ?? query.period;
  return {
    id: query.id || undefined,
    label: query.label || undefined,
    expression: query.expression || undefined,
    returnData: query.returnData,
    namespace: stat?.metric.namespace,
    name: stat?.metric.name,
    dimensions: { ...(stat?.metric.dimensions ?? {}) },
    stat: stat?.stat || undefined,
    period,
    unit: stat?.unit || undefined,
  };
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
    arn: where.arn || undefined,
    description: config.description || undefined,
    account: place.account,
    region: place.region,
    regionName: place.regionName,
    partition: place.partition,
    state: toAlarmState(data.state),
    previousState: data.previousState ? toAlarmState(data.previousState) : undefined,
    metrics: (config.metrics ?? []).map(toMetric),
    alarmRule: config.alarmRule || undefined,
    actionsSuppressor: config.actionsSuppressor || undefined,
    actionsSuppressorWaitPeriod: config.actionsSuppressorWaitPeriod,
    actionsSuppressorExtensionPeriod: config.actionsSuppressorExtensionPeriod,
    threshold: config.threshold,
    comparison: config.comparisonOperator || undefined,
    evaluationPeriods: config.evaluationPeriods,
    datapointsToAlarm: config.datapointsToAlarm,
    treatMissingData: config.treatMissingData || undefined,
    source: where.source,
  });
}
