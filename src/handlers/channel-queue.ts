import type { ChannelDelivery } from '../lib/adapters/channel-delivery';
import { timeLeft } from '../lib/adapters/deadline';
import { sendWebhook } from '../lib/adapters/webhook-sender';
import { resolveWebhookUrl } from '../lib/adapters/webhook-url';
import type { NotifierConfig, WebhookSource } from '../lib/config';
import type { ChannelHandlerDeps } from './channel';
import { createQueueBatchHandler, type QueueBatchDeps } from './queue-batch';

/**
 * Attempts per message behind the queue. Two invocations share a webhook that takes one message a
 * second, so a post often meets a 429 or two; waiting its Retry-After is the pacing, and the
 * invocation's deadline, not a small count, is what bounds it (the sender never starts an attempt
 * or a wait it cannot finish in time).
 */
const QUEUE_MAX_ATTEMPTS = 20;

/** What a queue-fed webhook channel needs from the outside; each has a real default. */
export type QueueChannelDeps = ChannelHandlerDeps & QueueBatchDeps;

/**
 * A webhook channel's Lambda fed by its queue (see {@link createQueueBatchHandler}): the webhook URL
 * is read once per invocation, each grouped message posted through the shared sender (timeouts,
 * Retry-After, redaction).
 * @example export const handler = createQueueChannelHandler(slackDelivery);
 */
export function createQueueChannelHandler<Config extends NotifierConfig & { webhook: WebhookSource }, Message>(
  delivery: ChannelDelivery<Config, Message>,
  deps: QueueChannelDeps = {},
) {
  const now = deps.now ?? Date.now;
  return createQueueBatchHandler(
    {
      renderer: delivery.channel,
      loadConfig: delivery.loadConfig,
      keyPrefix: delivery.keyPrefix,
      async connect(config, deadline) {
        // Powertools caches the parameter per container (maxAge), so this reads SSM once, not per call.
        const url = await resolveWebhookUrl(config.webhook, deps.readParameter, timeLeft(deadline, now()));
        const post = {
          deadline,
          now,
          fetchImpl: deps.fetchImpl,
          sleep: deps.sleep,
          maxAttempts: deps.maxAttempts ?? QUEUE_MAX_ATTEMPTS,
        };
        return async (payload: Message) => {
          await sendWebhook(delivery.webhook, { url, payload }, post);
        };
      },
    },
    deps,
  );
}
