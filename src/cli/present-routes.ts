import { type Channel, channels } from '../lib/core/channels';
import type { Notification } from '../lib/core/notification';
import {
  type DestinationType,
  notificationFor,
  type RouteDecision,
  type Routing,
  route,
  slackMessageFor,
} from '../lib/core/routing';
import type { RenderedNotification, RenderOutput } from './present';

/**
 * The channel renderer each destination type delivers with; `webhook` receives the Notification
 * itself (JSON), and a type whose channel is not in this build (e.g. teams before its channel is
 * added) is shown as such.
 */
const channelOfType = {
  'slack-webhook': 'slack',
  'slack-app': 'slack',
  teams: 'teams',
  email: 'email',
  webhook: undefined,
} as const satisfies Record<DestinationType, string | undefined>;

/** One destination as `render --routes` shows it: where, why, and what it receives. */
export interface RoutedDestination {
  destination: string;
  type: DestinationType;
  route: string;
  mention?: string;
  runbook?: string;
  /** The channel whose rendering it receives (`notification` for a JSON webhook). */
  channel: string;
  /** What it receives; absent when this build has no renderer for the type. */
  rendering?: unknown;
}

/** The routing of one notification, as the `routes` key of `render --routes --format json`. */
export type RoutedView =
  | { kind: 'silenced'; silenceId: string; origin: string }
  | { kind: 'deliver'; matched: readonly string[]; deliveries: RoutedDestination[] };

const findChannel = (id: string | undefined): Channel<unknown> | undefined =>
  channels.find((c) => c.id === id) as Channel<unknown> | undefined;

/** What one destination receives: its channel's rendering with the route's runbook link and mention. */
function deliveryView(n: Notification, d: Extract<RouteDecision, { kind: 'deliver' }>['deliveries'][number]) {
  const withLink = notificationFor(n, d);
  const channelId = channelOfType[d.config.type];
  const base = {
    destination: d.destination,
    type: d.config.type,
    route: d.route,
    ...(d.mention ? { mention: d.mention } : {}),
    ...(d.runbook ? { runbook: d.runbook } : {}),
  };
  if (channelId === undefined) return { ...base, channel: 'notification', rendering: withLink };
  if (channelId === 'slack') return { ...base, channel: 'slack', rendering: slackMessageFor(n, d) };
  const channel = findChannel(channelId);
  return { ...base, channel: channelId, ...(channel ? { rendering: channel.render(withLink) } : {}) };
}

/** The routing view of one rendered notification (file silences apply; the store's are not read). */
export function routedView(r: RenderedNotification, routing: Routing, now: Date): RoutedView {
  const decision = route(r.notification, routing, now);
  if (decision.kind === 'silenced') return { kind: 'silenced', silenceId: decision.silenceId, origin: decision.origin };
  return {
    kind: 'deliver',
    matched: decision.matched,
    deliveries: decision.deliveries.map((d) => deliveryView(r.notification, d)),
  };
}

/** `render --format json` with a `routes` key on each notification. */
export function withRoutes(output: RenderOutput, routing: Routing, now: Date): RenderOutput {
  return { ...output, notifications: output.notifications.map((r) => ({ ...r, routes: routedView(r, routing, now) })) };
}

const rule = (title: string) => `── ${title} ${'─'.repeat(Math.max(3, 64 - title.length))}`;

function previewOf(d: RoutedDestination): string {
  if (d.rendering === undefined) return `(this build has no ${d.channel} renderer)`;
  if (d.channel === 'notification') return JSON.stringify(d.rendering, null, 2);
  return (findChannel(d.channel)?.preview(d.rendering) ?? JSON.stringify(d.rendering, null, 2)).trimEnd();
}

/** One line per destination: `oncall (slack-webhook) by route critical, mention <!here>, runbook https://…`. */
function destinationLine(d: RoutedDestination): string {
  const extras = [d.mention ? `mention ${d.mention}` : '', d.runbook ? `runbook ${d.runbook}` : ''].filter(Boolean);
  return `  → ${d.destination} (${d.type}) by route ${d.route}${extras.length > 0 ? `, ${extras.join(', ')}` : ''}`;
}

/**
 * The text view of `render --routes`: per notification, the subject, where it goes and why (or
 * which silence suppresses it), then what each destination receives.
 */
export function formatRoutedText(output: RenderOutput, routing: Routing, now: Date): string {
  const lines: string[] = [];
  output.notifications.forEach((r, i) => {
    const count = output.notifications.length > 1 ? ` ${i + 1}/${output.notifications.length}` : '';
    lines.push(rule(`notification${count}: ${r.category} · ${r.severity}`), `SNS subject:    ${r.subject}`);
    const view = routedView(r, routing, now);
    if (view.kind === 'silenced') {
      const from = view.origin === 'file' ? 'routing file' : view.origin;
      lines.push(`routes: silenced by ${view.silenceId} (${from}); nothing is delivered`, '');
      return;
    }
    lines.push(
      `routes: ${view.matched.length > 0 ? `matched ${view.matched.join(', ')}` : 'no route matched: default'}`,
    );
    lines.push(...view.deliveries.map(destinationLine));
    for (const d of view.deliveries) lines.push('', rule(`to ${d.destination}: ${d.channel}`), previewOf(d));
    lines.push('');
  });
  for (const ignored of output.ignored) {
    lines.push(`ignored (rule ${ignored.rule}${ignored.path ? ` at ${ignored.path}` : ''}): ${ignored.reason}`);
  }
  for (const error of output.errors ?? []) lines.push(`error: ${error.message}`);
  if (output.notifications.length === 0 && output.ignored.length === 0 && !output.errors) lines.push('no notification');
  return `${lines.join('\n')}\n`;
}
