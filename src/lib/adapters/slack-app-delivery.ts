import { type AlarmIncident, alarmIncident } from '../core/alarm-incident';
import { renderSlack } from '../core/channels/slack/render-slack';
import type { SlackMessage } from '../core/channels/slack/slack-types';
import type { Notification } from '../core/notification';
import { incidentDuration, resolvedSlackMessage } from '../core/slack-app/resolved-message';
import { logger } from './logger';
import type { SlackThread, SlackThreadStore } from './slack-thread-store';
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

/** What {@link deliverGroupToSlackApp} needs: as {@link SlackAppDeps}, rendering several notifications as one message. */
export interface SlackAppGroupDeps {
  readonly api: SlackApi;
  readonly store?: SlackThreadStore;
  /** One message listing `members` (one member: its own message), with the route's mention. */
  readonly render: (members: readonly Notification[]) => SlackMessage;
}

/** What one group's delivery did in Slack: the messages posted (roots) and the thread replies. */
export interface SlackAppGroupOutcome {
  readonly posted: readonly SlackMessageRef[];
  readonly replies: readonly SlackMessageRef[];
  /** ALARM messages updated in place to "resolved after …" (lone threads only). */
  readonly resolved: readonly SlackMessageRef[];
}

/** A follow-up (an alarm change other than a new ALARM) and the thread it belongs in, when known. */
interface FollowUp {
  readonly n: Notification;
  readonly incident: AlarmIncident;
  readonly thread: SlackThread;
}

/** An ALARM (not a flapping summary) starts a thread; every other change follows one. */
const startsThread = (incident: AlarmIncident): boolean => incident.state === 'ALARM' && !incident.flapping;

/**
 * Delivers one notification to a Slack app destination, threading an alarm's life in one place:
 * - ALARM: `chat.postMessage`, and the message's `ts` kept (store) under the alarm's identity;
 * - OK with an open thread: the ALARM message is updated in place (`chat.update`) to read
 *   "resolved after 4 min 12 s", then the OK is posted as a reply in its thread, and the thread is
 *   marked resolved (a thread whose root is a grouped storm message is not updated: the reply only);
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

  if (startsThread(incident)) {
    const posted = await api.postMessage(destination.channel, message);
    await store.put(destination.name, incident.key, { ...posted, alarmAt: n.occurredAt, message });
    return { kind: 'thread-started', message: posted };
  }

  const thread = await store.get(destination.name, incident.key);
  if (!thread) return { kind: 'posted', message: await api.postMessage(destination.channel, message) };
  return followThread(
    { n, incident, thread },
    message,
    destination,
    deps as SlackAppDeps & { store: SlackThreadStore },
  );
}

/** A follow-up in its thread: a lone ALARM message resolved in place by its OK, else a reply. */
async function followThread(
  { n, incident, thread }: FollowUp,
  message: SlackMessage,
  destination: SlackAppDestination,
  { api, store }: { api: SlackApi; store: SlackThreadStore },
): Promise<SlackAppOutcome> {
  const root: SlackMessageRef = { channel: thread.channel, ts: thread.ts };
  if (incident.state === 'OK' && thread.resolvedAt === undefined) {
    const duration = incidentDuration(thread.alarmAt, n.occurredAt);
    if (thread.group === undefined) {
      await api.update(root, resolvedSlackMessage(thread.message ?? message, duration, n.locale));
    }
    const reply = await api.postMessage(root.channel, message, root.ts);
    await store.put(destination.name, incident.key, { ...thread, resolvedAt: n.occurredAt });
    if (thread.group !== undefined) return { kind: 'replied', message: root, reply };
    logger.info('Slack alarm message resolved in place', { destination: destination.name, durationMs: duration });
    return { kind: 'resolved', message: root, reply };
  }
  return { kind: 'replied', message: root, reply: await api.postMessage(root.channel, message, root.ts) };
}

/**
 * Delivers a group of notifications (a storm, grouped as in core/grouping) to a Slack app
 * destination, threading as {@link deliverToSlackApp} does for one:
 * - the members without a thread (new ALARMs, and anything else not threaded) are posted as one
 *   message, and its `ts` is kept for each member ALARM (`slack-ts:<destination>:<alarm>`, the
 *   thread marked as a group's), so each one's later OK replies in that message's thread;
 * - the members with a thread (an OK, INSUFFICIENT_DATA or flapping summary of a posted ALARM) are
 *   grouped by that thread: one reply per thread listing its members (30 OKs of a 30-alarm storm:
 *   one reply); a lone member in a lone ALARM's thread resolves that message in place, as alone.
 * A grouped storm message is never updated in place: it speaks for several alarms, some of which
 * may still be in ALARM; the thread's replies say which resolved. No store: one message, as before.
 * A group may thus take several messages: a failure after some went out retries the whole group
 * (deliver-once settles per group), so those may be posted again, as a partial retry of
 * {@link deliverToSlackApp} may repeat its reply.
 * @throws DeliveryError from the Web API
 * @example await deliverGroupToSlackApp(group.members, { name: 'oncall', channel: 'C0123' }, { api, store, render });
 */
export async function deliverGroupToSlackApp(
  members: readonly Notification[],
  destination: SlackAppDestination,
  deps: SlackAppGroupDeps,
): Promise<SlackAppGroupOutcome> {
  const { api, store, render } = deps;
  const outcome = {
    posted: [] as SlackMessageRef[],
    replies: [] as SlackMessageRef[],
    resolved: [] as SlackMessageRef[],
  };
  const single = (n: Notification) => render([n]);
  const record = (o: SlackAppOutcome) => {
    if (o.kind === 'posted' || o.kind === 'thread-started') outcome.posted.push(o.message);
    else outcome.replies.push(o.reply);
    if (o.kind === 'resolved') outcome.resolved.push(o.message);
  };
  if (members.length === 1 || !store) {
    if (members.length === 1)
      record(
        await deliverToSlackApp(members[0] as Notification, destination, {
          api,
          ...(store ? { store } : {}),
          render: single,
        }),
      );
    else outcome.posted.push(await api.postMessage(destination.channel, render(members)));
    return outcome;
  }

  const incidents = members.map(alarmIncident);
  const threads = await Promise.all(
    incidents.map((i) => (i === undefined || startsThread(i) ? undefined : store.get(destination.name, i.key))),
  );
  const fresh: Notification[] = [];
  const byRoot = new Map<string, FollowUp[]>();
  members.forEach((n, i) => {
    const incident = incidents[i];
    const thread = threads[i];
    if (!incident || !thread) fresh.push(n);
    else {
      const root = `${thread.channel}/${thread.ts}`;
      byRoot.set(root, [...(byRoot.get(root) ?? []), { n, incident, thread }]);
    }
  });

  if (fresh.length === 1)
    record(await deliverToSlackApp(fresh[0] as Notification, destination, { api, store, render: single }));
  if (fresh.length > 1) {
    const posted = await api.postMessage(destination.channel, render(fresh));
    outcome.posted.push(posted);
    await Promise.all(
      fresh.map((n) => {
        const incident = alarmIncident(n);
        return incident && startsThread(incident)
          ? store.put(destination.name, incident.key, { ...posted, alarmAt: n.occurredAt, group: fresh.length })
          : undefined;
      }),
    );
  }

  for (const followUps of byRoot.values()) {
    const [first] = followUps as [FollowUp];
    if (followUps.length === 1) {
      record(await followThread(first, single(first.n), destination, { api, store }));
      continue;
    }
    const ts = first.thread.ts;
    outcome.replies.push(await api.postMessage(first.thread.channel, render(followUps.map((f) => f.n)), ts));
    await Promise.all(
      followUps.map(({ n, incident, thread }) =>
        incident.state === 'OK' && thread.resolvedAt === undefined
          ? store.put(destination.name, incident.key, { ...thread, resolvedAt: n.occurredAt })
          : undefined,
      ),
    );
  }
  return outcome;
}
