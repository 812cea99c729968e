import type { DigestSource } from './digest-input';
import type { ErrorKind } from './digest-model';

/** The IAM permission each source needs, named in "access denied" notes. */
export const sourcePermissions: Readonly<Record<DigestSource, string>> = {
  GetCostAndUsage: 'ce:GetCostAndUsage',
  GetCostForecast: 'ce:GetCostForecast',
  DescribeBudgets: 'budgets:ViewBudget',
  GetFreeTierUsage: 'freetier:GetFreeTierUsage',
};

/*
 * `period` is the reported period's label (periods.ts: "2024-05-13", "2024-05-07 – 2024-05-13",
 * "2024-05"); `previous`, `average` and `unit` are the period's words (periods.ts `words`).
 */
const en = {
  title: (period: string, previous: string, total?: string, change?: string) =>
    total
      ? `AWS costs for ${period}: ${total}${change ? ` (${change} vs ${previous})` : ''}`
      : `AWS cost digest for ${period}`,
  summaryMonth: (mtd: string, forecast?: string) =>
    `Month to date ${mtd}${forecast ? `; forecast for the month ${forecast}` : ''}.`,
  summaryMonthComplete: (total: string) => `The month closed at ${total}.`,
  summaryBudgets: (n: number) =>
    n === 1 ? '1 budget is over or forecast over its limit.' : `${n} budgets are over or forecast over their limit.`,
  summaryFreeTier: (n: number) =>
    n === 1
      ? '1 free-tier offer is forecast to exceed its free limit this month.'
      : `${n} free-tier offers are forecast to exceed their free limit this month.`,
  summaryNone: 'No cost data could be read; see the notes.',
  total: (period: string) => `Total for ${period}`,
  vsPrevious: (previous: string) => `Change vs ${previous}`,
  vsAverage: (average: string) => `Change vs ${average}`,
  average: (amount: string) => `average ${amount}`,
  topServices: (days: string) => `Top services (${days})`,
  other: (n: number) => `Other (${n} ${n === 1 ? 'service' : 'services'})`,
  monthToDate: (from: string, to: string) => `Month to date (${from} – ${to})`,
  monthTotal: (from: string, to: string) => `Month total (${from} – ${to})`,
  monthEnd: 'Month-end forecast',
  budgets: 'Budgets',
  budgetLine: (p: {
    name: string;
    actual?: string;
    limit?: string;
    actualPct?: string;
    forecast?: string;
    forecastPct?: string;
  }) =>
    `${p.name}: ${p.actual ?? '?'} of ${p.limit ?? '?'}${p.actualPct ? ` (${p.actualPct})` : ''}` +
    `${p.forecast ? `, forecast ${p.forecast}${p.forecastPct ? ` (${p.forecastPct})` : ''}` : ''}`,
  overLimit: 'over limit',
  moreBudgets: (n: number) => `… and ${n} more`,
  freeTier: 'Free tier: forecast over the free limit this month',
  freeTierLine: (p: { what: string; forecast: string; limit: string; pct: string; actual: string }) =>
    `${p.what}: forecast ${p.forecast} of ${p.limit} free (${p.pct}); used so far ${p.actual}`,
  metric: 'Metric',
  excluded: (types: string) => `${types} excluded`,
  lag: (period: string) =>
    `Figures for ${period} may still change: Cost Explorer refreshes its data at least once a day.`,
  missing: (s: DigestSource) => `${s} was not provided; that part of the digest is left out.`,
  unreadable: (s: DigestSource) => `${s} returned an unexpected shape; that part of the digest is left out.`,
  truncated: (s: DigestSource) => `${s} had more pages than the digest reads; some services may be missing.`,
  failed: {
    accessDenied: (s: DigestSource, permission: string, detail: string) =>
      `${s}: access denied; the role needs ${permission} (${detail}).`,
    dataUnavailable: (s: DigestSource) =>
      `${s}: no data yet (a new account, or Cost Explorer enabled in the last 24 hours).`,
    notEnabled: (s: DigestSource, _p: string, detail: string) =>
      `${s}: not enabled for this account; enable Cost Explorer in the Billing console (${detail}).`,
    throttled: (s: DigestSource) => `${s}: throttled by AWS; the next digest will try again.`,
    other: (s: DigestSource, _p: string, detail: string) => `${s} failed: ${detail}`,
  } satisfies Record<ErrorKind, (s: DigestSource, permission: string, detail: string) => string>,
  noDataForPeriod: (period: string) => `Cost Explorer has no data for ${period} yet.`,
  partialPeriod: (period: string, days: number, of: number) =>
    `Cost Explorer has data for only ${days} of the ${of} days of ${period}; the total covers those.`,
  partialAverage: (n: number, unit: string) => `The average covers only ${n} earlier ${unit} (short history).`,
  costExplorerLink: 'Cost Explorer',
  budgetsLink: 'AWS Budgets',
  freeTierLink: 'Free Tier usage',
};

const ja: typeof en = {
  title: (period, previous, total, change) =>
    total
      ? `AWS コスト ${period}: ${total}${change ? `（${previous} ${change}）` : ''}`
      : `AWS コストダイジェスト ${period}`,
  summaryMonth: (mtd, forecast) => `今月の累計 ${mtd}${forecast ? `、月末の予測 ${forecast}` : ''}。`,
  summaryMonthComplete: (total) => `先月の合計は ${total} でした。`,
  summaryBudgets: (n) => `${n} 件の予算が上限を超過または超過する見込みです。`,
  summaryFreeTier: (n) => `${n} 件の無料利用枠が今月上限を超える見込みです。`,
  summaryNone: 'コストデータを読み取れませんでした。注記を参照してください。',
  total: (period) => `${period} の合計`,
  vsPrevious: (previous) => previous,
  vsAverage: (average) => `${average}との差`,
  average: (amount) => `平均 ${amount}`,
  topServices: (days) => `上位のサービス（${days}）`,
  other: (n) => `その他（${n} サービス）`,
  monthToDate: (from, to) => `今月の累計（${from} – ${to}）`,
  monthTotal: (from, to) => `月の合計（${from} – ${to}）`,
  monthEnd: '月末の予測',
  budgets: '予算',
  budgetLine: (p) =>
    `${p.name}: ${p.actual ?? '?'} / ${p.limit ?? '?'}${p.actualPct ? `（${p.actualPct}）` : ''}` +
    `${p.forecast ? `、予測 ${p.forecast}${p.forecastPct ? `（${p.forecastPct}）` : ''}` : ''}`,
  overLimit: '上限超過',
  moreBudgets: (n) => `…ほか ${n} 件`,
  freeTier: '無料利用枠: 今月上限を超える見込み',
  freeTierLine: (p) => `${p.what}: 予測 ${p.forecast} / 無料枠 ${p.limit}（${p.pct}）、現在 ${p.actual}`,
  metric: '指標',
  excluded: (types) => `${types} を除く`,
  lag: (period) => `${period} の数値は変わる可能性があります（Cost Explorer のデータ更新は少なくとも 1 日 1 回）。`,
  missing: (s) => `${s} のデータがないため、その部分は省略しました。`,
  unreadable: (s) => `${s} の応答が想定と異なる形式のため、その部分は省略しました。`,
  truncated: (s) => `${s} のページが多すぎるため、一部のサービスが含まれていない可能性があります。`,
  failed: {
    accessDenied: (s, permission, detail) =>
      `${s}: アクセスが拒否されました。ロールに ${permission} が必要です（${detail}）。`,
    dataUnavailable: (s) =>
      `${s}: データがまだありません（新しいアカウント、または Cost Explorer を有効にしてから 24 時間以内）。`,
    notEnabled: (s, _p, detail) =>
      `${s}: このアカウントでは有効になっていません。請求コンソールで Cost Explorer を有効にしてください（${detail}）。`,
    throttled: (s) => `${s}: AWS によりスロットリングされました。次回のダイジェストで再試行します。`,
    other: (s, _p, detail) => `${s} が失敗しました: ${detail}`,
  },
  noDataForPeriod: (period) => `Cost Explorer には ${period} のデータがまだありません。`,
  partialPeriod: (period, days, of) =>
    `Cost Explorer にある ${period} のデータは ${of} 日中 ${days} 日分だけです。合計はその日数分です。`,
  partialAverage: (n, unit) => `平均は過去 ${n} ${unit}のみです（履歴が短いため）。`,
  costExplorerLink: 'Cost Explorer',
  budgetsLink: 'AWS Budgets',
  freeTierLink: '無料利用枠の使用状況',
};

/** Fixed words of the digest, per locale. */
export const digestStrings = { en, ja } as const;
