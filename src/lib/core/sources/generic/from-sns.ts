import type { SnsEnvelope } from '../../envelopes/types';
import { toIsoInstant } from '../../instant';
import { isRegionCode, parseArn } from '../../links/partition';
import type { RenderContext } from '../../locale';
import { type Field, NOTIFICATION_SCHEMA_VERSION, type Notification } from '../../notification';
import { sourceRef } from '../source-ref';
import { clip, contentHash, leafFields, leavesHash, leavesOf } from './flatten';
import { genericText } from './strings';

/** Characters of a title taken from a subject or a first line. */
const MAX_TITLE_LENGTH = 150;

/** The fields every SNS message has, whatever its body: its attributes and its topic. */
function snsFields(envelope: SnsEnvelope | undefined, ctx: RenderContext): Field[] {
  const t = genericText[ctx.locale];
  const fields: Field[] = [];
  const attributes = Object.entries(envelope?.attributes ?? {}).map(([name, value]) => `${name}=${value}`);
  if (attributes.length) fields.push({ label: t.labels.attributes, value: clip(attributes.join('\n')) });
  if (envelope?.topicArn) fields.push({ label: t.labels.topic, value: envelope.topicArn });
  return fields;
}

/**
 * The notification of an SNS message: what every one has (occurred at, dedupe key, source, the
 * topic's account and region) around the body's title, summary and fields. Written as one literal
 * and the optional keys added after it, in the order they have always had (no spreads: V8's slow path).
 */
function snsNotification(
  envelope: SnsEnvelope | undefined,
  ctx: RenderContext,
  body: { kind: 'text' | 'json'; hash: string; title: string; summary: string; fields: Field[] },
): Notification {
  const arn = envelope?.topicArn ? parseArn(envelope.topicArn) : undefined;
  const account = arn && /^\d+$/.test(arn.account) ? arn.account : undefined;
  const region = isRegionCode(arn?.region) ? arn?.region : undefined;
  const n: Notification = {
    schemaVersion: NOTIFICATION_SCHEMA_VERSION,
    category: 'event',
    severity: 'info',
    locale: ctx.locale,
    links: [],
    notes: [],
    occurredAt: toIsoInstant(envelope?.timestamp) ?? ctx.now.toISOString(),
    // Message ids are unique in practice, but samples reuse them: the content keeps keys apart.
    dedupeKey: `sns:${envelope?.messageId ?? ''}:${body.hash}`,
    source: sourceRef(`sns/${body.kind}`, envelope?.messageId),
    title: body.title,
    summary: body.summary,
    fields: body.fields,
  };
  if (account) n.account = account;
  if (region) n.region = region;
  return n;
}

/** The first line with something on it, trimmed; read line by line (a message can be long). */
function firstLineOf(text: string): string | undefined {
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (line !== '') return line;
    start = end + 1;
  }
  return undefined;
}

/**
 * A notification for a plain-text SNS message (AWS Backup, a script's `aws sns publish`, …):
 * the subject — or the first line — as title, the whole text as summary.
 */
export function snsTextNotification(
  message: string,
  envelope: SnsEnvelope | undefined,
  ctx: RenderContext,
): Notification {
  const t = genericText[ctx.locale];
  return snsNotification(envelope, ctx, {
    kind: 'text',
    hash: contentHash(message),
    title: clip(envelope?.subject ?? firstLineOf(message) ?? t.snsTitle, MAX_TITLE_LENGTH),
    summary: message.trim(),
    fields: snsFields(envelope, ctx),
  });
}

/** A notification for a JSON SNS message of a shape we do not know: a bounded list of its fields. */
export function snsJsonNotification(
  message: Record<string, unknown>,
  envelope: SnsEnvelope | undefined,
  ctx: RenderContext,
): Notification {
  const t = genericText[ctx.locale];
  const leaves = leavesOf(message);
  return snsNotification(envelope, ctx, {
    kind: 'json',
    hash: leavesHash(leaves),
    title: clip(envelope?.subject ?? t.snsTitle, MAX_TITLE_LENGTH),
    summary: t.jsonSummary(leaves.length),
    fields: [...leafFields(leaves, t.more), ...snsFields(envelope, ctx)],
  });
}
