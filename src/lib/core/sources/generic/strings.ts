import type { Locale } from '../../locale';

const en = {
  configChange: {
    create: (name: string) => `Alarm ${name} was created`,
    update: (name: string) => `Alarm ${name} was updated`,
    delete: (name: string) => `Alarm ${name} was deleted`,
  },
  configChangeOther: (name: string, operation: string) => `Alarm ${name}: ${operation}`,
  eventSummary: (detailType: string, source: string) => `${detailType} from ${source}.`,
  snsTitle: 'Message from SNS',
  jsonSummary: (count: number) => `A JSON message with ${count} ${count === 1 ? 'field' : 'fields'}.`,
  more: (n: number) => `… and ${n} more`,
  labels: {
    changes: 'Changes',
    state: 'Alarm state',
    eventType: 'Event type',
    resources: 'Resources',
    topic: 'SNS topic',
    attributes: 'Message attributes',
    account: 'Account',
    region: 'Region',
    time: 'Time',
  },
  links: { alarm: 'Alarm in CloudWatch' },
};

const ja: typeof en = {
  configChange: {
    create: (name) => `アラーム ${name} が作成されました`,
    update: (name) => `アラーム ${name} が更新されました`,
    delete: (name) => `アラーム ${name} が削除されました`,
  },
  configChangeOther: (name, operation) => `アラーム ${name}: ${operation}`,
  eventSummary: (detailType, source) => `${source} からの ${detailType} です。`,
  snsTitle: 'SNS からのメッセージ',
  jsonSummary: (count) => `${count} 個のフィールドを持つ JSON メッセージです。`,
  more: (n) => `…ほか ${n} 件`,
  labels: {
    changes: '変更内容',
    state: 'アラームの状態',
    eventType: 'イベントの種類',
    resources: 'リソース',
    topic: 'SNS トピック',
    attributes: 'メッセージ属性',
    account: 'アカウント',
    region: 'リージョン',
    time: '時刻',
  },
  links: { alarm: 'CloudWatch のアラーム' },
};

/** Every fixed string of generic notifications, in each locale. */
export const genericText = { en, ja } as const satisfies Record<Locale, typeof en>;
