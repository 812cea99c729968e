import { toIsoInstant } from '../../instant';
import { isRegionCode } from '../../links/partition';
import type { RenderContext } from '../../locale';
import { lookup } from '../../lookup';
import { type Field, NOTIFICATION_SCHEMA_VERSION, type Notification, type Severity } from '../../notification';
import type { EventBridgeEvent } from '../../schemas/eventbridge';
import { isRecord } from '../../schemas/parse';
import { placed } from '../placed';
import { eventSourceType, sourceRef } from '../source-ref';
import { clip, type Leaf, leafFields, leavesHash, leavesOf } from './flatten';
import { genericText } from './strings';
import { readableTime } from './times';
import { inReadingOrder, severityOfLeaves, stateOf } from './what-happened';

/** Characters of a title built from event fields. */
const MAX_TITLE_LENGTH = 150;

type Detail = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

type Hint = { title: (d: Detail) => string | undefined; summaryPath?: string };

/** RDS events name the database (or snapshot, group) and say what happened in `Message`. */
const rdsHint: Hint = { title: (d) => text(d.SourceIdentifier), summaryPath: 'Message' };

/** Per detail-type: what names the event in the title, and which field says it in words. */
const detailTypeHints: Record<string, Hint> = {
  'AWS Health Event': {
    title: (d) => [text(d.service), text(d.eventTypeCode)].filter(Boolean).join(' ') || undefined,
    summaryPath: 'eventDescription[0].latestDescription',
  },
  'AWS API Call via CloudTrail': {
    title: (d) =>
      [text(d.eventName), text(d.eventSource) && `(${d.eventSource})`].filter(Boolean).join(' ') || undefined,
  },
  // The image scanned, as `repository:tag`; the severity counts follow the scan status.
  'ECR Image Scan': {
    title: (d) => {
      const tags = Array.isArray(d['image-tags']) ? d['image-tags'] : [];
      const tag = text(tags[0]);
      return text(d['repository-name']) && (tag ? `${d['repository-name']}:${tag}` : text(d['repository-name']));
    },
  },
  // The canary that ran; the detail-type says how it went, the status and reason come first.
  'Synthetics Canary TestRun Failure': { title: (d) => text(d['canary-name']) },
  'Synthetics Canary TestRun Successful': { title: (d) => text(d['canary-name']) },
  // The certificate's name; the days left are the first field.
  'ACM Certificate Approaching Expiration': { title: (d) => text(d.CommonName) },
  'ACM Certificate Expired': { title: (d) => text(d.CommonName) },
  'RDS DB Instance Event': rdsHint,
  'RDS DB Cluster Event': rdsHint,
  'RDS DB Snapshot Event': rdsHint,
  'RDS DB Cluster Snapshot Event': rdsHint,
  'RDS DB Parameter Group Event': rdsHint,
  'RDS DB Security Group Event': rdsHint,
  'AWS Console Sign In via CloudTrail': {
    title: (d) =>
      [text(d.eventName), text(isRecord(d.userIdentity) ? d.userIdentity.type : undefined)].filter(Boolean).join(' ') ||
      undefined,
  },
};

/**
 * Severity by detail-type, for events whose detail has no state word; anything else is information.
 * A certificate about to expire (ACM sends one a day from 45 days before) or expired needs a person.
 * @see https://docs.aws.amazon.com/acm/latest/userguide/supported-events.html
 */
const detailTypeSeverities: Record<string, Severity> = {
  'AWS Health Event': 'warning',
  'ACM Certificate Approaching Expiration': 'warning',
  'ACM Certificate Expired': 'warning',
};

/** A line break written out as two characters. */
const ESCAPED_NEWLINE = '\\n';
/** AWS Health descriptions arrive with `\n` written out as two characters. */
const unescapeNewlines = (value: string): string =>
  // split/join on a fixed string: linear like replaceEach, without a callback for every match.
  value.includes(ESCAPED_NEWLINE) ? value.split(ESCAPED_NEWLINE).join('\n') : value;

/**
 * A notification for any well-formed EventBridge event we have no interpreter for: its
 * detail-type and state (or the names in it) as the title, its description when it has one, the
 * fields that say what happened first and then a bounded number of the rest, and a severity from
 * well-known state words (FAILED, TIMED_OUT, THREATS_FOUND… warn; CRITICAL pages). Never silent;
 * linear in the size of the event, which is bounded before it gets here.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 */
export function genericEventNotification(event: EventBridgeEvent, ctx: RenderContext): Notification {
  const t = genericText[ctx.locale];
  const detailType = event['detail-type'];
  const detail = isRecord(event.detail) ? event.detail : {};
  const hints = lookup(detailTypeHints, detailType);
  const named = hints?.title(detail);
  const leaves = leavesOf(event.detail);
  const described = hints?.summaryPath ? leaves.find((l) => l.path === hints.summaryPath) : undefined;
  const resources = (event.resources ?? []).filter((r): r is string => typeof r === 'string');
  const region = isRegionCode(event.region) ? event.region : undefined;
  const fields: Leaf[] = inReadingOrder(leaves.filter((l) => l !== described));
  const state = named ? undefined : stateOf(leaves);
  const known = lookup(detailTypeSeverities, detailType);
  const shown: Field[] = leafFields(fields, t.more, (leaf) => readableTime(leaf, ctx.timeZone, ctx.locale));
  if (resources.length) shown.push({ label: t.labels.resources, value: clip(resources.join('\n')) });
  // Account and region are the notification's own (every renderer shows them); a region that is
  // not a region code is kept as a field so it is not lost.
  if (event.region && !region) shown.push({ label: t.labels.region, value: event.region });
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'event',
      severity: known ?? severityOfLeaves(leaves),
      locale: ctx.locale,
      // "Glue Job State Change: FAILED": the detail-type and the state say what happened.
      title: clip(named || state ? `${detailType}: ${named ?? state}` : detailType, MAX_TITLE_LENGTH),
      summary: described ? unescapeNewlines(described.value) : t.eventSummary(detailType, event.source),
      fields: shown,
      links: [],
      notes: [],
    },
    event.account,
    region,
    {
      occurredAt: toIsoInstant(event.time) ?? ctx.now.toISOString(),
      dedupeKey: `event:${event.source}:${event.id ?? leavesHash(leaves)}`,
      source: sourceRef(eventSourceType(event.source, detailType), event.id),
    },
  );
}
