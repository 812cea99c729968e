import { renderSlack } from '../channels/slack/render-slack';
import type { SlackMessage } from '../channels/slack/slack-types';
import { withRunbook } from '../links/runbook';
import type { Notification } from '../notification';
import { addMention } from './mention';
import type { Delivery } from './route';

/**
 * The notification as one destination receives it: with its route's runbook link, if any. Every
 * channel renders this (email, Teams, the JSON webhook).
 * @example renderEmail(notificationFor(n, delivery))
 */
export function notificationFor(n: Notification, delivery: Pick<Delivery, 'runbook'>): Notification {
  return delivery.runbook ? withRunbook(n, delivery.runbook) : n;
}

/**
 * The Slack message one Slack destination receives: the rendering of {@link notificationFor}, with
 * its route's mention when the severity called for one. What the Slack delivery (webhook or app)
 * posts, and what `render --routes` shows.
 * @example await post(url, slackMessageFor(n, delivery))
 */
export function slackMessageFor(n: Notification, delivery: Pick<Delivery, 'runbook' | 'mention'>): SlackMessage {
  const message = renderSlack(notificationFor(n, delivery));
  return delivery.mention ? addMention(message, delivery.mention, n.locale) : message;
}
