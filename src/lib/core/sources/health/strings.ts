import type { Locale } from '../../locale';

const en = {
  labels: {
    service: 'Service',
    eventType: 'Event type',
    category: 'Category',
    status: 'Status',
    scope: 'Scope',
    entities: 'Affected resources',
    start: 'Start',
    end: 'End',
    updated: 'Last updated',
    eventRegion: 'Event region',
    affectedAccount: 'Affected account',
    receivedIn: 'Received in',
    event: 'Event',
  },
  title: (service: string, code: string) => `AWS Health: ${code}${service ? ` (${service})` : ''}`,
  abuseTitle: (code: string) => `AWS Health abuse report: ${code}`,
  summary: (service: string, category: string) => `AWS Health ${category} for ${service || 'your account'}.`,
  link: 'Event in AWS Health',
  more: (n: number) => `… and ${n} more`,
  /** AWS Health's codes in words; English keeps AWS's own terms, a code not listed is shown as sent. */
  categories: {} as Record<string, string>,
  statuses: {} as Record<string, string>,
  scopes: {} as Record<string, string>,
  entityStatuses: {} as Record<string, string>,
};

const ja: typeof en = {
  labels: {
    service: 'サービス',
    eventType: 'イベントの種類',
    category: 'カテゴリ',
    status: '状態',
    scope: '範囲',
    entities: '影響を受けるリソース',
    start: '開始',
    end: '終了',
    updated: '最終更新',
    eventRegion: 'イベントのリージョン',
    affectedAccount: '影響を受けるアカウント',
    receivedIn: '受信アカウント',
    event: 'イベント',
  },
  // Half-width parentheses with a space, as around the region the renderers add: the contents are Latin.
  title: (service, code) => `AWS Health: ${code}${service ? ` (${service})` : ''}`,
  abuseTitle: (code) => `AWS Health 不正利用の報告: ${code}`,
  summary: (service, category) =>
    `${service ? `${service} に関する` : 'アカウントに関する'} AWS Health の${category}です。`,
  link: 'AWS Health のイベント',
  more: (n) => `…ほか ${n} 件`,
  // The words of the AWS Health console in Japanese.
  categories: {
    issue: '問題',
    scheduledChange: '予定されている変更',
    accountNotification: 'アカウントの通知',
    investigation: '調査',
  },
  statuses: { open: '継続中', closed: '終了', upcoming: '予定' },
  scopes: { ACCOUNT_SPECIFIC: 'アカウント固有', PUBLIC: '公開（全体）', NONE: 'なし' },
  entityStatuses: {
    IMPAIRED: '影響あり',
    UNIMPAIRED: '影響なし',
    UNKNOWN: '不明',
    PENDING: '保留中',
    RESOLVED: '解決済み',
  },
};

/** Every fixed string of AWS Health notifications, in each locale. */
export const healthText = { en, ja } as const satisfies Record<Locale, typeof en>;
