import type { Locale } from '../../locale';

/** Field labels of an API-call notification, in their fixed order. */
export const fieldLabels = {
  en: {
    who: 'Who',
    via: 'Via',
    what: 'What',
    target: 'Target',
    result: 'Result',
    sourceIp: 'Source IP',
    account: 'Account',
    region: 'Region',
    when: 'When',
    rule: 'Rule',
  },
  ja: {
    who: '実行者',
    via: '経路',
    what: '操作',
    target: '対象',
    result: '結果',
    sourceIp: '送信元 IP',
    account: 'アカウント',
    region: 'リージョン',
    when: '日時',
    rule: 'ルール',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** How a principal is named, by kind. */
export const principalKindLabels = {
  en: {
    root: 'root user',
    'iam-user': 'IAM user',
    'assumed-role': 'assumed role',
    'identity-center': 'IAM Identity Center user',
    federated: 'federated user',
    'aws-service': 'AWS service',
    'aws-account': 'AWS account',
    unknown: 'unknown principal',
  },
  ja: {
    root: 'ルートユーザー',
    'iam-user': 'IAM ユーザー',
    'assumed-role': '引き受けたロール',
    'identity-center': 'IAM Identity Center ユーザー',
    federated: 'フェデレーティッドユーザー',
    'aws-service': 'AWS サービス',
    'aws-account': 'AWS アカウント',
    unknown: '不明なプリンシパル',
  },
} as const satisfies Record<Locale, Record<string, string>>;
export type PrincipalKind = keyof (typeof principalKindLabels)['en'];

/** Whether MFA was used; `unknown` is not shown. */
export const mfaLabels = {
  en: { yes: 'MFA', no: 'no MFA', unknown: '' },
  ja: { yes: 'MFA あり', no: 'MFA なし', unknown: '' },
} as const satisfies Record<Locale, Record<string, string>>;
export type MfaUse = keyof (typeof mfaLabels)['en'];

/** How the call was made, from the user agent. */
export const viaLabels = {
  en: {
    console: 'AWS Management Console',
    cli: 'AWS CLI',
    terraform: 'Terraform',
    cloudformation: 'CloudFormation',
    sdk: 'AWS SDK',
    'aws-service': 'AWS service',
    'aws-internal': 'AWS internal',
    other: 'other client',
    unknown: 'unknown',
  },
  ja: {
    console: 'AWS マネジメントコンソール',
    cli: 'AWS CLI',
    terraform: 'Terraform',
    cloudformation: 'CloudFormation',
    sdk: 'AWS SDK',
    'aws-service': 'AWS サービス',
    'aws-internal': 'AWS 内部',
    other: 'その他のクライアント',
    unknown: '不明',
  },
} as const satisfies Record<Locale, Record<string, string>>;
export type ViaKind = keyof (typeof viaLabels)['en'];

/** Resource nouns used in titles ("StopLogging on trail management-events"). */
export const targetKindLabels = {
  en: {
    trail: 'trail',
    bucket: 'bucket',
    key: 'key',
    user: 'user',
    role: 'role',
    group: 'group',
    policy: 'policy',
    'security-group': 'security group',
    'network-acl': 'network ACL',
    'route-table': 'route table',
    vpc: 'VPC',
    'vpc-peering': 'VPC peering',
    gateway: 'gateway',
    recorder: 'configuration recorder',
    'delivery-channel': 'delivery channel',
    account: 'account',
    'organizational-unit': 'OU',
    handshake: 'handshake',
    resource: 'resource',
    snapshot: 'snapshot',
    image: 'AMI',
    'db-snapshot': 'DB snapshot',
    'db-cluster-snapshot': 'DB cluster snapshot',
    'flow-log': 'flow log',
    detector: 'detector',
    analyzer: 'analyzer',
    standard: 'standard',
  },
  ja: {
    trail: '証跡',
    bucket: 'バケット',
    key: 'キー',
    user: 'ユーザー',
    role: 'ロール',
    group: 'グループ',
    policy: 'ポリシー',
    'security-group': 'セキュリティグループ',
    'network-acl': 'ネットワーク ACL',
    'route-table': 'ルートテーブル',
    vpc: 'VPC',
    'vpc-peering': 'VPC ピアリング',
    gateway: 'ゲートウェイ',
    recorder: '設定レコーダー',
    'delivery-channel': '配信チャネル',
    account: 'アカウント',
    'organizational-unit': 'OU',
    handshake: 'ハンドシェイク',
    resource: 'リソース',
    snapshot: 'スナップショット',
    image: 'AMI',
    'db-snapshot': 'DB スナップショット',
    'db-cluster-snapshot': 'DB クラスタースナップショット',
    'flow-log': 'フローログ',
    detector: 'ディテクター',
    analyzer: 'アナライザー',
    standard: 'セキュリティ標準',
  },
} as const satisfies Record<Locale, Record<string, string>>;
export type TargetKind = keyof (typeof targetKindLabels)['en'];

/** Sentences and small words. */
export const phrases = {
  en: {
    success: 'Success',
    failure: 'Failure',
    failed: 'failed',
    on: 'on',
    by: 'by',
    caller: 'caller account',
    alsoMatches: (ids: string) => `Also matches: ${ids}`,
    summary: (rule: string, who: string, call: string, via: string, result: string) =>
      `${rule}. ${who} called ${call} via ${via}: ${result}.`,
    cloudTrailLink: 'CloudTrail event',
    iamLink: (kind: string, name: string) => `IAM ${kind} ${name}`,
    none: '—',
  },
  ja: {
    success: '成功',
    failure: '失敗',
    failed: '失敗',
    on: '',
    by: '',
    caller: '呼び出し元アカウント',
    alsoMatches: (ids: string) => `他に該当するルール: ${ids}`,
    summary: (rule: string, who: string, call: string, via: string, result: string) =>
      `${rule}。${who} が ${via} から ${call} を呼び出しました: ${result}。`,
    cloudTrailLink: 'CloudTrail イベント',
    iamLink: (kind: string, name: string) => `IAM ${kind} ${name}`,
    none: '—',
  },
} as const satisfies Record<Locale, Record<string, unknown>>;
