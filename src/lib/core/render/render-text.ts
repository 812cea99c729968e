import type { Locale } from '../locale';

/**
 * Every fixed string the renderers print, per locale. Event values never come from here;
 * the Notification's strings are already localized by the interpreters.
 */
export const renderText = {
  en: {
    links: 'Links',
    notes: 'Notes',
    account: 'Account',
    region: 'Region',
    category: 'Category',
    occurred: 'Occurred',
    eventId: 'Event',
    source: 'Source',
    dedupeKey: 'Dedupe key',
    openLink: 'Open',
    footer: 'Sent by notifier.',
    truncated: (omitted: number) => `… (truncated, ${omitted} more characters)`,
    leftOut: (fields: number, links: number, notes: number) =>
      `… ${[plural(fields, 'field'), plural(links, 'link'), plural(notes, 'note')].filter(Boolean).join(', ')} not shown; the email has everything.`,
    listLeftOut: (fields: number, links: number, notes: number) =>
      `${[plural(fields, 'field'), plural(links, 'link'), plural(notes, 'note')].filter(Boolean).join(', ')} left out to fit the message size limit.`,
  },
  ja: {
    links: 'リンク',
    notes: '注意',
    account: 'アカウント',
    region: 'リージョン',
    category: '種別',
    occurred: '発生時刻',
    eventId: 'イベント',
    source: 'ソース',
    dedupeKey: '重複排除キー',
    openLink: '開く',
    footer: 'notifier から送信',
    truncated: (omitted: number) => `…（以下 ${omitted} 文字省略）`,
    leftOut: (fields: number, links: number, notes: number) =>
      `… ${jaCounts(fields, links, notes)}は表示していません（メールにすべて記載）。`,
    listLeftOut: (fields: number, links: number, notes: number) =>
      `メッセージサイズ上限のため${jaCounts(fields, links, notes)}を省略しました。`,
  },
} as const satisfies Record<Locale, Record<string, unknown>>;

/** The fixed strings of one locale. */
export type RenderText = (typeof renderText)[Locale];

function plural(count: number, noun: string): string {
  if (count === 0) return '';
  return `${count} more ${noun}${count === 1 ? '' : 's'}`;
}

function jaCounts(fields: number, links: number, notes: number): string {
  return [fields ? `項目 ${fields} 件` : '', links ? `リンク ${links} 件` : '', notes ? `注意 ${notes} 件` : '']
    .filter(Boolean)
    .join('、');
}
