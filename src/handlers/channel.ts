import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { ChannelDelivery } from '../lib/adapters/channel-delivery';
import type { Clock } from '../lib/adapters/clock';
import { invocationDeadline, timeLeft } from '../lib/adapters/deadline';
import { dedupeStoreFor } from '../lib/adapters/dedupe-store';
import { deliverOnce } from '../lib/adapters/deliver-once';
import { logger } from '../lib/adapters/logger';
import { sendWebhook } from '../lib/adapters/webhook-sender';
import { type ParameterReader, resolveWebhookUrl } from '../lib/adapters/webhook-url';
import type { Env, NotifierConfig, WebhookSource } from '../lib/config';
import { toNotifications } from './channel-input';
import { deliveryFailure, unreadableInput } from './delivery-failure';
import { once } from './once';

/** What a channel function needs from the outside; each has a real default. */
export interface ChannelHandlerDeps {
  env?: Env;
  /** Epoch ms clock. */
  now?: Clock;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  readParameter?: ParameterReader;
  maxAttempts?: number;
  /** DynamoDB client of the dedupe store, used only when DEDUPE_TABLE is set. */
  dynamodb?: () => DynamoDBClient;
}

/** What one invocation did. */
export interface ChannelSummary {
  posted: number;
  ignored: number;
}

/**
 * Builds a channel's Lambda: input is the SNS→Lambda event of the notifications topic. Each record
 * becomes a Notification (see {@link toNotifications}), rendered by the channel and posted to its
 * webhook, one after the other within the Lambda's remaining time (a webhook takes about one message
 * a second). One record failing does not stop the others; the invocation throws at the end if any
 * failed. With DEDUPE_TABLE, each notification is posted once (see {@link deliverOnce}).
 * @example export const handler = createChannelHandler(slackDelivery);
 */
export function createChannelHandler<Config extends NotifierConfig & { webhook: WebhookSource }, Message>(
  delivery: ChannelDelivery<Config, Message>,
  deps: ChannelHandlerDeps = {},
) {
  const now = deps.now ?? Date.now;
  const config = once(() => delivery.loadConfig(deps.env ?? process.env));
  const store = once(() => dedupeStoreFor(config(), deps.dynamodb, { now, keyPrefix: delivery.keyPrefix }));
  const what = `${delivery.webhook.name} posts`;

  return async function channelHandler(event: unknown, context?: Context): Promise<ChannelSummary> {
    const deadline = invocationDeadline(context, now());
    // Powertools caches the parameter per container (maxAge), so this reads SSM once, not per call.
    const url = await resolveWebhookUrl(config().webhook, deps.readParameter, timeLeft(deadline, now()));
    const result = await toNotifications(event, config(), new Date(now()));
    for (const { rule, reason, path } of result.ignored) logger.info('input ignored', { rule, reason, path });
    for (const error of result.errors) logger.error('input record could not be read', { error });

    const failures: unknown[] = [];
    let duplicates = 0;
    const post = { deadline, now, fetchImpl: deps.fetchImpl, sleep: deps.sleep, maxAttempts: deps.maxAttempts };
    const send = (payload: Message) => sendWebhook(delivery.webhook, { url, payload }, post);
    for (const n of result.notifications) {
      const facts = { channel: delivery.channel.id, dedupeKey: n.dedupeKey };
      try {
        const outcome = await deliverOnce(store(), n.dedupeKey, () => send(delivery.channel.render(n)), {
          deadline,
          now,
        });
        if (outcome.outcome === 'duplicate') duplicates += 1;
        else logger.info('message posted', { ...facts, category: n.category, severity: n.severity });
      } catch (error) {
        logger.error('message not posted', { ...facts, error });
        failures.push(error);
      }
    }
    if (failures.length > 0) throw deliveryFailure(failures, result.notifications.length, what);
    if (result.errors.length > 0) throw unreadableInput(result.errors);
    return { posted: result.notifications.length - duplicates, ignored: result.ignored.length + duplicates };
  };
}
