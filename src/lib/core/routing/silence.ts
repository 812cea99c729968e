import type { Notification } from '../notification';
import { compileMatcher, describeMatcher, type NotificationTest } from './match';
import type { Silence } from './schema';

/** Where a silence was set: the routing file, or `notifier silence add` (the dedupe table). */
export type SilenceOrigin = 'file' | 'store';

/** A silence ready to test notifications against. */
export interface ActiveSilence {
  readonly silence: Silence;
  readonly origin: SilenceOrigin;
  readonly startMs: number;
  readonly endMs: number;
  readonly test: NotificationTest;
}

/** Compiles a silence once (its matcher and its window in epoch milliseconds). */
export function compileSilence(silence: Silence, origin: SilenceOrigin): ActiveSilence {
  return {
    silence,
    origin,
    startMs: Date.parse(silence.start),
    endMs: Date.parse(silence.end),
    test: compileMatcher(silence.match),
  };
}

/** True while `now` is inside the silence's window: from `start` (inclusive) to `end` (exclusive). */
export function isActive(s: Pick<ActiveSilence, 'startMs' | 'endMs'>, now: Date): boolean {
  const t = now.getTime();
  return s.startMs <= t && t < s.endMs;
}

/**
 * The first silence, in the order given, whose window holds `now` and whose matcher matches the
 * notification; undefined when none does.
 * @example silencing(n, silences, now)?.silence.id // "maint-2026-12-01"
 */
export function silencing(n: Notification, silences: readonly ActiveSilence[], now: Date): ActiveSilence | undefined {
  return silences.find((s) => isActive(s, now) && s.test(n));
}

/**
 * The key under which "this alarm's last ALARM was silenced" is remembered, so that the OK ending it
 * is suppressed too (README "Silences"); undefined for anything that is not a named alarm.
 * @example silencedAlarmKey(n) // "silenced-alarm:123456789012:us-east-1:web-5xx"
 */
export function silencedAlarmKey(n: Notification): string | undefined {
  const alarm = n.labels?.alarm;
  if (n.category !== 'alarm' || alarm === undefined) return undefined;
  return `silenced-alarm:${n.account ?? ''}:${n.region ?? ''}:${alarm}`;
}

/** A silence as one line: `maint-web  2026-12-01T22:00:00Z → 2026-12-02T02:00:00Z  alarm=web-*  (comment)`. */
export function describeSilence(s: Silence): string {
  return `${s.id}  ${s.start} → ${s.end}  ${describeMatcher(s.match)}${s.comment ? `  (${s.comment})` : ''}`;
}
