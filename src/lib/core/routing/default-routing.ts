import { compileRouting, type Routing } from './route';
import { ROUTING_FILE_VERSION, type RoutingFile } from './schema';

/**
 * The email destination's topic in the default routing: the stack's own notifications topic, whose
 * email subscriptions (filtered by `emailSeverities`, infra/params.cjs) already deliver every
 * notification published to it. Delivery must not publish to it a second time.
 */
export const OWN_NOTIFICATIONS_TOPIC = 'notifications';

/** Names of the default routing's destinations (what `render --routes` and the logs show). */
export const DEFAULT_DESTINATIONS = { slack: 'slack', email: 'email' } as const;

/**
 * The routing of a deploy without a routing file, which is today's behaviour: every notification to
 * the one Slack incoming webhook (`slackWebhookParameter`) and to the email subscriptions of the
 * notifications topic. Severity filters stay where they were (the SNS subscriptions' filter
 * policies), so an existing deploy delivers exactly what it did.
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
