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

/** Adds `{ label, value }` when there is a value (not undefined, not empty). */
function addField(fields: Field[], label: string, value: string | undefined): void {
  if (value) fields.push({ label, value });
}

function stateFields(fields: Field[], alarm: Alarm, ctx: RenderContext): void {
  const t = alarmText[ctx.locale];
  const { state, previousState } = alarm;
  const incident = incidentMillis(alarm);
  fields.push({
    label: t.labels.state,
    value: previousState ? `${previousState.value} → ${state.value}` : state.value,
  });
  if (state.timestamp)
    fields.push({ label: t.labels.since, value: formatInstant(state.timestamp, ctx.timeZone, ctx.locale) });
  else if (state.rawTimestamp) fields.push({ label: t.labels.sinceUnparsed, value: state.rawTimestamp });
  if (incident !== undefined) fields.push({ label: t.labels.incident, value: formatDuration(incident, ctx.locale) });
}

/** The newest datapoints, one a line: "99.5 (2019-10-03 01:59:00 JST)". */
function datapointLines(alarm: Alarm, ctx: RenderContext): string {
  const points = alarm.recentDatapoints;
  const from = Math.max(0, points.length - MAX_DATAPOINTS_SHOWN);
  let text = '';
  for (let i = from; i < points.length; i++) {
    const p = points[i] as (typeof points)[number];
    const value = formatNumber(p.value, ctx.locale);
    const line = p.timestamp ? `${value} (${formatInstant(p.timestamp, ctx.timeZone, ctx.locale)})` : value;
    text += i === from ? line : `\n${line}`;
  }
  return text;
}

/** The child alarms of a composite, one a line: "name · ALARM · 2019-10-03 01:59:00 JST". */
function triggeringLines(alarm: Alarm, ctx: RenderContext): string {
  const triggering = alarm.state.reasonData?.triggeringAlarms;
  if (!triggering) return '';
  return triggering
    .map((a) =>
      [
        alarmNameOfArn(a.arn),
        a.state?.value,
        a.state?.timestamp && formatInstant(a.state.timestamp, ctx.timeZone, ctx.locale),
      ]
        .filter(Boolean)
        .join(' · '),
    )
    .join('\n');
}

function evaluationFields(fields: Field[], alarm: Alarm, ctx: RenderContext): void {
  const t = alarmText[ctx.locale];
  const { state } = alarm;
  const wait = alarm.actionsSuppressorWaitPeriod;
  const extension = alarm.actionsSuppressorExtensionPeriod;
  addField(fields, t.labels.recentDatapoints, datapointLines(alarm, ctx));
  addField(
    fields,
    t.labels.evaluationState,
    state.evaluationState && (lookup(t.evaluationState, state.evaluationState) ?? state.evaluationState),
  );
  addField(
    fields,
    t.labels.actionsSuppressed,
    lookup(t.suppressedBy, state.actionsSuppressedBy) ?? state.actionsSuppressedReason ?? state.actionsSuppressedBy,
  );
  addField(
    fields,
    t.labels.actionsSuppressor,
    alarm.actionsSuppressor &&
      t.suppressor(
        alarm.actionsSuppressor,
        wait !== undefined ? formatPeriod(wait, ctx.locale) : undefined,
        extension !== undefined ? formatPeriod(extension, ctx.locale) : undefined,
      ),
  );
  addField(fields, t.labels.alarmRule, alarm.alarmRule);
  addField(fields, t.labels.triggeringAlarms, triggeringLines(alarm, ctx));
}

/**
 * The ordered fields of an alarm notification: state and timing, target health (given separately),
 * metric and threshold, what was evaluated, composite details, then description, AWS's reason,
 * type (account and region are the notification's own).
 */
export function alarmFields(alarm: Alarm, ctx: RenderContext, targetFields: readonly Field[]): Field[] {
  // One array pushed to in order (no spread of a list per group): this runs for every alarm.
  const t = alarmText[ctx.locale];
  const fields: Field[] = [];
  stateFields(fields, alarm, ctx);
  for (const f of targetFields) fields.push(f);
  for (const f of metricFields(alarm, ctx.locale)) fields.push(f);
  for (const f of thresholdFields(alarm, ctx.locale)) fields.push(f);
  evaluationFields(fields, alarm, ctx);
  addField(fields, t.labels.description, alarm.description);
  addField(fields, t.labels.reason, alarm.state.reason);
  addField(fields, t.labels.kind, t.kind[alarm.kind]);
  // Account and region travel as the notification's own account/region, which every renderer
  // shows; a region name we could not map to a code is kept here so it is not lost.
  addField(fields, t.labels.region, alarm.region ? undefined : alarm.regionName);
  return fields;
}
