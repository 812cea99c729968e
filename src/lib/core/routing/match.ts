import { globMatcher } from '../glob';
import type { Notification } from '../notification';
import type { Matcher, MatchKey } from './schema';

/**
 * The values of a notification each match key reads; absent when the notification has none (an
 * `alarm` matcher never matches a notification that is not about an alarm).
 */
export const matchValues = {
  category: (n) => n.category,
  severity: (n) => n.severity,
  account: (n) => n.account,
  region: (n) => n.region,
  source: (n) => n.source.type,
  alarm: (n) => n.labels?.alarm,
  rule: (n) => n.labels?.rule,
} as const satisfies Record<MatchKey, (n: Notification) => string | undefined>;

/** Every match key, in the order messages and the README list them. */
export const MATCH_KEYS = Object.keys(matchValues) as MatchKey[];

/** A compiled matcher: true when the notification has every key given with a value matching one glob. */
export type NotificationTest = (n: Notification) => boolean;

/**
 * Compiles a matcher once: each key's globs (`*`, `?`; linear time, see glob.ts) become one test, and
 * the matcher is their conjunction. An empty matcher matches every notification.
 * @example compileMatcher({ severity: ['critical'], alarm: ['web-*'] })(n)
 */
export function compileMatcher(matcher: Matcher = {}): NotificationTest {
  const tests = MATCH_KEYS.flatMap((key) => {
    const patterns = matcher[key];
    if (patterns === undefined) return [];
    const globs = patterns.map((p) => globMatcher(p));
    const read = matchValues[key];
    return [
      (n: Notification) => {
        const value = read(n);
        return value !== undefined && globs.some((g) => g(value));
      },
    ];
  });
  return (n) => tests.every((test) => test(n));
}

/** True when the matcher names no key: it matches everything. */
export function isCatchAll(matcher: Matcher | undefined): boolean {
  return matcher === undefined || MATCH_KEYS.every((key) => matcher[key] === undefined);
}

/** A matcher as one line, `alarm=web-*,api-* severity=critical`, for logs and `silence list`. */
export function describeMatcher(matcher: Matcher | undefined): string {
  if (isCatchAll(matcher)) return '(everything)';
  return MATCH_KEYS.flatMap((key) => (matcher?.[key] ? [`${key}=${matcher[key].join(',')}`] : [])).join(' ');
}
