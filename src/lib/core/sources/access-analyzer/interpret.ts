import { type FindingView, findingNotification } from '../../findings/finding-notification';
import { findingText } from '../../findings/strings';
import { findingInstant } from '../../findings/time';
import { accessAnalyzerFindingUrl } from '../../links/console';
import { isRegionCode, partitionOfArn } from '../../links/partition';
import type { RenderContext } from '../../locale';
import type { Notification } from '../../notification';
import { replaceEach } from '../../render/replace';
import type { EventBridgeEvent } from '../../schemas/eventbridge';
import { lenientText as text } from '../../schemas/lenient';
import * as z from '../../schemas/zod';
import { eventSourceType, sourceRef } from '../source-ref';
import { type AccessKind, accessAnalyzerSeverities } from './severity';

/**
 * The part of an IAM Access Analyzer finding (`detail` of "Access Analyzer Finding") we read.
 * Built on first use (z.lazy), not at import: most invocations of the functions that bundle it read none.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-eventbridge.html
 */
export const accessAnalyzerFindingSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    accountId: text,
    region: text,
    status: text,
    findingType: text,
    resource: text,
    resourceType: text,
    isPublic: z.catch(z.optional(z.boolean()), undefined),
    isDeleted: z.catch(z.optional(z.boolean()), undefined),
    error: text,
    principal: z.catch(z.optional(z.record(z.string(), z.unknown())), undefined),
    action: z.catch(z.optional(z.array(z.unknown())), undefined),
    createdAt: text,
    updatedAt: text,
  }),
);

export type AccessAnalyzerFinding = z.infer<typeof accessAnalyzerFindingSchema>;

/** What kind of access the finding reports, in order: resolved, could not analyze, public, unused, external. */
export function accessKindOf(f: AccessAnalyzerFinding): AccessKind {
  if (f.status === 'RESOLVED') return 'resolved';
  if (f.error) return 'error';
  if (f.isPublic === true) return 'public';
  if (f.findingType?.startsWith('Unused')) return 'unused';
  return 'external';
}

const titles = {
  en: {
    public: (what: string) => `Public access to ${what}`,
    external: (what: string) => `External access to ${what}`,
    unused: (what: string) => `Unused access on ${what}`,
    error: (what: string) => `Could not analyze ${what}`,
    resolved: (what: string) => `Access to ${what} was removed`,
  },
  ja: {
    public: (what: string) => `${what} が公開アクセス可能`,
    external: (what: string) => `${what} に外部からアクセス可能`,
    unused: (what: string) => `${what} に未使用のアクセス権`,
    error: (what: string) => `${what} を分析できません`,
    resolved: (what: string) => `${what} へのアクセスが解消`,
  },
} as const;

/**
 * One sentence per kind of access, since the product has no severity to report: what is reachable,
 * by whom, or why the analyzer could not tell.
 */
const summaries = {
  en: {
    public: (what: string) => `Anyone can access ${what}.`,
    external: (what: string, who: string) => `${what} is shared outside your zone of trust, with ${who}.`,
    unused: (what: string, type: string) => `IAM Access Analyzer found unused access (${type}) on ${what}.`,
    error: (what: string, error: string) => `IAM Access Analyzer could not analyze ${what} (${error}).`,
    resolved: (what: string) => `Access to ${what} is no longer granted; the finding is resolved.`,
  },
  ja: {
    public: (what: string) => `${what} には誰でもアクセスできます。`,
    external: (what: string, who: string) => `${what} は信頼ゾーン外のプリンシパル（${who}）と共有されています。`,
    unused: (what: string, type: string) =>
      `IAM Access Analyzer が ${what} に未使用のアクセス権（${type}）を検出しました。`,
    error: (what: string, error: string) => `IAM Access Analyzer は ${what} を分析できませんでした（${error}）。`,
    resolved: (what: string) => `${what} へのアクセス権はなくなり、検出結果は解決済みです。`,
  },
} as const;

/**
 * The resource's own name, the last part of its ARN ("fnord" of `arn:aws:iam::…:role/fnord`,
 * "my-bucket" of `arn:aws:s3:::my-bucket`): with the type it says what is exposed in a subject short
 * enough to keep both; the whole ARN stays in the description and the resources.
 */
const nameOf = (resource: string) => resource.split(/[/:]/).findLast((part) => part !== '') ?? resource;

/** "AWS: 999988887777", "AWS: *"; several principals one a line. */
const principalText = (p: AccessAnalyzerFinding['principal']) =>
  Object.entries(p ?? {})
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n') || undefined;

/** The notification of one IAM Access Analyzer finding. */
export function accessAnalyzerNotification(
  event: EventBridgeEvent,
  f: AccessAnalyzerFinding,
  ctx: RenderContext,
): Notification {
  const t = findingText[ctx.locale];
  const kind = accessKindOf(f);
  const what = [f.resourceType, f.resource].filter(Boolean).join(' ') || f.id;
  const named = [f.resourceType, f.resource && nameOf(f.resource)].filter(Boolean).join(' ') || f.id;
  const region = [f.region, event.region].find(isRegionCode);
  const analyzerArn = event.resources?.find((r): r is string => typeof r === 'string' && r.includes(':analyzer/'));
  const principal = principalText(f.principal);
  const view: FindingView = {
    product: 'access-analyzer',
    severity: accessAnalyzerSeverities[kind],
    title: titles[ctx.locale][kind](named),
    description: summaries[ctx.locale][kind](
      what,
      (kind === 'external'
        ? principal && replaceEach(principal, /\n/g, ', ')
        : kind === 'error'
          ? f.error
          : f.findingType) ?? '-',
    ),
    type: f.findingType || undefined,
    status: f.status || undefined,
    resources: f.resource ? [f.resource] : [],
    account: f.accountId || event.account ? (f.accountId ?? event.account) : undefined,
    region,
    firstSeen: findingInstant(f.createdAt),
    facts: [
      ['access', f.isPublic ? t.publicAccess : undefined],
      ['principal', principal],
      ['action', (f.action ?? []).filter((a) => typeof a === 'string').join('\n') || undefined],
      ['error', f.error],
    ],
    findingId: f.id,
    link:
      analyzerArn && region
        ? accessAnalyzerFindingUrl({ analyzerArn, id: f.id, region, partition: partitionOfArn(analyzerArn) })
        : undefined,
    occurredAt: findingInstant(f.updatedAt) ?? findingInstant(event.time),
    dedupeKey: `finding:access-analyzer:${f.id}:${f.updatedAt ?? ''}:${f.status ?? ''}`,
    source: sourceRef(eventSourceType(event.source, event['detail-type']), event.id),
  };
  return findingNotification(view, ctx);
}
