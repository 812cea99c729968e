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

/** Fields, account and region every SNS message has, whatever its body. */
function snsFacts(envelope: SnsEnvelope | undefined, ctx: RenderContext) {
  const t = genericText[ctx.locale];
  const arn = envelope?.topicArn ? parseArn(envelope.topicArn) : undefined;
  const account = arn && /^\d+$/.test(arn.account) ? arn.account : undefined;
  const region = isRegionCode(arn?.region) ? arn?.region : undefined;
  const attributes = Object.entries(envelope?.attributes ?? {}).map(([name, value]) => `${name}=${value}`);
  const fields: Field[] = [
    ...(attributes.length ? [{ label: t.labels.attributes, value: clip(attributes.join('\n')) }] : []),
    ...(envelope?.topicArn ? [{ label: t.labels.topic, value: envelope.topicArn }] : []),
  ];
  return { fields, ...(account ? { account } : {}), ...(region ? { region } : {}) };
}

function base(
  envelope: SnsEnvelope | undefined,
  ctx: RenderContext,
  kind: 'text' | 'json',
  hash: string,
): Omit<Notification, 'title' | 'summary' | 'fields'> {
  return {
    schemaVersion: NOTIFICATION_SCHEMA_VERSION,
    category: 'event',
    severity: 'info',
    locale: ctx.locale,
    links: [],
    notes: [],
    occurredAt: toIsoInstant(envelope?.timestamp) ?? ctx.now.toISOString(),
    // Message ids are unique in practice, but samples reuse them: the content keeps keys apart.
    dedupeKey: `sns:${envelope?.messageId ?? ''}:${hash}`,
    source: sourceRef(`sns/${kind}`, envelope?.messageId),
  };
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
  const firstLine = message
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  const { fields, ...place } = snsFacts(envelope, ctx);
  return {
    ...base(envelope, ctx, 'text', contentHash(message)),
    title: clip(envelope?.subject ?? firstLine ?? t.snsTitle, MAX_TITLE_LENGTH),
    summary: message.trim(),
    fields,
    ...place,
  };
}

/** A notification for a JSON SNS message of a shape we do not know: a bounded list of its fields. */
export function snsJsonNotification(
  message: Record<string, unknown>,
  envelope: SnsEnvelope | undefined,
  ctx: RenderContext,
): Notification {
  const t = genericText[ctx.locale];
  const leaves = leavesOf(message);
  const { fields, ...place } = snsFacts(envelope, ctx);
  return {
    ...base(envelope, ctx, 'json', leavesHash(leaves)),
    title: clip(envelope?.subject ?? t.snsTitle, MAX_TITLE_LENGTH),
    summary: t.jsonSummary(leaves.length),
    fields: [...leafFields(leaves, t.more), ...fields],
    ...place,
  };
}
