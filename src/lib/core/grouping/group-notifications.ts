import type { Notification } from '../notification';

/**
 * Notifications delivered as one message: a lone one (rendered as usual), or several that share a
 * group key, listed in one message. A group larger than the channel's limit is split into parts.
 */
export interface NotificationGroup {
  /** What the members share: category, severity, account, region and locale (see {@link groupKey}). */
  readonly key: string;
  /** In arrival order; at least one. */
  readonly members: readonly Notification[];
  /** 1-based position of this part among the group's parts, when it was split to fit. */
  readonly part: number;
  readonly parts: number;
}

/** Options of {@link groupNotifications}. */
export interface GroupOptions {
  /** Most notifications in one message: the channel's limit (a Slack message has 50 blocks). */
  readonly maxMembers: number;
}

/**
 * The group of a notification: Alertmanager's `group_by`, fixed to what a reader takes in at a glance
 * ("37 alarms in ALARM in ap-northeast-1"): category, severity (an alarm's state), account, region,
 * and the locale the strings were written in.
 * @see https://prometheus.io/docs/alerting/latest/configuration/#route
 */
export const groupKey = (n: Notification): string =>
  [n.category, n.severity, n.account ?? '', n.region ?? '', n.locale].join('|');

/**
 * Groups what arrived together (a queue batch held behind the channel's rate limit) into as few
 * messages as the channel allows: one per group key, in order of each group's first notification,
 * split into parts of at most `maxMembers`. A lone notification stays alone, so it goes out as
 * itself and at once. A notification arriving twice (same dedupe key) is listed once. Pure.
 * @example groupNotifications(batch, { maxMembers: 50 }).map((g) => renderGroup(slackChannel, g))
 */
export function groupNotifications(notifications: readonly Notification[], options: GroupOptions): NotificationGroup[] {
  const max = Math.max(1, Math.floor(options.maxMembers));
  const seen = new Set<string>();
  const byKey = new Map<string, Notification[]>();
  for (const n of notifications) {
    if (seen.has(n.dedupeKey)) continue;
    seen.add(n.dedupeKey);
    const key = groupKey(n);
    const members = byKey.get(key);
    if (members) members.push(n);
    else byKey.set(key, [n]);
  }
  return [...byKey].flatMap(([key, members]) => {
    const parts = Math.ceil(members.length / max);
    return Array.from({ length: parts }, (_, i) => ({
      key,
      members: members.slice(i * max, (i + 1) * max),
      part: i + 1,
      parts,
    }));
  });
}
