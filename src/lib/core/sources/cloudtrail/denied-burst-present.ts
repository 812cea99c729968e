import type { Locale, RenderContext } from '../../locale';
import { type Field, NOTIFICATION_SCHEMA_VERSION, type Notification, type SubjectPart } from '../../notification';
import { formatDuration, formatInstant } from '../../time';
import type { Ignored } from '../source';
import { eventSourceType } from '../source-ref';
import type { DeniedBurstAlert, DeniedBurstDecision, DeniedBurstSettings, DeniedCall } from './denied-burst';
import { apiCallLinks, principalLabel } from './present';
import { describePrincipal } from './principal';
import { serviceOf } from './record';
import type { ApiCallRule } from './rule';
import type { CloudTrailEvent } from './schemas';
import { fieldLabels } from './strings';

/** Kinds of call listed in a burst alert, most frequent first; the rest are counted on one line. */
export const MAX_LISTED_CALL_KINDS = 15;

/** The named rules a refused call is logged under when it is not told alone. */
export const DENIED_BURST_RULES = {
  held: 'access-denied-below-burst-threshold',
  muted: 'access-denied-burst-already-told',
} as const;

const MINUTE_MS = 60_000;

const text = {
  en: {
    action: (n: number) => `${n} access-denied calls`,
    by: ' by ',
    summary: (who: string, n: number, span: string, s: DeniedBurstSettings) =>
      `${who} was refused ${n} calls within ${span} (alert at ${s.threshold} in ${s.windowMinutes} min).`,
    calls: 'Refused calls',
    first: 'First',
    last: 'Last',
    more: (n: number) => `… and ${n} more kinds of call`,
    mutedBefore: (n: number) => `${n} more calls were refused after the previous alert of this principal.`,
    times: (n: number) => `×${n}`,
  },
  ja: {
    action: (n: number) => `権限エラー ${n} 件`,
    by: ' の',
    summary: (who: string, n: number, span: string, s: DeniedBurstSettings) =>
      `${who} の呼び出しが ${span}の間に ${n} 件拒否されました（${s.windowMinutes} 分間に ${s.threshold} 件で通知）。`,
    calls: '拒否された呼び出し',
    first: '最初',
    last: '最後',
    more: (n: number) => `… ほか ${n} 種類`,
    mutedBefore: (n: number) => `この実行者の前回の通知のあと、さらに ${n} 件が拒否されています。`,
    times: (n: number) => `×${n}`,
  },
} as const satisfies Record<Locale, Record<string, unknown>>;

/**
 * "s3:GetObject · AccessDenied ×4", one line per kind of call, most frequent first; a call's region
 * only when it is not the notification's.
 */
function callLines(calls: readonly DeniedCall[], region: string | undefined, locale: Locale): string {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const where = c.region === region ? undefined : c.region;
    const line = [`${serviceOf(c.eventSource)}:${c.eventName}`, c.errorCode, where].filter(Boolean).join(' · ');
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const kinds = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = kinds.slice(0, MAX_LISTED_CALL_KINDS).map(([line, n]) => `${line} ${text[locale].times(n)}`);
  const rest = kinds.length - MAX_LISTED_CALL_KINDS;
  return [...shown, ...(rest > 0 ? [text[locale].more(rest)] : [])].join('\n');
}

/** The title in parts: the count first (what happened), then who; "7 access-denied calls by alice". */
function titleParts(n: number, name: string, locale: Locale): SubjectPart[] {
  const t = text[locale];
  return locale === 'ja'
    ? [
        { role: 'actor', value: name, tail: t.by },
        { role: 'action', value: t.action(n) },
      ]
    : [
        { role: 'action', value: t.action(n) },
        { role: 'actor', lead: t.by, value: name },
      ];
}

/**
 * One notification for a burst of refused calls by one principal: who, how many within how long,
 * each kind of call with its count, the first and last time, and links to the last call in CloudTrail
 * and to the principal in IAM.
 * @example buildDeniedBurstNotification(event, rule, alert, settings, ctx).title // "7 access-denied calls by alice"
 */
export function buildDeniedBurstNotification(
  event: CloudTrailEvent,
  rule: ApiCallRule,
  alert: DeniedBurstAlert,
  settings: DeniedBurstSettings,
  ctx: RenderContext,
): Notification {
  const { record, envelope } = event;
  const { locale, timeZone } = ctx;
  const t = text[locale];
  const label = fieldLabels[locale];
  const principal = describePrincipal(record);
  const who = principalLabel(principal, locale);
  const first = alert.calls[0]?.at ?? alert.at;
  const last = alert.calls.at(-1)?.at ?? alert.at;
  const n = alert.calls.length;
  const parts = titleParts(n, principal.name, locale);
  const region = record.awsRegion ?? envelope.region;
  const fields: Field[] = [
    { label: label.who, value: principal.arn ? `${who}\n${principal.arn}` : who },
    { label: t.calls, value: callLines(alert.calls, region, locale) },
    { label: label.sourceIp, value: record.sourceIPAddress ?? '—' },
    { label: t.first, value: formatInstant(new Date(first), timeZone, locale) },
    { label: t.last, value: formatInstant(new Date(last), timeZone, locale) },
    { label: label.rule, value: `${rule.id}${rule.reference ? ` (${rule.reference})` : ''}` },
  ];
  const account = record.recipientAccountId ?? envelope.account ?? principal.accountId;
  return {
    schemaVersion: NOTIFICATION_SCHEMA_VERSION,
    category: 'api-call',
    severity: rule.severity,
    locale,
    title: parts.map((p) => `${p.lead ?? ''}${p.value}${p.tail ?? ''}`).join(''),
    subjectParts: parts,
    summary: t.summary(who, n, formatDuration(last - first, locale), settings),
    fields,
    links: apiCallLinks(event, principal, region, locale),
    notes: alert.mutedBefore > 0 ? [t.mutedBefore(alert.mutedBefore)] : [],
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
    occurredAt: new Date(alert.at).toISOString(),
    dedupeKey: `denied-burst:${account ?? ''}:${principal.arn ?? principal.name}:${alert.eventId}`,
    labels: { rule: rule.id },
    source: {
      ...(envelope.id ? { id: envelope.id } : {}),
      type: eventSourceType(envelope.source, envelope['detail-type']),
    },
  };
}

/** The log line of a refused call that is not told alone (English: logs are for operators). */
export function deniedBurstIgnore(
  decision: Exclude<DeniedBurstDecision, { kind: 'alert' }>,
  principal: string,
): Ignored {
  const { threshold, windowMinutes } = decision.settings;
  if (decision.kind === 'held') {
    return {
      kind: 'ignored',
      rule: DENIED_BURST_RULES.held,
      reason: `${decision.count} of ${threshold} access-denied calls by ${principal} within ${windowMinutes} min; an alert follows at ${threshold}`,
    };
  }
  const until = new Date(decision.alertedAt + windowMinutes * MINUTE_MS).toISOString();
  return {
    kind: 'ignored',
    rule: DENIED_BURST_RULES.muted,
    reason: `access-denied call by ${principal} within ${windowMinutes} min of its burst alert (${new Date(decision.alertedAt).toISOString()}); muted until ${until}, then told in the next burst alert`,
  };
}
