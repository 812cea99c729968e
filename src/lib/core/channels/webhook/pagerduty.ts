import { alarmIncident } from '../../alarm-incident';
import { contentHash } from '../../findings/hash';
import type { Notification, Severity } from '../../notification';
import { renderSubject } from '../../render/subject';
import { ellipsize } from '../../render/truncate';

/**
 * PagerDuty Events API v2 limits and values.
 * @see https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
 * @see https://developer.pagerduty.com/docs/events-api-v2/resolve-events/
 */
/** The Events API v2 endpoint a PagerDuty JSON webhook destination posts to. */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
/** `payload.summary`: at most 1,024 characters. */
export const PAGERDUTY_SUMMARY_MAX_CHARS = 1_024;
/** `dedup_key`: at most 255 characters. */
export const PAGERDUTY_DEDUP_KEY_MAX_CHARS = 255;
/** A link's `text`: kept short for the incident page (layout choice). */
const LINK_TEXT_MAX_CHARS = 100;

/** PagerDuty's severities are critical, error, warning, info; ours map onto them (ok resolves instead). */
const pagerDutySeverity = {
  critical: 'critical',
  warning: 'warning',
  info: 'info',
  ok: 'info',
} as const satisfies Record<Severity, 'critical' | 'error' | 'warning' | 'info'>;

/** An Events API v2 event (the fields this mapping sets). */
export interface PagerDutyEvent {
  readonly routing_key: string;
  readonly event_action: 'trigger' | 'resolve';
  readonly dedup_key: string;
  readonly payload?: {
    readonly summary: string;
    readonly source: string;
    readonly severity: 'critical' | 'error' | 'warning' | 'info';
    readonly timestamp: string;
    readonly component?: string;
    readonly group?: string;
    readonly class: string;
    readonly custom_details: Record<string, string>;
  };
  readonly links?: ReadonlyArray<{ readonly href: string; readonly text: string }>;
}

/** The key PagerDuty groups by: an alarm's identity without its state (so its OK resolves its ALARM), else the notification's key. */
function dedupKey(n: Notification): string {
  const key = alarmIncident(n)?.key ?? n.dedupeKey;
  if (key.length <= PAGERDUTY_DEDUP_KEY_MAX_CHARS) return key;
  const hash = `#${contentHash(key)}`;
  return `${key.slice(0, PAGERDUTY_DEDUP_KEY_MAX_CHARS - hash.length)}${hash}`;
}

/**
 * A notification as a PagerDuty Events API v2 event, for a JSON webhook destination pointed at
 * {@link PAGERDUTY_EVENTS_URL}: an alarm's OK resolves the incident its ALARM opened (same
 * `dedup_key`); everything else triggers, with the subject as summary, the fields as
 * `custom_details` and the console links. The routing key is a secret (the integration key).
 * @example await sendWebhook(jsonWebhook, { url: PAGERDUTY_EVENTS_URL, payload: toPagerDutyEvent(n, key) }, { deadline });
 */
export function toPagerDutyEvent(n: Notification, routingKey: string): PagerDutyEvent {
  const base = { routing_key: routingKey, dedup_key: dedupKey(n) };
  if (n.severity === 'ok' && alarmIncident(n)) return { ...base, event_action: 'resolve' };
  return {
    ...base,
    event_action: 'trigger',
    payload: {
      summary: ellipsize(renderSubject(n), PAGERDUTY_SUMMARY_MAX_CHARS),
      source: [n.account, n.region].filter(Boolean).join('/') || n.source.type,
      severity: pagerDutySeverity[n.severity],
      timestamp: n.occurredAt,
      ...(n.region ? { component: n.region } : {}),
      ...(n.account ? { group: n.account } : {}),
      class: n.category,
      custom_details: Object.fromEntries([['summary', n.summary], ...n.fields.map((f) => [f.label, f.value])]),
    },
    links: n.links.map((l) => ({ href: l.url, text: ellipsize(l.label, LINK_TEXT_MAX_CHARS) })),
  };
}
