import { alarmIncident } from '../core/alarm-incident';
import type { Notification } from '../core/notification';
import type { Delivery, Destination } from '../core/routing';
import type { SlackThreadStore } from './slack-thread-store';

/** The route name of a delivery added by {@link threadFollowUps} (logs and tests read it). */
export const FOLLOWS_ITS_ALARM_ROUTE = 'follows-its-alarm';

/**
 * The Slack app destinations an alarm's OK goes to although no route sends it there: each one
 * holding an open (unresolved) thread of that alarm, so a team routing only `critical` to #oncall
 * still sees its red ALARM message resolved in place. Not for anything but an alarm's OK, nor for a
 * destination the routing already chose. The caller leaves silenced notifications out. No store
 * (no table) means no threads, so none. One thread read per Slack app destination, except those in
 * `startedNow`: where the same batch sends the ALARM before it (its thread is kept before the OK's
 * group is sent, groups going in order of their first notification).
 * @example [...decision.deliveries, ...(await threadFollowUps(ok, decision.deliveries, routing.file.destinations, store))]
 */
export async function threadFollowUps(
  n: Notification,
  deliveries: readonly Delivery[],
  destinations: Readonly<Record<string, Destination>>,
  store: SlackThreadStore | undefined,
  startedNow: ReadonlySet<string> = new Set(),
): Promise<Delivery[]> {
  const incident = alarmIncident(n);
  if (!store || incident?.state !== 'OK' || incident.flapping) return [];
  const chosen = new Set(deliveries.map((d) => d.destination));
  const candidates = Object.entries(destinations).filter(
    ([name, config]) => config.type === 'slack-app' && !chosen.has(name),
  );
  const open = await Promise.all(
    candidates.map(async ([name]) => {
      if (startedNow.has(name)) return true;
      const thread = await store.get(name, incident.key);
      return thread !== undefined && thread.resolvedAt === undefined;
    }),
  );
  return candidates
    .filter((_, i) => open[i])
    .map(([destination, config]) => ({ destination, config, route: FOLLOWS_ITS_ALARM_ROUTE }));
}
