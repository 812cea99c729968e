import { loadSlackConfig, type SlackConfig } from '../config';
import { slackChannel } from '../core/channels/slack';
import type { SlackMessage } from '../core/channels/slack/render-slack';
import type { ChannelDelivery } from './channel-delivery';
import type { Verdict } from './webhook-attempt';
import { type SendWebhookOptions, sendWebhook, type WebhookChannel } from './webhook-sender';

/**
 * Error words a Slack incoming webhook answers for a request that will never succeed as sent
 * (a removed webhook, an archived channel, a payload Slack rejects). Other failures are read by
 * their status code.
 * @see https://api.slack.com/messaging/webhooks#handling_errors
 * @see https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks
 */
const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'invalid_payload',
  'invalid_blocks',
  'invalid_token',
  'no_text',
  'too_many_attachments',
  'user_not_found',
  'channel_not_found',
  'channel_is_archived',
  'action_prohibited',
  'posting_to_general_channel_denied',
  'no_service',
  'no_service_id',
  'no_team',
  'team_disabled',
  'no_active_hooks',
]);

/** Slack answers `ok` to a message it took; its error words are permanent whatever the status. */
function readSlackResponse(status: number, body: string): Verdict | undefined {
  if (status >= 200 && status < 300 && body === 'ok') return 'accepted';
  return PERMANENT_SLACK_ERRORS.has(body) ? 'permanent' : undefined;
}

/** The Slack incoming-webhook channel of the webhook sender. */
export const slackWebhook: WebhookChannel = { name: 'Slack webhook', readResponse: readSlackResponse };

/**
 * Posts a message to a Slack incoming webhook through the shared {@link sendWebhook}.
 * @throws DeliveryError with `retryable` saying whether a later invocation may succeed.
 * @see https://api.slack.com/messaging/webhooks
 * @example await postSlackMessage(url, renderSlack(n), { deadline: invocationDeadline(context, Date.now()) });
 */
export async function postSlackMessage(url: string, message: SlackMessage, options: SendWebhookOptions): Promise<void> {
  await sendWebhook(slackWebhook, { url, payload: message }, options);
}

/** The slack function: Block Kit to an incoming webhook whose URL is in SSM (or the environment). */
export const slackDelivery: ChannelDelivery<SlackConfig, SlackMessage> = {
  channel: slackChannel,
  loadConfig: loadSlackConfig,
  webhook: slackWebhook,
  keyPrefix: 'slack:',
};
