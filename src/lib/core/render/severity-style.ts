import type { Category, Severity } from '../notification';

/** How each severity looks in every channel: emoji for Slack, label per locale for subjects. */
export const severityStyle = {
  critical: { emoji: '🔴', label: { en: 'CRITICAL', ja: '重大' } },
  warning: { emoji: '🟠', label: { en: 'WARNING', ja: '警告' } },
  info: { emoji: 'ℹ️', label: { en: 'INFO', ja: '情報' } },
  ok: { emoji: '✅', label: { en: 'RESOLVED', ja: '復旧' } },
} as const satisfies Record<Severity, { emoji: string; label: { en: string; ja: string } }>;

/** Human name of each category per locale; also the subject of last resort when a title is empty. */
export const categoryLabel = {
  alarm: { en: 'CloudWatch alarm', ja: 'CloudWatch アラーム' },
  'api-call': { en: 'AWS API call', ja: 'AWS API 呼び出し' },
  budget: { en: 'AWS Budgets', ja: 'AWS Budgets' },
  'cost-anomaly': { en: 'Cost anomaly', ja: 'コスト異常' },
  'cost-digest': { en: 'Cost digest', ja: 'コストダイジェスト' },
  event: { en: 'AWS event', ja: 'AWS イベント' },
  finding: { en: 'Security finding', ja: 'セキュリティの検出結果' },
} as const satisfies Record<Category, { en: string; ja: string }>;
