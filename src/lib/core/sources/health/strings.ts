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
  title: (service, code) => `AWS Health: ${code}${service ? `（${service}）` : ''}`,
  abuseTitle: (code) => `AWS Health 不正利用の報告: ${code}`,
  summary: (service, category) => `${service || 'アカウント'} に関する AWS Health の ${category} です。`,
  link: 'AWS Health のイベント',
  more: (n) => `…ほか ${n} 件`,
};

/** Every fixed string of AWS Health notifications, in each locale. */
export const healthText = { en, ja } as const satisfies Record<Locale, typeof en>;
