import { compileRouting, type Routing } from './route';
import { ROUTING_FILE_VERSION, type RoutingFile } from './schema';

/**
 * The email destination's topic in the default routing: the stack's own email path (the
 * notifications topic's email queue and function, filtered by `emailSeverities`, infra/params.cjs),
 * which already delivers every notification published. Delivery must not send to it a second time.
 */
export const OWN_NOTIFICATIONS_TOPIC = 'notifications';

/** Names of the default routing's destinations (what `render --routes` and the logs show). */
export const DEFAULT_DESTINATIONS = { slack: 'slack', email: 'email' } as const;

/**
 * The routing of a deploy without a routing file, which is today's behaviour: every notification to
 * the one Slack incoming webhook (`slackWebhookParameter`) and to the stack's own email path.
 * Severity filters stay where they were (the SNS subscriptions' filter policies), so an existing
 * deploy delivers exactly what it did.
 * @example defaultRouting({ slackParameter: '/notifier/slack-webhook-url' }).file.default // ['slack', 'email']
 */
export function defaultRouting(options: { readonly slackParameter: string }): Routing {
  const file: RoutingFile = {
    version: ROUTING_FILE_VERSION,
    destinations: {
      [DEFAULT_DESTINATIONS.slack]: { type: 'slack-webhook', parameter: options.slackParameter },
      [DEFAULT_DESTINATIONS.email]: { type: 'email', topic: OWN_NOTIFICATIONS_TOPIC },
    },
    routes: [],
    silences: [],
    default: [DEFAULT_DESTINATIONS.slack, DEFAULT_DESTINATIONS.email],
  };
  return compileRouting(file);
}
