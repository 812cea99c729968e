import type { Notification, Severity } from '../notification';
import { compileMatcher, type NotificationTest } from './match';
import type { Destination, Route, RoutingFile } from './schema';
import { type ActiveSilence, compileSilence, type SilenceOrigin, silencedAlarmKey, silencing } from './silence';

/** Severities a route's mention applies to when it names none. */
export const DEFAULT_MENTION_SEVERITIES: readonly Severity[] = ['critical'];

/** A routing file compiled once per container: matchers and silences ready to test. */
export interface Routing {
  readonly file: RoutingFile;
  readonly routes: readonly { readonly route: Route; readonly name: string; readonly test: NotificationTest }[];
  readonly silences: readonly ActiveSilence[];
}

/** One destination a notification goes to, with what its route adds. */
export interface Delivery {
  readonly destination: string;
  readonly config: Destination;
  /** The route that sent it there (`default` when no route matched). */
  readonly route: string;
  /** A Slack mention to add (a Slack destination's concern; others ignore it). */
  readonly mention?: string;
  /** A runbook URL to add as a "Runbook" link (see links/runbook.ts `withRunbook`). */
  readonly runbook?: string;
}

/**
 * What to remember about a silenced alarm, for the adapter that keeps it (README "Silences"):
 * `remember` when its ALARM was silenced, `forget` once it resolved or was reported.
 */
export interface AlarmFollowUp {
  readonly key: string;
  readonly action: 'remember' | 'forget';
  readonly silenceId?: string;
}

/** What {@link route} decided. */
export type RouteDecision =
  | {
      readonly kind: 'deliver';
      /** In order, each destination once. */
      readonly deliveries: readonly Delivery[];
      /** The names of the routes that matched, in order; empty when the default applied. */
      readonly matched: readonly string[];
      readonly followUp?: AlarmFollowUp;
    }
  | {
      readonly kind: 'silenced';
      readonly silenceId: string;
      readonly origin: SilenceOrigin | 'resolves-silenced-alarm';
      readonly followUp?: AlarmFollowUp;
    };

/** Options of {@link route}. */
export interface RouteOptions {
  /** Silences from the store (`notifier silence add`), checked after the file's. */
  readonly silences?: readonly ActiveSilence[];
  /** The silence that muted this alarm's last ALARM, when the store remembers one. */
  readonly silencedAlarm?: string;
}

/** Compiles a validated routing file (see validate.ts `parseRouting`). */
export function compileRouting(file: RoutingFile): Routing {
  return {
    file,
    routes: (file.routes ?? []).map((route, i) => ({
      route,
      name: route.name ?? `routes[${i}]`,
      test: compileMatcher(route.match),
    })),
    silences: (file.silences ?? []).map((s) => compileSilence(s, 'file')),
  };
}

function deliveriesOf(n: Notification, routing: Routing, matched: Routing['routes']): Delivery[] {
  const byName = new Map<string, Delivery>();
  const add = (destination: string, route: string, mention?: string, runbook?: string) => {
    const config = routing.file.destinations[destination];
    if (config === undefined) return; // validate.ts rejects unknown names; a hand-built Routing may not
    const seen = byName.get(destination);
    byName.set(destination, {
      destination,
      config,
      route: seen?.route ?? route,
      ...((seen?.mention ?? mention) ? { mention: seen?.mention ?? mention } : {}),
      ...((seen?.runbook ?? runbook) ? { runbook: seen?.runbook ?? runbook } : {}),
    });
  };
  if (matched.length === 0) {
    for (const destination of routing.file.default) add(destination, 'default');
  }
  for (const { route, name } of matched) {
    const severities = route.mention?.severities ?? DEFAULT_MENTION_SEVERITIES;
    const mention = route.mention && severities.includes(n.severity) ? route.mention.text : undefined;
    for (const destination of route.to) add(destination, name, mention, route.runbook);
  }
  return [...byName.values()];
}

/**
 * Where one notification goes: silences first (the file's, then the store's; the first active match
 * wins), then the routes top-down as in Alertmanager: the first matching route takes it, unless it
 * says `continue: true`, in which case the routes below are tried too; when none matches, `default`.
 * A destination named by several matching routes gets it once, with the first mention and runbook
 * given. An OK of an alarm whose ALARM was silenced is suppressed too, so nobody gets a lone
 * "resolved". Pure: the clock is `now`, the stored state comes in `options`.
 * @example route(n, routing, now) // { kind: 'deliver', deliveries: [{ destination: 'oncall', … }], matched: ['critical'] }
 */
export function route(n: Notification, routing: Routing, now: Date, options: RouteOptions = {}): RouteDecision {
  const key = silencedAlarmKey(n);
  const silence = silencing(n, [...routing.silences, ...(options.silences ?? [])], now);
  if (silence) {
    const followUp: AlarmFollowUp | undefined =
      key === undefined
        ? undefined
        : n.severity === 'ok'
          ? { key, action: 'forget' }
          : { key, action: 'remember', silenceId: silence.silence.id };
    return {
      kind: 'silenced',
      silenceId: silence.silence.id,
      origin: silence.origin,
      ...(followUp ? { followUp } : {}),
    };
  }
  if (key !== undefined && options.silencedAlarm !== undefined) {
    const followUp: AlarmFollowUp = { key, action: 'forget' };
    if (n.severity === 'ok') {
      return { kind: 'silenced', silenceId: options.silencedAlarm, origin: 'resolves-silenced-alarm', followUp };
    }
    return { ...deliver(n, routing), followUp };
  }
  return deliver(n, routing);
}

function deliver(n: Notification, routing: Routing): Extract<RouteDecision, { kind: 'deliver' }> {
  const matched: Routing['routes'][number][] = [];
  for (const r of routing.routes) {
    if (!r.test(n)) continue;
    matched.push(r);
    if (!r.route.continue) break;
  }
  return { kind: 'deliver', deliveries: deliveriesOf(n, routing, matched), matched: matched.map((r) => r.name) };
}
