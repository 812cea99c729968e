import { alarmConsoleUrl, targetGroupConsoleUrl } from '../../links/console';
import { runbookLinks } from '../../links/runbook';
import type { RenderContext } from '../../locale';
import { type Link, NOTIFICATION_SCHEMA_VERSION, type Notification, type Severity } from '../../notification';
import { placed } from '../placed';
import { alarmFields } from './alarm-fields';
import { summarizeAlarm } from './alarm-summary';
import { alarmText } from './alarm-text';
import { toIsoInstant } from './derive';
import type { Alarm } from './model';
import type { AlarmStateValue } from './schema';
import { targetHealthFields, targetHealthNotes } from './target-fields';
import { targetGroupsOf } from './target-groups';
import type { TargetHealthReport } from './target-health';

/** How urgent each alarm state is. */
export const alarmSeverities = {
  ALARM: 'critical',
  INSUFFICIENT_DATA: 'warning',
  OK: 'ok',
} as const satisfies Record<AlarmStateValue, Severity>;

function titleOf(alarm: Alarm, ctx: RenderContext): string {
  const titles = alarmText[ctx.locale].title;
  const again = alarm.state.value === 'OK' && alarm.previousState?.value === 'ALARM';
  return (again ? titles.OK_AGAIN : titles[alarm.state.value])(alarm.name);
}

/** Links of an alarm: the alarm itself, each of its target groups, then the runbook its description names. */
export function linksOf(alarm: Alarm, ctx: RenderContext): Link[] {
  const t = alarmText[ctx.locale].links;
  if (!alarm.region) return runbookLinks(alarm.description);
  const alarmLink = {
    label: t.alarm,
    url: alarmConsoleUrl({ name: alarm.name, region: alarm.region, partition: alarm.partition }),
  };
  const groups = targetGroupsOf(alarm).map((g) => ({ label: t.targetGroup(g.name), url: targetGroupConsoleUrl(g) }));
  return [alarmLink, ...groups, ...runbookLinks(alarm.description)];
}

/**
 * `alarm:{account}:{region}:{name}:{state}:{ISO timestamp}`, built from facts every route carries, so
 * one state change gives one key whether it came through EventBridge, the alarm-actions topic or a
 * Lambda alarm action (the ARN is absent from some of them, and timestamps are spelt differently).
 * A missing region falls back to the name the source gave; a missing timestamp to the source's event
 * id, so an undated change is never taken for another one.
 * @example alarmDedupeKey(alarm) // "alarm:123456789012:us-east-1:cpu-high:ALARM:2019-10-02T17:04:40.989Z"
 */
export function alarmDedupeKey(alarm: Alarm): string {
  const region = alarm.region ?? alarm.regionName ?? '';
  const when = toIsoInstant(alarm.state.timestamp) ?? alarm.source.id ?? '';
  return `alarm:${alarm.account ?? ''}:${region}:${alarm.name}:${alarm.state.value}:${when}`;
}

/**
 * Turns an alarm state change into a {@link Notification}: the state in the title, the reason in
 * words, every fact the source carries as ordered fields, console links, and — when enrichment ran —
 * which targets of its target groups are unhealthy and why. Nothing is claimed about targets
 * without `reports`.
 *
 * @example interpretAlarm(alarm, { locale: 'en', timeZone: 'UTC', now }).title // "web-tg-unhealthy is in ALARM"
 */
export function interpretAlarm(
  alarm: Alarm,
  ctx: RenderContext,
  reports: readonly TargetHealthReport[] = [],
): Notification {
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'alarm',
      severity: alarmSeverities[alarm.state.value],
      locale: ctx.locale,
      title: titleOf(alarm, ctx),
      summary: summarizeAlarm(alarm, ctx.locale),
      fields: alarmFields(alarm, ctx, targetHealthFields(reports, ctx.locale)),
      links: linksOf(alarm, ctx),
      notes: targetHealthNotes(reports, ctx.locale),
    },
    alarm.account,
    alarm.region,
    {
      occurredAt: alarm.state.timestamp ?? ctx.now.toISOString(),
      dedupeKey: alarmDedupeKey(alarm),
      labels: { alarm: alarm.name },
      source: alarm.source,
    },
  );
}
