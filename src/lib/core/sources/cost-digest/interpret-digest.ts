import { BUDGETS_DASHBOARD_URL, COST_EXPLORER_CONSOLE_URL, FREE_TIER_CONSOLE_URL } from '../../cost/cost-meta';
import { formatMoney, formatPercent } from '../../cost/money';
import type { RenderContext } from '../../locale';
import {
  type Field,
  type Link,
  NOTIFICATION_SCHEMA_VERSION,
  type Notification,
  type Severity,
} from '../../notification';
import { formatNumber } from '../../numbers';
import type { BudgetStatus, Digest, DigestNote, FreeTierItem, Quantity } from './digest-model';
import { digestStrings, sourcePermissions } from './digest-strings';

/** `source.type` of every digest notification. */
export const COST_DIGEST_SOURCE_TYPE = 'schedule/cost-digest';

type Strings = (typeof digestStrings)[keyof typeof digestStrings];

const signed = (text: string, n: number) => (n > 0 ? `+${text}` : n < 0 ? `-${text}` : `±${text}`);

function noteText(note: DigestNote, t: Strings): string {
  switch (note.code) {
    case 'missing':
    case 'unreadable':
    case 'truncated':
      return t[note.code](note.source);
    case 'failed':
      return t.failed[note.errorKind](note.source, sourcePermissions[note.source], note.detail);
    case 'noDataForDay':
      return t.noDataForDay(note.day);
    case 'partialAverage':
      return t.partialAverage(note.days);
  }
}

/** True when something in the digest needs action: a budget over (or forecast over) its limit. */
const budgetOver = (b: BudgetStatus) => (b.actualPercent ?? 0) > 100 || (b.forecastPercent ?? 0) > 100;

/**
 * Severity of a digest: `warning` when a budget is over or forecast over its limit, or a free-tier
 * offer is forecast past its free limit (money will be spent unless someone acts); otherwise
 * `info` — a digest is a report, and failed sources are shown as notes, not as alarms.
 */
export function digestSeverity(d: Digest): Severity {
  return d.budgets.some(budgetOver) || d.freeTier.length > 0 ? 'warning' : 'info';
}

/**
 * Turns a computed digest into a `cost-digest` Notification; its `fields` carry the figures,
 * already formatted for the locale (money per currency via Intl).
 * @example interpretDigest(computeDigest(data, { date: '2024-05-14' }), ctx)
 */
export function interpretDigest(d: Digest, ctx: RenderContext): Notification {
  const t = digestStrings[ctx.locale];
  const money = (minor: number) => formatMoney(minor, d.currency, ctx.locale);
  const percent = (p: number) => signed(formatPercent(Math.abs(p), ctx.locale), p);
  const delta = (now: number, base: number, p?: number) =>
    `${signed(money(Math.abs(now - base)), now - base)}${p !== undefined ? ` (${percent(p)})` : ''}`;
  const quantity = (q: Quantity | undefined) =>
    q === undefined
      ? undefined
      : q.minor !== undefined
        ? formatMoney(q.minor, q.unit, ctx.locale)
        : `${formatNumber(q.value, ctx.locale, 2)} ${q.unit}`.trim();
  const pctText = (p: number | undefined) => (p === undefined ? undefined : formatPercent(p, ctx.locale));
  const budgetLine = (b: BudgetStatus) =>
    `${budgetOver(b) ? '⚠ ' : ''}${t.budgetLine({
      name: b.name,
      ...(quantity(b.actual) ? { actual: quantity(b.actual)! } : {}),
      ...(quantity(b.limit) ? { limit: quantity(b.limit)! } : {}),
      ...(pctText(b.actualPercent) ? { actualPct: pctText(b.actualPercent)! } : {}),
      ...(quantity(b.forecast) ? { forecast: quantity(b.forecast)! } : {}),
      ...(pctText(b.forecastPercent) ? { forecastPct: pctText(b.forecastPercent)! } : {}),
    })}`;
  const freeLine = (f: FreeTierItem) => {
    const unit = f.unit ? ` ${f.unit}` : '';
    const what = [f.service, f.usageType, f.region ? `(${f.region})` : undefined].filter(Boolean).join(' ');
    return t.freeTierLine({
      what,
      forecast: `${formatNumber(f.forecast, ctx.locale, 2)}${unit}`,
      limit: `${formatNumber(f.limit, ctx.locale, 2)}${unit}`,
      pct: formatPercent(f.forecastPercent, ctx.locale),
      actual: `${formatNumber(f.actual, ctx.locale, 2)}${unit}`,
    });
  };
  const width = Math.max(
    0,
    ...d.services.map((s) => money(s.amount).length),
    d.other ? money(d.other.amount).length : 0,
  );
  const serviceLines = [
    ...d.services.map((s) => {
      const change = s.previous !== undefined && s.previous !== s.amount ? ` (${delta(s.amount, s.previous)})` : '';
      return `${s.sparkline} ${money(s.amount).padStart(width)}  ${s.name}${change}`;
    }),
    ...(d.other
      ? [`${' '.repeat(d.sparklineDays.length)} ${money(d.other.amount).padStart(width)}  ${t.other(d.other.count)}`]
      : []),
  ];
  const sparkRange = d.sparklineDays.length > 0 ? `${d.sparklineDays[0]} – ${d.sparklineDays.at(-1)}` : d.day;
  const metric =
    d.excludedRecordTypes.length > 0 ? `${d.metric} (${t.excluded(d.excludedRecordTypes.join(', '))})` : d.metric;
  const fields: Array<Field | undefined> = [
    d.dayTotal !== undefined
      ? { label: t.dayTotal(d.day), value: `${money(d.dayTotal)}${d.totalSparkline ? `  ${d.totalSparkline}` : ''}` }
      : undefined,
    d.dayTotal !== undefined && d.previousDayTotal !== undefined
      ? { label: t.vsPrevious, value: delta(d.dayTotal, d.previousDayTotal, d.changeVsPreviousPercent) }
      : undefined,
    d.dayTotal !== undefined && d.averageTotal !== undefined
      ? {
          label: t.vsAverage,
          value: `${delta(d.dayTotal, d.averageTotal, d.changeVsAveragePercent)}; ${t.average(money(d.averageTotal))}`,
        }
      : undefined,
    serviceLines.length > 0 ? { label: t.topServices(sparkRange), value: serviceLines.join('\n') } : undefined,
    d.monthToDate !== undefined
      ? { label: (d.monthComplete ? t.monthTotal : t.monthToDate)(d.monthStart, d.day), value: money(d.monthToDate) }
      : undefined,
    d.monthEndForecast !== undefined && !d.monthComplete
      ? { label: t.monthEnd, value: money(d.monthEndForecast) }
      : undefined,
    d.budgets.length > 0
      ? {
          label: t.budgets,
          value: [...d.budgets.map(budgetLine), ...(d.hiddenBudgets ? [t.moreBudgets(d.hiddenBudgets)] : [])].join(
            '\n',
          ),
        }
      : undefined,
    d.freeTier.length > 0
      ? {
          label: t.freeTier,
          value: [...d.freeTier.map(freeLine), ...(d.hiddenFreeTier ? [t.moreBudgets(d.hiddenFreeTier)] : [])].join(
            '\n',
          ),
        }
      : undefined,
    { label: t.metric, value: metric },
  ];
  const overBudgets = d.budgets.filter(budgetOver).length;
  const summary = [
    d.monthToDate === undefined
      ? d.dayTotal === undefined
        ? t.summaryNone
        : ''
      : d.monthComplete
        ? t.summaryMonthComplete(money(d.monthToDate))
        : t.summaryMonth(
            money(d.monthToDate),
            d.monthEndForecast === undefined ? undefined : money(d.monthEndForecast),
          ),
    overBudgets > 0 ? t.summaryBudgets(overBudgets) : '',
    d.freeTier.length > 0 ? t.summaryFreeTier(d.freeTier.length + d.hiddenFreeTier) : '',
  ].filter(Boolean);
  const links: Link[] = [
    { label: t.costExplorerLink, url: COST_EXPLORER_CONSOLE_URL },
    ...(d.budgets.length > 0 ? [{ label: t.budgetsLink, url: BUDGETS_DASHBOARD_URL }] : []),
    ...(d.freeTier.length > 0 ? [{ label: t.freeTierLink, url: FREE_TIER_CONSOLE_URL }] : []),
  ];
  const change = d.changeVsPreviousPercent === undefined ? undefined : percent(d.changeVsPreviousPercent);
  return {
    schemaVersion: NOTIFICATION_SCHEMA_VERSION,
    category: 'cost-digest',
    severity: digestSeverity(d),
    locale: ctx.locale,
    title: t.title(d.day, d.dayTotal === undefined ? undefined : money(d.dayTotal), change),
    summary: summary.join(ctx.locale === 'ja' ? '' : ' '),
    fields: fields.filter((f): f is Field => f !== undefined),
    links,
    notes: [t.lag(d.day), ...d.notes.map((n) => noteText(n, t))],
    ...(d.account ? { account: d.account } : {}),
    occurredAt: ctx.now.toISOString(),
    dedupeKey: `cost-digest:${d.account ?? ''}:${d.day}`,
    source: { type: COST_DIGEST_SOURCE_TYPE },
  };
}
