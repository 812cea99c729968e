import type { Locale } from '../../locale';
import { formatNumber } from '../../numbers';
import { formatDuration } from '../../time';
import { alarmText, type Relation } from './alarm-text';
import { alarmNameOfArn, formatPeriod, millisBetween } from './format';
import type { Alarm } from './model';
import { readReason } from './reason-text';

/** Comparison operator → how the value relates to the threshold: [when breaching, when not]. */
const relations = {
  GreaterThanThreshold: ['above', 'atOrBelow'],
  GreaterThanOrEqualToThreshold: ['atOrAbove', 'below'],
  LessThanThreshold: ['below', 'atOrAbove'],
  LessThanOrEqualToThreshold: ['atOrBelow', 'above'],
  LessThanLowerOrGreaterThanUpperThreshold: ['outsideBand', 'insideBand'],
  // One-sided band alarms: not breaching says nothing about the other side of the band.
  GreaterThanUpperThreshold: ['aboveBand', 'notAboveBand'],
  LessThanLowerThreshold: ['belowBand', 'notBelowBand'],
} as const satisfies Record<string, readonly [Relation, Relation]>;

const bandRelations: ReadonlySet<Relation> = new Set([
  'outsideBand',
  'insideBand',
  'aboveBand',
  'notAboveBand',
  'belowBand',
  'notBelowBand',
]);

/** The anomaly band of the latest datapoint, from reasonData or the reason text. */
export function bandOf(alarm: Alarm): { low: number; high: number } | undefined {
  const data = alarm.state.reasonData;
  const facts = readReason(alarm.state.reason);
  const low = data?.recentLowerThresholds?.at(-1) ?? facts.lowerThreshold;
  const high = data?.recentUpperThresholds?.at(-1) ?? facts.upperThreshold;
  return low !== undefined && high !== undefined ? { low, high } : undefined;
}

/** What the value is called in a sentence: the metric, the expression's label, or "Metrics Insights query". */
function subjectOf(alarm: Alarm, locale: Locale): { subject: string; aggregate?: string } | undefined {
  const t = alarmText[locale];
  if (alarm.kind === 'metrics-insights') return { subject: t.query };
  const measured = alarm.metrics.find((m) => m.name && m.returnData !== false) ?? alarm.metrics.find((m) => m.name);
  if (alarm.kind === 'metric-math') {
    const expression = alarm.metrics.find((m) => m.expression && m.returnData !== false);
    if (!expression?.expression) return undefined;
    return expression.label
      ? { subject: expression.label, aggregate: expression.expression }
      : { subject: expression.expression };
  }
  if (!measured?.name) return undefined;
  const aggregate = alarm.statistic ?? measured.stat;
  return { subject: measured.name, ...(aggregate ? { aggregate } : {}) };
}

/** "CPUUtilization (Average over 5 min) was 99.5, above the threshold of 50, in 1 of the last 1 datapoints." */
function valueSentence(alarm: Alarm, locale: Locale): string | undefined {
  const t = alarmText[locale];
  const latest = alarm.recentDatapoints.at(-1);
  const operator = alarm.comparison as keyof typeof relations | undefined;
  const subject = subjectOf(alarm, locale);
  if (!latest || !operator || !Object.hasOwn(relations, operator) || !subject) return undefined;
  const facts = readReason(alarm.state.reason);
  const breaching = facts.breaching ?? alarm.state.value === 'ALARM';
  const relation = relations[operator][breaching ? 0 : 1];
  const band = bandOf(alarm);
  const isBand = bandRelations.has(relation);
  if (isBand ? !band : alarm.threshold === undefined) return undefined;
  const limit = band && isBand ? t.band(formatNumber(band.low, locale), formatNumber(band.high, locale)) : '';
  const threshold = isBand ? limit : formatNumber(alarm.threshold ?? 0, locale);
  const period = alarm.period !== undefined ? formatPeriod(alarm.period, locale) : undefined;
  const metric = t.metricPhrase(subject.subject, subject.aggregate, period);
  const outOf = facts.outOf ?? alarm.evaluationPeriods;
  const counts = facts.crossed !== undefined ? { crossed: facts.crossed, ...(outOf ? { outOf } : {}) } : undefined;
  return t.valueSentence(metric, formatNumber(latest.value, locale), t.relation[relation](threshold), counts);
}

function compositeSentence(alarm: Alarm, locale: Locale): string | undefined {
  const triggering = alarm.state.reasonData?.triggeringAlarms ?? [];
  if (alarm.kind !== 'composite' || triggering.length === 0) return undefined;
  const list = triggering.map((a) => `${alarmNameOfArn(a.arn)}${a.state?.value ? ` (${a.state.value})` : ''}`);
  return alarmText[locale].triggeredBy(list.join(', '));
}

function insufficientSentence(alarm: Alarm, locale: Locale): string | undefined {
  const unknown = readReason(alarm.state.reason).unknownCount;
  return alarm.state.value === 'INSUFFICIENT_DATA' && unknown !== undefined
    ? alarmText[locale].insufficient(unknown)
    : undefined;
}

/** How long the ALARM lasted, when this state ends one and both instants are known. */
export function incidentMillis(alarm: Alarm): number | undefined {
  const previous = alarm.previousState;
  if (alarm.state.value !== 'OK' || previous?.value !== 'ALARM') return undefined;
  return millisBetween(previous.timestamp, alarm.state.timestamp);
}

/**
 * The reason in words: the value against the threshold, the child alarms of a composite, or the
 * missing data; AWS's own reason text when none of those can be told. A recovery says how long
 * the incident lasted.
 */
export function summarizeAlarm(alarm: Alarm, locale: Locale): string {
  const told =
    compositeSentence(alarm, locale) ??
    insufficientSentence(alarm, locale) ??
    valueSentence(alarm, locale) ??
    alarm.state.reason ??
    '';
  const incident = incidentMillis(alarm);
  const recovered = incident !== undefined ? alarmText[locale].recovered(formatDuration(incident, locale)) : '';
  return [told, recovered].filter(Boolean).join(alarmText[locale].sentenceSeparator);
}
