import type { NotificationGroup } from '../../grouping/group-notifications';
import { groupHead } from '../../grouping/group-text';
import type { Notification } from '../../notification';
import { renderSubject } from '../../render/subject';

/**
 * Version of the generic webhook's envelope (`version`), apart from the Notification's own
 * `schemaVersion`: bumped only when the envelope's keys change meaning.
 */
export const WEBHOOK_ENVELOPE_VERSION = 1;

/**
 * What the generic JSON webhook posts: a small, stable envelope around the versioned Notification,
 * for PagerDuty (through an Events v2 transformer), Opsgenie, or an in-house tool.
 *
 * ```json
 * { "version": 1, "subject": "[CRITICAL] web-5xx is in ALARM", "notification": { "schemaVersion": 1, … } }
 * ```
 */
export interface WebhookMessage {
  /** {@link WEBHOOK_ENVELOPE_VERSION}. */
  readonly version: typeof WEBHOOK_ENVELOPE_VERSION;
  /** The shared subject line (as in the email's subject), under 100 characters. */
  readonly subject: string;
  /** The Notification as published (DESIGN.md, Contracts), with its own `schemaVersion`. */
  readonly notification: Notification;
  /**
   * Only in a grouped post: every member, the first being `notification`. The channel's group limit
   * is 1 ({@link WEBHOOK_GROUP_MAX_MEMBERS}), so a receiver gets one notification a post.
   */
  readonly notifications?: readonly Notification[];
}

/**
 * A JSON receiver (PagerDuty, a ticketing tool) acts on each notification: each post carries one.
 * Posts are small, so pacing needs no grouping.
 */
export const WEBHOOK_GROUP_MAX_MEMBERS = 1;

/**
 * The generic webhook's JSON body. Nothing is escaped: it is data, not markup, and the receiver
 * decides how to show it.
 * @example await sendWebhook(jsonWebhook, { url, payload: renderWebhook(n) }, { deadline });
 */
export function renderWebhook(n: Notification): WebhookMessage {
  return { version: WEBHOOK_ENVELOPE_VERSION, subject: renderSubject(n), notification: n };
}

/**
 * The envelope for a group: the group's subject, its first member as `notification` and every
 * member in `notifications`, nothing lost should a group of several ever be posted.
 */
export function renderWebhookGroup(g: NotificationGroup): WebhookMessage {
  const [first] = g.members;
  if (g.members.length === 1 && first) return renderWebhook(first);
  return { ...renderWebhook(first as Notification), subject: renderSubject(groupHead(g)), notifications: g.members };
}

/**
 * A terminal view: the envelope's version, what the notification is and its key; the body itself
 * is `render --format json`'s `webhook` key.
 */
export function previewWebhook(m: WebhookMessage): string {
  const n = m.notification;
  const counts = `${n.fields.length} fields, ${n.links.length} links, ${n.notes.length} notes`;
  return [
    `POST application/json · envelope version ${m.version} · Notification schemaVersion ${n.schemaVersion}`,
    `subject: ${m.subject}`,
    `${n.category} · ${n.severity} · ${counts}`,
    `dedupeKey: ${n.dedupeKey}`,
  ].join('\n');
}
