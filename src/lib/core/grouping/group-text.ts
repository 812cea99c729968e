import type { Locale } from '../locale';
import type { Category, Notification, Severity } from '../notification';
import { categoryLabel } from '../render/severity-style';
import type { NotificationGroup } from './group-notifications';

type Words = (count: number) => string;
type ByLocale = { readonly [L in Locale]: Words };

/** How a group of alarms is titled, by state (an alarm's severity is its state). */
const alarmTitles = {
  critical: { en: (c) => `${c} alarms in ALARM`, ja: (c) => `${c} 件のアラームが ALARM` },
  warning: { en: (c) => `${c} alarms in INSUFFICIENT_DATA`, ja: (c) => `${c} 件のアラームが INSUFFICIENT_DATA` },
  ok: { en: (c) => `${c} alarms back to OK`, ja: (c) => `${c} 件のアラームが OK に戻りました` },
  info: { en: (c) => `${c} alarm notifications`, ja: (c) => `${c} 件のアラーム通知` },
} as const satisfies Record<Severity, ByLocale>;

/** Any other category: "12 notifications: Security finding". */
const fallbackTitle = (category: Category): ByLocale => ({
  en: (c) => `${c} notifications: ${categoryLabel[category].en}`,
  ja: (c) => `${categoryLabel[category].ja}の通知 ${c} 件`,
});

const titles: Partial<Record<Category, Record<Severity, ByLocale>>> = { alarm: alarmTitles };

/** " (part 2 of 3)" when a group was split to fit the channel; nothing otherwise. */
const partText = {
  en: (p: number, of: number) => ` (part ${p} of ${of})`,
  ja: (p: number, of: number) => `（${p}/${of}）`,
};

/**
 * The title of a group in its members' locale: "37 alarms in ALARM", "12 notifications: AWS event",
 * with "(part 2 of 3)" when the group was split.
 */
export function groupTitle(g: NotificationGroup): string {
  const first = g.members[0] as Notification;
  const words = (titles[first.category]?.[first.severity] ?? fallbackTitle(first.category))[first.locale];
  const part = g.parts > 1 ? partText[first.locale](g.part, g.parts) : '';
  return `${words(g.members.length)}${part}`;
}

/**
 * A group as one Notification for the shared pieces every channel already renders (the subject line
 * with its severity tag and region, the context line): the members' category, severity, account,
 * region and locale, and the group's title; the first member's time. Its dedupe key names the group
 * and its first member. Pure.
 */
export function groupHead(g: NotificationGroup): Notification {
  const first = g.members[0] as Notification;
  return {
    schemaVersion: first.schemaVersion,
    category: first.category,
    severity: first.severity,
    locale: first.locale,
    title: groupTitle(g),
    summary: '',
    fields: [],
    links: [],
    notes: [],
    ...(first.account === undefined ? {} : { account: first.account }),
    ...(first.region === undefined ? {} : { region: first.region }),
    occurredAt: first.occurredAt,
    dedupeKey: `group:${g.members.length}:${first.dedupeKey}`,
    source: { type: 'notifier/group' },
  };
}
