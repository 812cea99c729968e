import type { Env, NotifierConfig, WebhookSource } from '../config';
import type { Channel } from '../core/channels/channel';
import type { SendWebhookOptions, WebhookChannel } from './webhook-sender';

/**
 * What a channel's Lambda needs besides the shared loop (src/handlers/channel.ts): the channel's
 * renderer, its settings, and the webhook it posts to through the shared sender (timeouts,
 * Retry-After, redaction). A new webhook channel is one of these plus its core renderer.
 *
 * @example export const slackDelivery: ChannelDelivery<SlackConfig, SlackMessage> = { … };
 */
export interface ChannelDelivery<Config extends NotifierConfig & { webhook: WebhookSource }, Message> {
  readonly channel: Channel<Message>;
  /** Reads and checks the channel's settings once per container. @throws ConfigError naming the variable. */
  readonly loadConfig: (env: Env) => Config;
  /** How the shared sender reads this webhook's answers. */
  readonly webhook: WebhookChannel;
  /** Dedupe keys of this channel's posts start with this, apart from the SNS publish's key. */
  readonly keyPrefix: string;
}

export type { SendWebhookOptions };
