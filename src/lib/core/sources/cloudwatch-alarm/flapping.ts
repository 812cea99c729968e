import type { FlapRequest } from '../../flapping/decide';
import type { FlapDecision } from '../../flapping/history';
import type { RenderContext } from '../../locale';
import { NOTIFICATION_SCHEMA_VERSION, type Notification } from '../../notification';
import { formatDuration } from '../../time';
import { alarmText } from './alarm-text';
import { toIsoInstant } from './derive';
import { alarmDedupeKey, interpretAlarm, linksOf } from './interpret-alarm';
import type { Alarm } from './model';
import type { TargetHealthReport } from './target-health';

/** The rule a muted change of a flapping alarm is ignored by, in the "input ignored" logs. */
export const FLAPPING_RULE = 'flapping';

/**
 * The flapping check's request for one state change (its history key is `flap:<account>:<region>:<alarm name>`), or undefined when the change has no date to
 * count it by (it is then notified as usual).
 * @example alarmChangeOf(alarm) // { key: 'flap:123456789012:us-east-1:web-5xx', state: 'ALARM', at: 1704067500000 }
 */
export function alarmChangeOf(alarm: Alarm): FlapRequest | undefined {
  const at = Date.parse(toIsoInstant(alarm.state.timestamp) ?? '');
  if (!Number.isFinite(at)) return undefined;
  const region = alarm.region ?? alarm.regionName ?? '';
  return { key: `flap:${alarm.account ?? ''}:${region}:${alarm.name}`, state: alarm.state.value, at };
}

/** The one notification that says an alarm started flapping (its later changes are muted). */
function flappingNotification(
  alarm: Alarm,
  decision: Extract<FlapDecision, { kind: 'flapping' }>,
  ctx: RenderContext,
): Notification {
  const t = alarmText[ctx.locale];
  const window = formatDuration(decision.windowMs, ctx.locale);
  return {
    schemaVersion: NOTIFICATION_SCHEMA_VERSION,
    category: 'alarm',
    severity: 'warning',
    locale: ctx.locale,
    title: t.flapping.title(alarm.name),
    summary: t.flapping.summary(alarm.name, decision.changes, window),
    fields: [
      { label: t.flapping.labels.state, value: alarm.state.value },
      { label: t.flapping.labels.changes, value: t.flapping.changes(decision.changes, window) },
      ...(alarm.account ? [{ label: t.labels.account, value: alarm.account }] : []),
      ...(alarm.region ? [{ label: t.labels.region, value: alarm.region }] : []),
    ],
    links: linksOf(alarm, ctx),
    notes: [],
    ...(alarm.account ? { account: alarm.account } : {}),
    ...(alarm.region ? { region: alarm.region } : {}),
    occurredAt: alarm.state.timestamp ?? ctx.now.toISOString(),
    dedupeKey: `${alarmDedupeKey(alarm)}:flapping`,
    labels: { alarm: alarm.name },
    source: alarm.source,
  };
}

/** Why a change of a flapping alarm is muted: one line for the logs. */
function mutedReason(alarm: Alarm, decision: Extract<FlapDecision, { kind: 'muted' }>): string {
  const since = new Date(decision.since).toISOString();
  const window = formatDuration(decision.windowMs, 'en');
  return `${alarm.name} is flapping since ${since}; this change to ${alarm.state.value} is muted (${decision.muted} so far) until it is stable for ${window}`;
}

/** What one alarm state change becomes, given the flapping check's decision. */
export type FlapAwareBuild =
  | Notification
  | { readonly kind: 'ignored'; readonly rule: string; readonly reason: string };

/**
 * Builds an alarm state change's notification as the flapping check decided: as usual; one
 * "flapping" notification instead; nothing (ignored by {@link FLAPPING_RULE}, with the reason);
 * or as usual with a note that the alarm is stable again after flapping.
 * @example buildAlarmChange(alarm, ctx, [], { kind: 'flapping', changes: 5, windowMs: 600_000 }).title // "web-5xx is flapping"
 */
export function buildAlarmChange(
  alarm: Alarm,
  ctx: RenderContext,
  reports: readonly TargetHealthReport[],
  decision: FlapDecision = { kind: 'notify' },
): FlapAwareBuild {
  switch (decision.kind) {
    case 'flapping':
      return flappingNotification(alarm, decision, ctx);
    case 'muted':
      return { kind: 'ignored', rule: FLAPPING_RULE, reason: mutedReason(alarm, decision) };
    case 'stable': {
      const n = interpretAlarm(alarm, ctx, reports);
      const at = Date.parse(toIsoInstant(alarm.state.timestamp) ?? ctx.now.toISOString());
      const stayedFor = formatDuration(at - decision.stayedSince, ctx.locale);
      const note = alarmText[ctx.locale].flapping.stable(decision.stayed, stayedFor, decision.muted);
      return { ...n, notes: [note, ...n.notes] };
    }
    default:
      return interpretAlarm(alarm, ctx, reports);
  }
}
