import { alarmIncident } from '../core/alarm-incident';
import { renderSlack } from '../core/channels/slack/render-slack';
import type { SlackMessage } from '../core/channels/slack/slack-types';
import type { Notification } from '../core/notification';
import { incidentDuration, resolvedSlackMessage } from '../core/slack-app/resolved-message';
import { logger } from './logger';
import type { SlackThreadStore } from './slack-thread-store';
import type { SlackApi, SlackMessageRef } from './slack-web-api';

/** A Slack app destination: its name (routing's destination name, part of the thread key) and channel. */
export interface SlackAppDestination {
  readonly name: string;
  /** A channel ID (`C0123…`) or name the bot was invited to. */
  readonly channel: string;
}

/** What {@link deliverToSlackApp} needs; `store` absent (no table) means no threads. */
export interface SlackAppDeps {
  readonly api: SlackApi;
  readonly store?: SlackThreadStore;
  /** The message for a notification; default the Slack channel's rendering (routing may add a mention). */
  readonly render?: (n: Notification) => SlackMessage;
}

/** What was done in Slack, for the log line and the tests. */
export type SlackAppOutcome =
  | { readonly kind: 'posted'; readonly message: SlackMessageRef }
  | { readonly kind: 'thread-started'; readonly message: SlackMessageRef }
  | { readonly kind: 'resolved'; readonly message: SlackMessageRef; readonly reply: SlackMessageRef }
  | { readonly kind: 'replied'; readonly message: SlackMessageRef; readonly reply: SlackMessageRef };

/**
 * Delivers one notification to a Slack app destination, threading an alarm's life in one place:
 * - ALARM: `chat.postMessage`, and the message's `ts` kept (store) under the alarm's identity;
 * - OK with an open thread: the ALARM message is updated in place (`chat.update`) to read
 *   "resolved after 4 min 12 s", then the OK is posted as a reply in its thread, and the thread is
 *   marked resolved;
 * - any other change of an alarm with a thread (INSUFFICIENT_DATA, a flapping summary, an OK after
 *   the resolve): a reply in the thread;
 * - everything else, and an alarm without a known thread (none, expired, the table down): posted
 *   on its own, as before.
 * Ready for the delivery handler to call once per notification and Slack app destination, inside
 * deliver-once. A retry after a partial failure may repeat the update (harmless: same text) and,
 * if the reply went out but the mark did not, the reply.
 * @throws DeliveryError from the Web API (permanent words such as `channel_not_found` fail at once).
 * @example await deliverToSlackApp(n, { name: 'oncall', channel: 'C0123' }, { api, store });
 */
export async function deliverToSlackApp(
  n: Notification,
  destination: SlackAppDestination,
  deps: SlackAppDeps,
): Promise<SlackAppOutcome> {
  const { api, store } = deps;
  const message = (deps.render ?? renderSlack)(n);
  const incident = alarmIncident(n);
  if (!incident || !store) return { kind: 'posted', message: await api.postMessage(destination.channel, message) };

  if (incident.state === 'ALARM' && !incident.flapping) {
    const posted = await api.postMessage(destination.channel, message);
    await store.put(destination.name, incident.key, { ...posted, alarmAt: n.occurredAt, message });
    return { kind: 'thread-started', message: posted };
  }

  const thread = await store.get(destination.name, incident.key);
  if (!thread) return { kind: 'posted', message: await api.postMessage(destination.channel, message) };
  const root: SlackMessageRef = { channel: thread.channel, ts: thread.ts };

  if (incident.state === 'OK' && thread.resolvedAt === undefined) {
    const duration = incidentDuration(thread.alarmAt, n.occurredAt);
    const updated = resolvedSlackMessage(thread.message ?? message, duration, n.locale);
    await api.update(root, updated);
    const reply = await api.postMessage(root.channel, message, root.ts);
    await store.put(destination.name, incident.key, { ...thread, resolvedAt: n.occurredAt });
    logger.info('Slack alarm message resolved in place', { destination: destination.name, durationMs: duration });
    return { kind: 'resolved', message: root, reply };
  }
  return { kind: 'replied', message: root, reply: await api.postMessage(root.channel, message, root.ts) };
}
