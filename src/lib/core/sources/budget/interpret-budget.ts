import { alertStrings } from '../../cost/alert-strings';
import { BUDGETS_DASHBOARD_URL, budgetConsoleUrl, type CostMessageMeta } from '../../cost/cost-meta';
import { formatDecimalMoney, formatPercent } from '../../cost/money';
import type { RenderContext } from '../../locale';
import {
  NOTIFICATION_SCHEMA_VERSION,
  type Notification,
  type Severity,
  UNPARSED_SOURCE_SUFFIX,
} from '../../notification';
import { formatNumber } from '../../numbers';
import { formatCalendarDate } from '../../time';
import { compactText } from '../compact-text';
import { placed } from '../placed';
import { sourceRefIdFirst } from '../source-ref';
import type { BudgetAlert, BudgetAmount } from './budget-alert';
import { parseBudgetText, parseNotificationDate } from './budget-text';

/** `source.type` of every budget notification. */
export const BUDGET_SOURCE_TYPE = 'sns/aws-budgets';

/** Shows an amount in the locale: money via Intl, percentages and units with the locale's digits. */
export function formatBudgetAmount(a: BudgetAmount, ctx: RenderContext): string {
  if (a.value === undefined) return a.text;
  if (a.percent) return `${formatNumber(Number(a.value), ctx.locale, 2)}%`;
  if (a.currency) return formatDecimalMoney(a.value, a.currency, ctx.locale);
  return a.unit ? `${formatNumber(Number(a.value), ctx.locale, 2)} ${a.unit}` : a.text;
}

/**
 * The notification date in the reader's words ("2022年9月26日" for "September 26, 2022"); a date AWS
 * wrote some other way is shown as written. It is a calendar date with no time, so no zone applies.
 */
function showDate(text: string, ctx: RenderContext): string {
  const date = parseNotificationDate(text);
  return date ? formatCalendarDate(date, ctx.locale) : text;
}

/** `amount` as a percentage of `budget`, when both are plain numbers of the same kind. */
function percentOf(amount: BudgetAmount | undefined, budget: BudgetAmount | undefined): number | undefined {
  if (!amount?.value || !budget?.value || amount.percent || budget.percent) return undefined;
  const b = Number(budget.value);
  return b > 0 ? (Number(amount.value) / b) * 100 : undefined;
}

/**
 * Severity of a budget alert:
 * - `critical` when the ACTUAL amount is over the budgeted amount: the money is already spent
 *   past the budget, so someone should look today;
 * - `warning` for any other ACTUAL alert (an alert threshold, usually below 100%, was crossed) and
 *   for every FORECASTED alert (nothing is overspent yet; there is time to act);
 * - `warning` when the text could not be read: we cannot tell, and it may be serious.
 */
export function budgetSeverity(alert: BudgetAlert | undefined): Severity {
  if (!alert) return 'warning';
  const pct = percentOf(alert.amount, alert.budgetedAmount);
  return alert.alertType === 'ACTUAL' && pct !== undefined && pct > 100 ? 'critical' : 'warning';
}

/** The notification for a text we could not parse: the whole original text, nothing lost. */
function unparsed(text: string, ctx: RenderContext, meta: CostMessageMeta): Notification {
  const t = alertStrings[ctx.locale];
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'budget',
      severity: 'warning',
      locale: ctx.locale,
      title: t.unparsedTitle(meta.subject),
      summary: t.unparsedSummary,
      fields: [{ label: t.originalMessage, value: text.trim() }],
      links: [{ label: t.dashboardLink, url: BUDGETS_DASHBOARD_URL }],
      notes: [t.unparsedNote],
    },
    meta.account,
    undefined,
    {
      occurredAt: meta.occurredAt ?? ctx.now.toISOString(),
      dedupeKey: `budget:unparsed:${meta.id ?? text.trim().slice(0, 80)}`,
      source: sourceRefIdFirst(meta.id, `${BUDGET_SOURCE_TYPE}${UNPARSED_SOURCE_SUFFIX}`),
    },
  );
}

/**
 * Turns an AWS Budgets notification (parsed, or its raw text) into a `budget` Notification: budget
 * name, period, budgeted amount, threshold, actual or forecast amount and its share of the budget,
 * with a link to the budget. Text that cannot be parsed still becomes a `budget` notification
 * carrying the original text and a note saying so.
 *
 * @example interpretBudget(snsRecord.Sns.Message, ctx, { id: snsRecord.Sns.MessageId })
 */
export function interpretBudget(
  input: BudgetAlert | string,
  ctx: RenderContext,
  meta: CostMessageMeta = {},
): Notification {
  const alert = typeof input === 'string' ? parseBudgetText(input) : input;
  if (!alert) return unparsed(typeof input === 'string' ? input : '', ctx, meta);
  const t = alertStrings[ctx.locale];
  const show = (a: BudgetAmount | undefined) => (a ? formatBudgetAmount(a, ctx) : undefined);
  const pctOf = (a: BudgetAmount | undefined) => {
    const p = percentOf(a, alert.budgetedAmount);
    return p === undefined ? undefined : formatPercent(p, ctx.locale);
  };
  const amountPct = pctOf(alert.amount);
  const thresholdText = alert.threshold ? `${alert.comparison ?? '>'} ${show(alert.threshold)}` : undefined;
  const thresholdPct = pctOf(alert.threshold);
  const type = alert.alertType;
  const fields = [
    { label: t.budget, value: alert.budgetName },
    alert.budgetType && { label: t.budgetType, value: t.budgetTypeName(alert.budgetType) },
    alert.period && { label: t.periodLabel, value: t.period[alert.period] },
    type && { label: t.alertTypeLabel, value: t.alertType[type] },
    alert.budgetedAmount && { label: t.budgeted, value: show(alert.budgetedAmount)! },
    thresholdText && {
      label: t.threshold,
      value: thresholdPct ? `${thresholdText} (${t.ofBudget(thresholdPct)})` : thresholdText,
    },
    alert.amount && {
      label: type ? t.amountLabel[type] : t.amount,
      value: amountPct ? `${show(alert.amount)} (${t.ofBudget(amountPct)})` : show(alert.amount)!,
    },
    ...alert.extra,
    alert.notificationDate && { label: t.notificationDate, value: showDate(alert.notificationDate, ctx) },
  ].filter((f): f is { label: string; value: string } => Boolean(f));
  const account = alert.account ?? meta.account;
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'budget',
      severity: budgetSeverity(alert),
      locale: ctx.locale,
      title: t.budgetTitle(type, alert.budgetName, show(alert.amount), amountPct),
      summary: t.budgetSummary({
        type: type || undefined,
        name: alert.budgetName,
        period: alert.period ? t.periodPhrase[alert.period] : undefined,
        amount: alert.amount ? show(alert.amount) : undefined,
        threshold: thresholdText ? show(alert.threshold) : undefined,
      }),
      fields,
      links: [
        { label: t.budgetLink, url: budgetConsoleUrl(alert.budgetName) },
        { label: t.dashboardLink, url: alert.dashboardUrl ?? BUDGETS_DASHBOARD_URL },
      ],
      notes: alert.tableAmount && alert.amount ? [t.twoAmountsNote(alert.amount.text, alert.tableAmount.text)] : [],
    },
    account,
    undefined,
    {
      occurredAt: meta.occurredAt ?? ctx.now.toISOString(),
      // Compacted: its parts are slices of the email's text, two bytes a character when the text
      // holds any wide character, which would double the bytes of the SNS message that quotes it.
      dedupeKey: compactText(
        [
          'budget',
          account ?? '',
          alert.budgetName,
          type ?? '',
          alert.threshold?.text ?? '',
          alert.notificationDate ?? '',
        ].join(':'),
      ),
      source: sourceRefIdFirst(meta.id, BUDGET_SOURCE_TYPE),
    },
  );
}
