import type { Locale, RenderContext } from '../../locale';
import {
  type Field,
  type Link,
  NOTIFICATION_SCHEMA_VERSION,
  type Notification,
  type SubjectPart,
} from '../../notification';
import { formatInstant } from '../../time';
import { placed } from '../placed';
import { eventSourceType, sourceRefIdFirst } from '../source-ref';
import { genericDetails } from './details';
import { cloudTrailEventUrl, iamPrincipalUrl } from './links';
import { describePrincipal, type Principal } from './principal';
import { SIGN_IN_EVENT_SOURCE, serviceOf, signInFailed, succeeded } from './record';
import type { ApiCallRule, RuleDetails } from './rule';
import type { CloudTrailEvent, CloudTrailRecord } from './schemas';
import { fieldLabels, mfaLabels, phrases, principalKindLabels, targetKindLabels, viaLabels } from './strings';
import { describeVia } from './user-agent';

/** Kinds whose role name is worth showing next to the kind ("assumed role Operator"). */
const showsRole: ReadonlySet<Principal['kind']> = new Set(['assumed-role', 'identity-center', 'federated']);
const separators = { en: { list: ', ', open: ' (', close: ')' }, ja: { list: '、', open: '（', close: '）' } } as const;

/** "alice (IAM user, no MFA)", "ryan@example.com (assumed role Operator, MFA)". */
export function principalLabel(p: Principal, locale: Locale): string {
  const s = separators[locale];
  const kind = p.kind === 'unknown' && p.rawType ? p.rawType : principalKindLabels[locale][p.kind];
  const role = p.role && showsRole.has(p.kind) ? `${kind} ${p.role}` : kind;
  const mfa = mfaLabels[locale][p.mfa];
  // The parts that are not empty, joined (no array to filter and join: this runs for every call).
  const parts = role && mfa ? `${role}${s.list}${mfa}` : role || mfa || '';
  return `${p.name}${s.open}${parts}${s.close}`;
}

/** "Success", "AccessDenied: User … is not authorized …", "Failure: Failed authentication". */
function resultText(record: CloudTrailRecord, locale: Locale): string {
  if (succeeded(record)) return phrases[locale].success;
  const code = record.errorCode ?? (signInFailed(record) ? phrases[locale].failure : undefined);
  return [code, record.errorMessage].filter(Boolean).join(': ') || phrases[locale].failure;
}

/** "TEST-trail" for "arn:aws:cloudtrail:us-west-2:123456789012:trail/TEST-trail": titles stay short; fields keep the ARN. */
function shortName(name: string): string {
  return name.startsWith('arn:') ? (name.split(/[:/]/).at(-1) ?? name) : name;
}

/**
 * The title in parts by role, so the subject can shorten the least important part first: "StopLogging
 * on trail TEST-trail by Alice failed: AccessDenied" / "Alice が 証跡 TEST-trail に StopLogging を実行
 * （失敗: AccessDenied）". The principal's kind and MFA are in the Who field; only sign-ins keep them in
 * the title, where MFA is the news (and the short form of the actor drops them).
 */
function titleParts(record: CloudTrailRecord, details: RuleDetails, p: Principal, locale: Locale): SubjectPart[] {
  const signIn = record.eventSource === SIGN_IN_EVENT_SOURCE;
  const who = signIn ? principalLabel(p, locale) : p.name;
  const t = details.target;
  const kind = t ? targetKindLabels[locale][t.kind] : '';
  const target = t ? shortName(t.name) : undefined;
  const failed = !succeeded(record);
  // A failed sign-in step may record no code or message: "failed" alone says it.
  const reason = record.errorCode ?? record.errorMessage;
  // Pushed one by one (no spread of conditional arrays): this runs for every matched call.
  const parts: SubjectPart[] = [];
  if (locale === 'ja') {
    parts.push(
      signIn
        ? { role: 'actor', value: who, tail: ' が ', short: `${p.name} が ` }
        : { role: 'actor', value: who, tail: ' が ' },
    );
    if (target) parts.push({ role: 'target', lead: `${kind} `, value: target, tail: ' に ' });
    parts.push({ role: 'action', value: record.eventName, tail: ' を実行' });
    if (failed)
      parts.push(
        reason
          ? { role: 'outcome', lead: '（失敗: ', value: reason, tail: '）', short: '（失敗）' }
          : { role: 'outcome', value: '（失敗）' },
      );
    return parts;
  }
  parts.push({ role: 'action', value: record.eventName });
  if (target) parts.push({ role: 'target', lead: ` on ${kind} `, value: target });
  parts.push(
    signIn
      ? { role: 'actor', lead: ' by ', value: who, short: ` by ${p.name}` }
      : { role: 'actor', lead: ' by ', value: who },
  );
  if (failed)
    parts.push(
      reason
        ? { role: 'outcome', lead: ' failed: ', value: reason, short: ' failed' }
        : { role: 'outcome', lead: ' ', value: 'failed' },
    );
  return parts;
}

function joinParts(parts: readonly SubjectPart[]): string {
  let text = '';
  for (const part of parts) text += `${part.lead ?? ''}${part.value}${part.tail ?? ''}`;
  return text;
}

/** "name: value" lines of the parameters shown. */
function paramLines(params: RuleDetails['params']): string {
  let text = '';
  for (const [k, v] of params) text += text === '' ? `${k}: ${v}` : `\n${k}: ${v}`;
  return text;
}

/** "111122223333 (caller: 444455556666)" when the caller came from another account; else undefined. */
function crossAccountText(event: CloudTrailEvent, p: Principal, locale: Locale): string | undefined {
  const account = event.record.recipientAccountId ?? event.envelope.account ?? p.accountId;
  if (!account || !p.accountId || p.accountId === account) return undefined;
  return `${account} (${phrases[locale].caller}: ${p.accountId})`;
}

/** Links of a call: the event in CloudTrail's event history, and the principal in IAM. */
export function apiCallLinks(event: CloudTrailEvent, p: Principal, region: string | undefined, locale: Locale): Link[] {
  const { eventID } = event.record;
  const out: Link[] = [];
  if (eventID && region)
    out.push({ label: phrases[locale].cloudTrailLink, url: cloudTrailEventUrl({ eventId: eventID, region }) });
  if (p.iam) {
    const label = phrases[locale].iamLink(targetKindLabels[locale][p.iam.kind], p.iam.name);
    out.push({
      label,
      url: iamPrincipalUrl({ kind: p.iam.kind, name: p.iam.name, arn: p.arn, region }),
    });
  }
  return out;
}

/**
 * The notification for an event a rule matched: who (principal, role and session, MFA), via (console,
 * CLI, SDK, Terraform…), what, the parameters that matter, the result, where and when, with links to
 * the event in CloudTrail and the principal in IAM.
 */
export function buildApiCallNotification(
  event: CloudTrailEvent,
  rule: ApiCallRule,
  others: readonly ApiCallRule[],
  ctx: RenderContext,
): Notification {
  const { record, envelope } = event;
  const { locale } = ctx;
  const label = fieldLabels[locale];
  const none = phrases[locale].none;
  const principal = describePrincipal(record);
  const who = principalLabel(principal, locale);
  const via = describeVia(record);
  const viaText = `${viaLabels[locale][via.kind]}${via.userAgent ? ` (${via.userAgent})` : ''}`;
  const details = rule.details?.(record) ?? genericDetails(record);
  const what = `${serviceOf(record.eventSource)}:${record.eventName}`;
  const result = resultText(record, locale);
  const region = record.awsRegion ?? envelope.region;
  const occurredAt = record.eventTime ?? envelope.time ?? ctx.now.toISOString();
  const ruleTitle = `${rule.title[locale]}${details.highlight ? ` (${details.highlight})` : ''}`;
  const crossAccount = crossAccountText(event, principal, locale);
  const subjectParts = titleParts(record, details, principal, locale);
  const fields: Field[] = [
    { label: label.who, value: principal.arn ? `${who}\n${principal.arn}` : who },
    { label: label.via, value: viaText },
    { label: label.what, value: what },
  ];
  if (details.params.length > 0) fields.push({ label: label.target, value: paramLines(details.params) });
  fields.push({ label: label.result, value: result }, { label: label.sourceIp, value: record.sourceIPAddress ?? none });
  // Account and region are the notification's own (every renderer shows them); the account row
  // stays only when the caller came from another account, which is worth saying.
  if (crossAccount) fields.push({ label: label.account, value: crossAccount });
  fields.push(
    { label: label.when, value: formatInstant(occurredAt, ctx.timeZone, locale) },
    { label: label.rule, value: `${rule.id}${rule.reference ? ` (${rule.reference})` : ''}` },
  );
  const account = record.recipientAccountId ?? envelope.account ?? principal.accountId;
  const id = envelope.id ?? record.eventID;
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'api-call',
      severity: rule.severity,
      locale,
      title: joinParts(subjectParts),
      subjectParts,
      summary: phrases[locale].summary(ruleTitle, who, what, viaText, result),
      fields,
      links: apiCallLinks(event, principal, region, locale),
      notes: others.length > 0 ? [phrases[locale].alsoMatches(others.map((r) => r.id).join(', '))] : [],
    },
    account,
    region,
    {
      occurredAt,
      dedupeKey: `api-call:${record.eventID ?? `${record.eventSource}:${record.eventName}:${occurredAt}`}`,
      labels: { rule: rule.id },
      source: sourceRefIdFirst(id, eventSourceType(envelope.source, envelope['detail-type'])),
    },
  );
}
