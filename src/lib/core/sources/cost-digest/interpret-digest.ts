import { BUDGETS_DASHBOARD_URL, COST_EXPLORER_CONSOLE_URL, FREE_TIER_CONSOLE_URL } from '../../cost/cost-meta';
import type { RenderContext } from '../../locale';
import {
  type Field,
  type Link,
  NOTIFICATION_SCHEMA_VERSION,
  type Notification,
  type Severity,
} from '../../notification';
import { budgetOver, digestFormat } from './digest-format';
import type { Digest } from './digest-model';

/** `source.type` of every digest notification. */
export const COST_DIGEST_SOURCE_TYPE = 'schedule/cost-digest';

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
 * already formatted for the locale (money per currency via Intl), worded for its period.
 * @example interpretDigest(computeDigest(data, { date: '2024-05-14' }), ctx)
 */
export function interpretDigest(d: Digest, ctx: RenderContext): Notification {
  const { t, row, words, label, money, percent, delta, budgetLine, freeLine, noteText } = digestFormat(d, ctx.locale);
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
      ? [`${' '.repeat(d.sparklineWindows.length)} ${money(d.other.amount).padStart(width)}  ${t.other(d.other.count)}`]
      : []),
  ];
  const sparkRange = d.sparklineWindows.length > 0 ? `${d.sparklineWindows[0]?.start} – ${d.day}` : d.day;
  const metric =
    d.excludedRecordTypes.length > 0 ? `${d.metric} (${t.excluded(d.excludedRecordTypes.join(', '))})` : d.metric;
  const fields: Array<Field | undefined> = [
    d.total !== undefined
      ? { label: t.total(label), value: `${money(d.total)}${d.totalSparkline ? `  ${d.totalSparkline}` : ''}` }
      : undefined,
    d.total !== undefined && d.previousTotal !== undefined
      ? { label: t.vsPrevious(words.previous), value: delta(d.total, d.previousTotal, d.changeVsPreviousPercent) }
      : undefined,
    d.total !== undefined && d.averageTotal !== undefined
      ? {
          label: t.vsAverage(words.average(row.averageOver)),
          value: `${delta(d.total, d.averageTotal, d.changeVsAveragePercent)}; ${t.average(money(d.averageTotal))}`,
        }
      : undefined,
    serviceLines.length > 0 ? { label: t.topServices(sparkRange), value: serviceLines.join('\n') } : undefined,
    d.monthToDate !== undefined && row.showMonthToDate
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
      ? d.total === undefined
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
    title: t.title(label, words.previous, d.total === undefined ? undefined : money(d.total), change),
    summary: summary.join(ctx.locale === 'ja' ? '' : ' '),
    fields: fields.filter((f): f is Field => f !== undefined),
    links,
    notes: [t.lag(label), ...d.notes.map(noteText)],
    ...(d.account ? { account: d.account } : {}),
    occurredAt: ctx.now.toISOString(),
    // The label tells periods apart: a daily key is a date, weekly a range, monthly a month.
    dedupeKey: `cost-digest:${d.account ?? ''}:${label}`,
    source: { type: COST_DIGEST_SOURCE_TYPE },
  };
}
