import type { Locale, RenderContext } from '../../locale';
import { lookup } from '../../lookup';
import type { Field } from '../../notification';
import { formatNumber } from '../../numbers';
import { formatDuration, formatInstant } from '../../time';
import { bandOf, incidentMillis } from './alarm-summary';
import { alarmText } from './alarm-text';
import { alarmNameOfArn, formatMetric, formatPeriod } from './format';
import type { Alarm } from './model';

/** Newest datapoints shown; reasonData rarely has more, but a long evaluation window could. */
export const MAX_DATAPOINTS_SHOWN = 10;

function metricFields(alarm: Alarm, locale: Locale): Field[] {
  const t = alarmText[locale];
  const measured = alarm.metrics.filter((m) => m.name);
  const expressions = alarm.metrics.filter((m) => m.expression);
  const fields: Field[] = [];
  if (measured.length === 1 && expressions.length === 0 && measured[0]) {
    fields.push({ label: t.labels.metric, value: formatMetric(measured[0]) });
  } else if (measured.length > 0) {
    const line = (m: (typeof measured)[number]) =>
      [`${m.id ? `${m.id}: ` : ''}${formatMetric(m)}`, m.stat, m.period && formatPeriod(m.period, locale)]
        .filter(Boolean)
        .join(' · ');
    fields.push({ label: t.labels.metrics, value: measured.map(line).join('\n') });
  }
  if (expressions.length > 0) {
    const label = alarm.kind === 'metrics-insights' ? t.labels.query : t.labels.expression;
    const line = (m: (typeof expressions)[number]) =>
      `${m.id && expressions.length + measured.length > 1 ? `${m.id}: ` : ''}${m.expression}${m.label ? ` (${m.label})` : ''}`;
    fields.push({ label, value: expressions.map(line).join('\n') });
  }
  return fields;
}

function thresholdFields(alarm: Alarm, locale: Locale): Field[] {
  const t = alarmText[locale];
  const fields: Field[] = [];
  if (alarm.statistic && alarm.period !== undefined) {
    fields.push({ label: t.labels.statistic, value: t.statistic(alarm.statistic, formatPeriod(alarm.period, locale)) });
  }
  const band = bandOf(alarm);
  const limit = band
    ? t.band(formatNumber(band.low, locale), formatNumber(band.high, locale))
    : alarm.threshold !== undefined
      ? formatNumber(alarm.threshold, locale)
      : undefined;
  const words = lookup(t.comparison, alarm.comparison);
  if (limit !== undefined && (words || alarm.comparison)) {
    fields.push({ label: t.labels.threshold, value: words ? words(limit) : `${alarm.comparison} ${limit}` });
  }
  if (alarm.datapointsToAlarm !== undefined && alarm.evaluationPeriods !== undefined) {
    fields.push({
      label: t.labels.datapointsToAlarm,
      value: t.datapointsToAlarm(alarm.datapointsToAlarm, alarm.evaluationPeriods),
    });
  }
  if (alarm.treatMissingData) {
    fields.push({
      label: t.labels.treatMissing,
      value: lookup(t.treatMissing, alarm.treatMissingData) ?? alarm.treatMissingData,
    });
  }
  return fields;
}

function stateFields(alarm: Alarm, ctx: RenderContext): Field[] {
  const t = alarmText[ctx.locale];
  const { state, previousState } = alarm;
  const incident = incidentMillis(alarm);
  return [
    { label: t.labels.state, value: previousState ? `${previousState.value} → ${state.value}` : state.value },
    ...(state.timestamp
      ? [{ label: t.labels.since, value: formatInstant(state.timestamp, ctx.timeZone, ctx.locale) }]
      : state.rawTimestamp
        ? [{ label: t.labels.sinceUnparsed, value: state.rawTimestamp }]
        : []),
    ...(incident !== undefined ? [{ label: t.labels.incident, value: formatDuration(incident, ctx.locale) }] : []),
  ];
}

function evaluationFields(alarm: Alarm, ctx: RenderContext): Field[] {
  const t = alarmText[ctx.locale];
  const { state } = alarm;
  const points = alarm.recentDatapoints.slice(-MAX_DATAPOINTS_SHOWN).map((p) => {
    const value = formatNumber(p.value, ctx.locale);
    return p.timestamp ? `${value} (${formatInstant(p.timestamp, ctx.timeZone, ctx.locale)})` : value;
  });
  const wait = alarm.actionsSuppressorWaitPeriod;
  const extension = alarm.actionsSuppressorExtensionPeriod;
  const triggering = (state.reasonData?.triggeringAlarms ?? []).map((a) =>
    [
      alarmNameOfArn(a.arn),
      a.state?.value,
      a.state?.timestamp && formatInstant(a.state.timestamp, ctx.timeZone, ctx.locale),
    ]
      .filter(Boolean)
      .join(' · '),
  );
  const field = (label: string, value: string | undefined): Field[] => (value ? [{ label, value }] : []);
  return [
    ...field(t.labels.recentDatapoints, points.join('\n')),
    ...field(
      t.labels.evaluationState,
      state.evaluationState && (lookup(t.evaluationState, state.evaluationState) ?? state.evaluationState),
    ),
    ...field(
      t.labels.actionsSuppressed,
      lookup(t.suppressedBy, state.actionsSuppressedBy) ?? state.actionsSuppressedReason ?? state.actionsSuppressedBy,
    ),
    ...field(
      t.labels.actionsSuppressor,
      alarm.actionsSuppressor &&
        t.suppressor(
          alarm.actionsSuppressor,
          wait !== undefined ? formatPeriod(wait, ctx.locale) : undefined,
          extension !== undefined ? formatPeriod(extension, ctx.locale) : undefined,
        ),
    ),
    ...field(t.labels.alarmRule, alarm.alarmRule),
    ...field(t.labels.triggeringAlarms, triggering.join('\n')),
  ];
}

/**
 * The ordered fields of an alarm notification: state and timing, target health (given separately),
 * metric and threshold, what was evaluated, composite details, then description, AWS's reason,
 * type (account and region are the notification's own).
 */
export function alarmFields(alarm: Alarm, ctx: RenderContext, targetFields: readonly Field[]): Field[] {
  const t = alarmText[ctx.locale];
  const field = (label: string, value: string | undefined): Field[] => (value ? [{ label, value }] : []);
  return [
    ...stateFields(alarm, ctx),
    ...targetFields,
    ...metricFields(alarm, ctx.locale),
    ...thresholdFields(alarm, ctx.locale),
    ...evaluationFields(alarm, ctx),
    ...field(t.labels.description, alarm.description),
    ...field(t.labels.reason, alarm.state.reason),
    ...field(t.labels.kind, t.kind[alarm.kind]),
    // Account and region travel as the notification's own account/region, which every renderer
    // shows; a region name we could not map to a code is kept here so it is not lost.
    ...field(t.labels.region, alarm.region ? undefined : alarm.regionName),
  ];
}
