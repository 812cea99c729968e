import { findingInstant } from '../../findings/time';
import { healthEventUrl } from '../../links/console';
import { isRegionCode, partitionOfArn } from '../../links/partition';
import type { RenderContext } from '../../locale';
import { lookup } from '../../lookup';
import { type Field, NOTIFICATION_SCHEMA_VERSION, type Notification, type Severity } from '../../notification';
import type { EventBridgeEvent } from '../../schemas/eventbridge';
import { formatInstant } from '../../time';
import { placed } from '../placed';
import { eventSourceType, sourceRef } from '../source-ref';
import type { HealthDetail } from './schema';
import { criticalHealthServices, healthSeverities } from './severity';
import { healthText } from './strings';

export const ABUSE_DETAIL_TYPE = 'AWS Health Abuse Event';
/** Affected resources listed; the rest are counted. */
const MAX_ENTITIES = 10;
/** Characters of the description kept as summary. */
const MAX_SUMMARY_LENGTH = 2_000;
/** Health events of global services are delivered with region "global"; their console is us-east-1's. */
const GLOBAL_CONSOLE_REGION = 'us-east-1';

/** Our severity for a Health event: closed is resolved; abuse and exposed credentials are critical. */
export function healthSeverity(detailType: string, d: HealthDetail): Severity {
  const status = (d.statusCode ?? 'open') as 'open' | 'upcoming' | 'closed';
  const byCategory = lookup(healthSeverities, d.eventTypeCategory);
  if (status === 'closed') return 'ok';
  if (detailType === ABUSE_DETAIL_TYPE) return 'critical';
  return lookup(criticalHealthServices, d.service) ?? lookup(byCategory ?? {}, status) ?? 'info';
}

/** A line break written out as two characters. */
const ESCAPED_NEWLINE = '\\n';
/** AWS Health descriptions arrive with `\n` written out as two characters. */
const unescapeNewlines = (value: string): string =>
  // split/join on a fixed string: linear like replaceEach, without a callback for every match.
  value.includes(ESCAPED_NEWLINE) ? value.split(ESCAPED_NEWLINE).join('\n') : value;

/**
 * The notification of an AWS Health event, in account or organization view (the event then names
 * the affected account, which may differ from the account that received it).
 */
export function healthNotification(event: EventBridgeEvent, d: HealthDetail, ctx: RenderContext): Notification {
  const t = healthText[ctx.locale];
  const detailType = event['detail-type'];
  const code = d.eventTypeCode ?? d.eventArn;
  const service = d.service ?? '';
  const when = (text: string | undefined) => {
    const iso = findingInstant(text);
    return iso ? formatInstant(iso, ctx.timeZone, ctx.locale) : text;
  };
  const region = [d.eventRegion, event.region].find(isRegionCode);
  const account = d.affectedAccount ?? event.account;
  const words = (table: Record<string, string>, code: string | undefined) => lookup(table, code) ?? code;
  const entities = (d.affectedEntities ?? []).flatMap((e) =>
    e.entityValue ? [e.status ? `${e.entityValue} (${words(t.entityStatuses, e.status)})` : e.entityValue] : [],
  );
  const shown = entities.slice(0, MAX_ENTITIES);
  const described = d.eventDescription?.find((e) => e.latestDescription)?.latestDescription;
  const facts: ReadonlyArray<readonly [keyof typeof t.labels, string | undefined]> = [
    ['service', d.service],
    ['eventType', d.eventTypeCode],
    ['category', words(t.categories, d.eventTypeCategory)],
    ['status', words(t.statuses, d.statusCode)],
    [
      'entities',
      shown.length
        ? [...shown, ...(entities.length > MAX_ENTITIES ? [t.more(entities.length - MAX_ENTITIES)] : [])].join('\n')
        : undefined,
    ],
    ['start', when(d.startTime)],
    ['end', when(d.endTime)],
    ['updated', when(d.lastUpdatedTime)],
    ['scope', words(t.scopes, d.eventScopeCode)],
    // A region that is not a region code ("global") is kept here so it is not lost.
    ['eventRegion', d.eventRegion && !isRegionCode(d.eventRegion) ? d.eventRegion : undefined],
    ['receivedIn', event.account && account && event.account !== account ? event.account : undefined],
    ['event', d.eventArn],
  ];
  // Pushed, not flat-mapped through a one-item array per fact.
  const fields: Field[] = [];
  for (const [label, value] of facts) if (value) fields.push({ label: t.labels[label], value });
  const consoleRegion = region ?? GLOBAL_CONSOLE_REGION;
  const occurredAt = findingInstant(d.lastUpdatedTime) ?? findingInstant(d.startTime) ?? findingInstant(event.time);
  return placed(
    {
      schemaVersion: NOTIFICATION_SCHEMA_VERSION,
      category: 'event',
      severity: healthSeverity(detailType, d),
      locale: ctx.locale,
      title: detailType === ABUSE_DETAIL_TYPE ? t.abuseTitle(code) : t.title(service, code),
      summary: described
        ? unescapeNewlines(described).slice(0, MAX_SUMMARY_LENGTH)
        : t.summary(service, words(t.categories, d.eventTypeCategory) ?? detailType),
      fields,
      links: [
        {
          label: t.link,
          url: healthEventUrl({ arn: d.eventArn, region: consoleRegion, partition: partitionOfArn(d.eventArn) }),
        },
      ],
      notes: [],
    },
    account,
    region,
    {
      occurredAt: occurredAt ?? ctx.now.toISOString(),
      // One event is sent again when its status or description changes, and once per affected account.
      dedupeKey: `health:${d.eventArn}:${account ?? ''}:${d.statusCode ?? ''}:${d.lastUpdatedTime ?? ''}`,
      source: sourceRef(eventSourceType(event.source, detailType), event.id),
    },
  );
}
