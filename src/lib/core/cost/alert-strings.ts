/** Fixed words of budget and cost-anomaly notifications, per locale. */

const en = {
  period: { daily: 'Daily', monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly' },
  periodPhrase: {
    daily: 'for the day',
    monthly: 'for the current month',
    quarterly: 'for the current quarter',
    yearly: 'for the current year',
  },
  alertType: { ACTUAL: 'Actual', FORECASTED: 'Forecasted' },
  amountLabel: { ACTUAL: 'Actual amount', FORECASTED: 'Forecasted amount' },
  budget: 'Budget',
  budgetType: 'Budget type',
  periodLabel: 'Period',
  alertTypeLabel: 'Alert type',
  budgeted: 'Budgeted amount',
  threshold: 'Alert threshold',
  amount: 'Amount',
  notificationDate: 'Notification date',
  /** A budget type as AWS names it ("Cost", "Usage", "RI Utilization"…): English readers get AWS's word. */
  budgetTypeName: (type: string) => type,
  originalMessage: 'Original message',
  ofBudget: (pct: string) => `${pct} of budget`,
  budgetTitle: (type: 'ACTUAL' | 'FORECASTED' | undefined, name: string, amount?: string, pct?: string) =>
    `Budget "${name}": ${type === 'FORECASTED' ? 'forecast' : 'actual'}${amount ? ` ${amount}` : ''}${pct ? ` (${pct} of budget)` : ''}`,
  budgetSummary: (p: { type?: string; name: string; period?: string; amount?: string; threshold?: string }) =>
    `The ${p.type === 'FORECASTED' ? 'forecasted' : 'actual'} cost of budget "${p.name}"${p.period ? ` ${p.period}` : ''}` +
    `${p.amount ? ` is ${p.amount}` : ' crossed its alert threshold'}${p.threshold ? `, over the alert threshold of ${p.threshold}` : ''}.`,
  unparsedTitle: (subject?: string) => subject || 'AWS Budgets notification',
  unparsedSummary: 'AWS Budgets sent a notification this version could not read; the original text follows.',
  unparsedNote: 'The budget message could not be parsed; it is shown as AWS sent it.',
  twoAmountsNote: (sentence: string, table: string) =>
    `AWS gave two amounts: ${sentence} in the sentence and ${table} in the table; the first is shown.`,
  budgetLink: 'Budget in the Billing console',
  dashboardLink: 'AWS Budgets dashboard',
  anomaly: {
    title: (service: string, impact: string, pct?: string) =>
      `Cost anomaly: ${service} ${impact} over expected${pct ? ` (+${pct})` : ''}`,
    summary: (p: { actual: string; expected: string; start: string; end: string }) =>
      `Spend was ${p.actual} against an expected ${p.expected} ${p.start === p.end ? `on ${p.start}` : `between ${p.start} and ${p.end}`}.`,
    monitor: 'Monitor',
    period: 'Anomaly period',
    expected: 'Expected spend',
    actual: 'Actual spend',
    impact: 'Impact',
    maxImpact: 'Largest daily impact',
    score: 'Anomaly score',
    rootCause: (n: number) => `Root cause ${n}`,
    contribution: 'contribution',
    service: 'service',
    account: 'account',
    region: 'region',
    usageType: 'usage type',
    unknownService: 'an AWS service',
    link: 'Anomaly in Cost Anomaly Detection',
    consoleLink: 'Cost Anomaly Detection console',
    moreRootCauses: (n: number) => `${n} more root causes are listed in the console.`,
  },
} as const;

type Strings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof en)[K] extends object
      ? {
          [L in keyof (typeof en)[K]]: (typeof en)[K][L] extends (...args: infer B) => string
            ? (...args: B) => string
            : string;
        }
      : string;
};

/**
 * Budget types in Japanese, by AWS's name lower-cased ("Cost", "COST", "RI_UTILIZATION"…).
 * @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html
 */
const budgetTypesJa: Readonly<Record<string, string>> = {
  cost: 'コスト',
  usage: '使用量',
  'ri utilization': 'RI 使用率',
  'ri coverage': 'RI カバレッジ',
  'savings plans utilization': 'Savings Plans 使用率',
  'savings plans coverage': 'Savings Plans カバレッジ',
};

const ja: Strings = {
  period: { daily: '日次', monthly: '月次', quarterly: '四半期', yearly: '年次' },
  periodPhrase: { daily: '（当日）', monthly: '（今月）', quarterly: '（今四半期）', yearly: '（今年）' },
  alertType: { ACTUAL: '実績', FORECASTED: '予測' },
  amountLabel: { ACTUAL: '実績額', FORECASTED: '予測額' },
  budget: '予算',
  budgetType: '予算の種類',
  periodLabel: '期間',
  alertTypeLabel: 'アラートの種類',
  budgeted: '予算額',
  threshold: 'アラートのしきい値',
  amount: '金額',
  notificationDate: '通知日',
  budgetTypeName: (type) =>
    budgetTypesJa[
      type
        .trim()
        .toLowerCase()
        .replace(/[_\s]+/g, ' ')
    ] ?? type,
  originalMessage: '元のメッセージ',
  ofBudget: (pct) => `予算の${pct}`,
  budgetTitle: (type, name, amount, pct) =>
    `予算「${name}」: ${type === 'FORECASTED' ? '予測' : '実績'}${amount ? ` ${amount}` : ''}${pct ? `（予算の${pct}）` : ''}`,
  budgetSummary: (p) =>
    `予算「${p.name}」の${p.type === 'FORECASTED' ? '予測' : '実績'}コスト${p.period ?? ''}` +
    `${p.amount ? `は ${p.amount} です` : 'がアラートのしきい値を超えました'}${p.threshold ? `（しきい値 ${p.threshold} を超過）` : ''}。`,
  unparsedTitle: (subject) => subject || 'AWS Budgets の通知',
  unparsedSummary: 'AWS Budgets から、このバージョンでは読み取れない通知が届きました。元の本文を以下に示します。',
  unparsedNote: '予算メッセージを解析できませんでした。AWS から届いたままの本文を表示しています。',
  twoAmountsNote: (sentence, table) =>
    `AWS の本文には 2 つの金額があります（文中 ${sentence}、表 ${table}）。文中の金額を表示しています。`,
  budgetLink: '請求コンソールの予算',
  dashboardLink: 'AWS Budgets ダッシュボード',
  anomaly: {
    title: (service, impact, pct) => `コスト異常: ${service} が想定より ${impact} 増${pct ? `（+${pct}）` : ''}`,
    summary: (p) =>
      `${p.start === p.end ? p.start : `${p.start} から ${p.end}`} の支出は ${p.actual}（想定 ${p.expected}）でした。`,
    monitor: 'モニター',
    period: '異常の期間',
    expected: '想定支出',
    actual: '実際の支出',
    impact: '影響額',
    maxImpact: '1 日の最大影響額',
    score: '異常スコア',
    rootCause: (n) => `根本原因 ${n}`,
    contribution: '寄与',
    service: 'サービス',
    account: 'アカウント',
    region: 'リージョン',
    usageType: '使用タイプ',
    unknownService: 'AWS サービス',
    link: 'Cost Anomaly Detection の異常',
    consoleLink: 'Cost Anomaly Detection コンソール',
    moreRootCauses: (n) => `ほかに ${n} 件の根本原因がコンソールにあります。`,
  },
};

/** Strings of budget and anomaly notifications by locale. */
export const alertStrings = { en, ja } as const;
