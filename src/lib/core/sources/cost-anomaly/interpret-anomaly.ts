import { alertStrings } from '../../cost/alert-strings';
import { ANOMALY_CONSOLE_URL, type CostMessageMeta } from '../../cost/cost-meta';
import { DEFAULT_CURRENCY, formatDecimalMoney, formatPercent } from '../../cost/money';
import type { RenderContext } from '../../locale';
import { type Field, NOTIFICATION_SCHEMA_VERSION, type Notification } from '../../notification';
import { formatNumber } from '../../numbers';
import { formatInstant } from '../../time';
import { placed } from '../placed';
import { sourceRefIdFirst } from '../source-ref';
import { type CostAnomalyMessage, type CostAnomalyRootCause, parseCostAnomaly } from './anomaly-message';

/** `source.type` of every cost-anomaly notification. */
export const COST_ANOMALY_SOURCE_TYPE = 'sns/cost-anomaly-detection';

/** Root causes listed one by one; the rest are counted (Slack and email stay readable). */
const MAX_ROOT_CAUSES_SHOWN = 5;

/** Options of {@link interpretCostAnomaly}. */
export interface CostAnomalyOptions extends CostMessageMeta {
  /** Currency of the impact figures. Cost Anomaly Detection does not name it; default USD. */
  readonly currency?: string;
}

const money = (n: number | undefined, currency: string, ctx: RenderContext) =>
  n === undefined ? undefined : formatDecimalMoney(n.toFixed(2), currency, ctx.locale);

/** "2021-05-25" for a midnight-UTC instant, else the instant in the reader's zone. */
function day(iso: string | undefined, ctx: RenderContext): string | undefined {
  if (!iso) return undefined;
  return /T00:00:00(\.0+)?Z$/.test(iso) ? iso.slice(0, 10) : formatInstant(iso, ctx.timeZone, ctx.locale);
}

function rootCauseLine(cause: CostAnomalyRootCause, ctx: RenderContext, currency: string): string {
  const a = alertStrings[ctx.locale].anomaly;
  const account = cause.linkedAccount
    ? `${cause.linkedAccount}${cause.linkedAccountName ? ` (${cause.linkedAccountName})` : ''}`
    : undefined;
  const parts: Array<[string, string | undefined]> = [
    [a.service, cause.service],
    [a.account, account],
    [a.region, cause.region],
    [a.usageType, cause.usageType],
    [a.contribution, money(cause.impact?.contribution, currency, ctx)],
  ];
  return parts
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}

/**
 * Turns a Cost Anomaly Detection alert (SNS message JSON or EventBridge "Anomaly Detected" event)
 * into a `cost-anomaly` Notification: service, account, region and usage type of each root cause,
 * expected vs actual spend, impact in money and percent, and a link to the anomaly.
 *
 * Severity is `warning`: an anomaly is spend that differs from the usual pattern and deserves a
 * look the same day, but nothing is down and AWS has already bounded it by the monitor's threshold.
 *
 * @throws TypeError when `message` is not an anomaly (check with `isCostAnomaly` first).
 */
export function interpretCostAnomaly(
  message: unknown,
  ctx: RenderContext,
  options: CostAnomalyOptions = {},
): Notification {
  const m: CostAnomalyMessage | undefined = parseCostAnomaly(message);
  if (!m) throw new TypeError('not a Cost Anomaly Detection message (no anomalyId)');
  const a = alertStrings[ctx.locale].anomaly;
  const currency = options.currency ?? DEFAULT_CURRENCY;
  const causes = m.rootCauses ?? [];
  const service = causes[0]?.service ?? m.dimensionalValue ?? m.dimensionValue ?? a.unknownService;
  const impact = m.impact ?? {};
  const pct =
    impact.totalImpactPercentage === undefined ? undefined : formatPercent(impact.totalImpactPercentage, ctx.locale);
  const start = day(m.anomalyStartDate, ctx);
  const end = day(m.anomalyEndDate, ctx);
  const fields: Field[] = [
    m.monitorName || m.monitorArn ? { label: a.monitor, value: m.monitorName ?? m.monitorArn ?? '' } : undefined,
    start ? { label: a.period, value: start === end || !end ? start : `${start} – ${end}` } : undefined,
    impact.totalExpectedSpend !== undefined
      ? { label: a.expected, value: money(impact.totalExpectedSpend, currency, ctx)! }
      : undefined,
    impact.totalActualSpend !== undefined
      ? { label: a.actual, value: money(impact.totalActualSpend, currency, ctx)! }
      : undefined,
    impact.totalImpact !== undefined
      ? { label: a.impact, value: `${money(impact.totalImpact, currency, ctx)}${pct ? ` (+${pct})` : ''}` }
      : undefined,
    impact.maxImpact !== undefined ? { label: a.maxImpact, value: money(impact.maxImpact, currency, ctx)! } : undefined,
    m.anomalyScore?.currentScore !== undefined
      ? { label: a.score, value: formatNumber(m.anomalyScore.currentScore, ctx.locale, 2) }
      : undefined,
    ...causes
      .slice(0, MAX_ROOT_CAUSES_SHOWN)
      .map((c, i) => ({ label: a.rootCause(i + 1), value: rootCauseLine(c, ctx, currency) })),
  ].filter((f): f is Field => f !== undefined);
  const extraCauses = causes.length - MAX_ROOT_CAUSES_SHOWN;
  const account = m.accountId ?? options.account;
  const region = causes[0]?.region;
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'cost-anomaly',
      severity: 'warning',
      locale: ctx.locale,
      title: a.title(service, money(impact.totalImpact, currency, ctx) ?? '?', pct),
      summary:
        impact.totalActualSpend !== undefined && impact.totalExpectedSpend !== undefined
          ? a.summary({
              actual: money(impact.totalActualSpend, currency, ctx)!,
              expected: money(impact.totalExpectedSpend, currency, ctx)!,
              start: start ?? '?',
              end: end ?? start ?? '?',
            })
          : '',
      fields,
      links: [
        m.anomalyDetailsLink?.startsWith('https://')
          ? { label: a.link, url: m.anomalyDetailsLink }
          : { label: a.consoleLink, url: ANOMALY_CONSOLE_URL },
      ],
      notes: extraCauses > 0 ? [a.moreRootCauses(extraCauses)] : [],
    },
    account,
    region,
    {
      occurredAt: options.occurredAt ?? ctx.now.toISOString(),
      dedupeKey: `cost-anomaly:${account ?? ''}:${m.anomalyId}:${m.anomalyEndDate ?? ''}`,
      source: sourceRefIdFirst(options.id, COST_ANOMALY_SOURCE_TYPE),
    },
  );
}
