import { parseInstant, toIsoInstant } from '../../instant';
import { fastSafeParse } from '../../schemas/fast-parse';
import type { Alarm, AlarmKind, AlarmMetric, AlarmState, Datapoint } from './model';
import { readReason } from './reason-text';
import { type AlarmStateRaw, type ReasonData, reasonDataSchema } from './schema';

/** Characters of an unparseable timestamp kept for display. */
const MAX_RAW_TIMESTAMP_LENGTH = 64;

// Shared with the generic source, which must not bundle the alarm schemas to read a timestamp.
export { toIsoInstant };

/** The source's text when it is a timestamp that is not a date (bounded), to show under its own label. */
export function rawTimestampOf(text: string | undefined | null): { rawTimestamp: string } | Record<string, never> {
  return text && !toIsoInstant(text) ? { rawTimestamp: text.slice(0, MAX_RAW_TIMESTAMP_LENGTH) } : {};
}

/** Parses `reasonData`; a missing or malformed one is simply absent (the reason text remains). */
export function readReasonData(json: string | undefined): ReasonData | undefined {
  if (!json) return undefined;
  try {
    const parsed = fastSafeParse(reasonDataSchema, JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A value being built key by key. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Converts a raw state (EventBridge / Lambda action) to our {@link AlarmState}. Keys are assigned in
 * the model's order as they are known (no small object spread for each).
 */
export function toAlarmState(raw: AlarmStateRaw): AlarmState {
  const reasonData = readReasonData(raw.reasonData);
  const timestamp = toIsoInstant(raw.timestamp);
  const state: Building<AlarmState> = { value: raw.value };
  if (raw.reason) state.reason = raw.reason;
  if (reasonData) state.reasonData = reasonData;
  if (timestamp) state.timestamp = timestamp;
  else if (raw.timestamp) Object.assign(state, rawTimestampOf(raw.timestamp));
  if (raw.evaluationState) state.evaluationState = raw.evaluationState;
  if (raw.actionsSuppressedBy) state.actionsSuppressedBy = raw.actionsSuppressedBy;
  if (raw.actionsSuppressedReason) state.actionsSuppressedReason = raw.actionsSuppressedReason;
  return state;
}

const SQL_QUERY = /^\s*SELECT\s/i;
const ANOMALY_BAND = /ANOMALY_DETECTION_BAND\s*\(/i;

/**
 * The kind of alarm, from its rule or metrics: a rule means composite; an anomaly band, a
 * Metrics Insights `SELECT` or any other expression win over plain metrics, in that order.
 */
export function kindOf(metrics: readonly AlarmMetric[], alarmRule: string | undefined): AlarmKind {
  if (alarmRule) return 'composite';
  const expressions = metrics.flatMap((m) => (m.expression ? [m.expression] : []));
  if (expressions.some((e) => ANOMALY_BAND.test(e))) return 'anomaly-detection';
  if (expressions.some((e) => SQL_QUERY.test(e))) return 'metrics-insights';
  return expressions.length > 0 ? 'metric-math' : 'metric';
}

/** Everything a source knows; {@link completeAlarm} adds what the reason texts and reasonData tell. */
export type AlarmBase = Omit<Alarm, 'kind' | 'recentDatapoints'>;

/**
 * Longest look-back of an alarm: evaluation periods × period is at most 7 days (for 1-day periods).
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation
 */
const MAX_EVALUATION_RANGE_MS = 7 * 86_400_000;
/** Slack for the delay between a datapoint's period and the evaluation that reports it. */
const EVALUATION_DELAY_MS = 86_400_000;

/**
 * Keeps a datapoint's time only when it lies within the alarm's possible look-back before the state
 * change: reason texts write dates day-first, and a sample that does not is better shown undated than wrong.
 */
function plausible(points: Datapoint[], stateTime: string | undefined): Datapoint[] {
  const end = stateTime ? parseInstant(stateTime) : Number.NaN;
  return points.map((point) => {
    const age = end - parseInstant(point.timestamp ?? '');
    return age >= 0 && age <= MAX_EVALUATION_RANGE_MS + EVALUATION_DELAY_MS ? point : { value: point.value };
  });
}

/** The first of `values` that is neither undefined nor null. */
function firstDefined<T>(a: T | undefined | null, b?: T | undefined | null, c?: T | undefined | null): T | undefined {
  if (a !== undefined && a !== null) return a;
  if (b !== undefined && b !== null) return b;
  return c ?? undefined;
}

/**
 * Fills the facts a source leaves implicit — comparison, threshold, statistic, period, datapoints —
 * from the current state's reasonData and reason text (never from the previous state's, whose
 * configuration may have been different). The base's keys keep their places; a fact it lacked is
 * added after them, then `kind` and `recentDatapoints`.
 */
export function completeAlarm(base: AlarmBase): Alarm {
  const facts = readReason(base.state.reason);
  const data = base.state.reasonData;
  const single = base.metrics.length === 1 ? base.metrics[0] : undefined;
  const alarm = { ...base } as Building<Alarm>;
  const comparison = firstDefined(base.comparison, facts.comparison);
  if (comparison !== undefined) alarm.comparison = comparison;
  const threshold = firstDefined(base.threshold, data?.threshold, facts.threshold);
  if (threshold !== undefined) alarm.threshold = threshold;
  const statistic = firstDefined(base.statistic, data?.statistic, single?.stat);
  if (statistic !== undefined) alarm.statistic = statistic;
  const period = firstDefined(base.period, data?.period, single?.period);
  if (period !== undefined) alarm.period = period;
  const evaluationPeriods = firstDefined(base.evaluationPeriods, facts.outOf);
  if (evaluationPeriods !== undefined) alarm.evaluationPeriods = evaluationPeriods;
  const datapointsToAlarm = firstDefined(base.datapointsToAlarm, facts.datapointsToAlarm);
  if (datapointsToAlarm !== undefined) alarm.datapointsToAlarm = datapointsToAlarm;
  alarm.kind = kindOf(base.metrics, base.alarmRule);
  alarm.recentDatapoints =
    facts.datapoints.length > 0
      ? plausible(facts.datapoints, base.state.timestamp)
      : (data?.recentDatapoints ?? []).map((value) => ({ value }));
  return alarm;
}
