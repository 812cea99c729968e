import type { Context } from 'aws-lambda';
import type { ChannelDelivery } from '../lib/adapters/channel-delivery';
import { claimKeys, settleKeys } from '../lib/adapters/claim-keys';
import { createDeadLetterSender } from '../lib/adapters/dead-letter-queue';
import { invocationDeadline, timeLeft } from '../lib/adapters/deadline';
import { dedupeStoreFor } from '../lib/adapters/dedupe-store';
import { DUPLICATE_RULE } from '../lib/adapters/deliver-once';
import { logger } from '../lib/adapters/logger';
import { sendWebhook } from '../lib/adapters/webhook-sender';
import { resolveWebhookUrl } from '../lib/adapters/webhook-url';
import type { NotifierConfig, WebhookSource } from '../lib/config';
import { renderGrouped } from '../lib/core/channels/channel';
import { groupNotifications } from '../lib/core/grouping/group-notifications';
import type { Notification } from '../lib/core/notification';
import { loadDeadLetterConfig } from '../lib/dead-letter-config';
import type { ChannelHandlerDeps } from './channel';
import { isPermanentFailure, unreadableInput } from './delivery-failure';
import { once } from './once';
import { type QueueEvent, type QueueRecord, readQueueRecord } from './queue-input';

/** What a queue-fed channel function needs from the outside; each has a real default. */
export interface QueueChannelDeps extends ChannelHandlerDeps {
  /** Makes the sender of the function's dead-letter queue (tests pass a fake); default SQS SendMessage. */
  deadLetterSender?: typeof createDeadLetterSender;
}

/**
 * The partial batch response: the messages to receive again (after the visibility timeout); every
 * other message of the batch is deleted from the queue.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting
 */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** Records that failed for good, with the reason, for the dead-letter queue. */
interface Letter {
  readonly records: readonly QueueRecord[];
  readonly error: Error;
}

/**
 * Builds a channel's Lambda fed by an SQS queue (the notifications topic → queue → this function,
 * at most two at a time): the pacing and grouping half of delivery. A batch's notifications are
 * claimed (deliver-once, with a lease), grouped ({@link groupNotifications}: one message per
 * category, severity, account and region, a lone one as itself) and posted one message after the
 * other within the invocation's time, honouring the webhook's Retry-After. What could not be posted
 * in time, or was held by another attempt, is returned in `batchItemFailures` and comes back after
 * the visibility timeout (the queue's redrive policy dead-letters a message after
 * `maxReceiveCount` receives); what failed for good (a 4xx, an unreadable message) goes to the
 * dead-letter queue at once with the reason.
 * @example export const handler = createQueueChannelHandler(slackDelivery);
 */
export function createQueueChannelHandler<Config extends NotifierConfig & { webhook: WebhookSource }, Message>(
  delivery: ChannelDelivery<Config, Message>,
  deps: QueueChannelDeps = {},
) {
  const now = deps.now ?? Date.now;
  const env = deps.env ?? process.env;
  const config = once(() => delivery.loadConfig(env));
  const store = once(() => dedupeStoreFor(config(), deps.dynamodb, { now, keyPrefix: delivery.keyPrefix }));
  const deadLetters = once(() => {
    const queue = loadDeadLetterConfig(env);
    return queue && (deps.deadLetterSender ?? createDeadLetterSender)(queue);
  });
  const { channel } = delivery;

  return async function queueChannelHandler(event: QueueEvent, context?: Context): Promise<BatchResponse> {
    const deadline = invocationDeadline(context, now());
    const url = await resolveWebhookUrl(config().webhook, deps.readParameter, timeLeft(deadline, now()));
    const retry = new Set<string>();
    const letters: Letter[] = [];
    const recordsOf = new Map<string, QueueRecord[]>();
    const notifications: Notification[] = [];
    for (const record of event.Records) {
      const result = await readQueueRecord(record, config(), new Date(now()));
      for (const { rule, reason } of result.ignored)
        logger.info('input ignored', { rule, reason, messageId: record.messageId });
      if (result.errors.length > 0) {
        letters.push({ records: [record], error: unreadableInput(result.errors) });
        continue;
      }
      for (const n of result.notifications) {
        notifications.push(n);
        recordsOf.set(n.dedupeKey, [...(recordsOf.get(n.dedupeKey) ?? []), record]);
      }
    }
    const recordsOfKeys = (keys: readonly string[]) => [...new Set(keys.flatMap((k) => recordsOf.get(k) ?? []))];
    const retryKeys = (keys: readonly string[]) => {
      for (const r of recordsOfKeys(keys)) retry.add(r.messageId);
    };

    const claims = await claimKeys(
      store(),
      notifications.map((n) => n.dedupeKey),
      { deadline, now },
    );
    for (const key of claims.delivered)
      logger.info('input ignored', { rule: DUPLICATE_RULE, reason: 'delivered before', dedupeKey: key });
    retryKeys(claims.inFlight);

    const fresh = notifications.filter((n) => claims.held.has(n.dedupeKey));
    const post = { deadline, now, fetchImpl: deps.fetchImpl, sleep: deps.sleep, maxAttempts: deps.maxAttempts };
    let posted = 0;
    for (const group of groupNotifications(fresh, { maxMembers: channel.groupLimit })) {
      const keys = group.members.map((n) => n.dedupeKey);
      const facts = { channel: channel.id, group: group.key, notifications: keys.length };
      try {
        await sendWebhook(delivery.webhook, { url, payload: renderGrouped(channel, group) }, post);
        await settleKeys(store(), claims.held, keys, true);
        posted += 1;
        logger.info('message posted', { ...facts, dedupeKeys: keys.slice(0, 3) });
      } catch (error) {
        await settleKeys(store(), claims.held, keys, false);
        logger.error('message not posted', { ...facts, error });
        if (isPermanentFailure(error)) letters.push({ records: recordsOfKeys(keys), error });
        else retryKeys(keys);
      }
    }

    for (const letter of letters) {
      const send = deadLetters();
      const ids = letter.records.map((r) => r.messageId);
      try {
        if (send === undefined) throw letter.error;
        await send({ event: { Records: letter.records }, error: letter.error, context, at: new Date(now()) });
        logger.error('permanent failure sent to the dead-letter queue', {
          reason: letter.error.message,
          errorType: letter.error.name,
          messageIds: ids,
        });
      } catch (problem) {
        // No queue, or it could not be reached: the messages come back, and the redrive policy keeps them.
        logger.error('dead letter not sent, the messages will be received again', { error: problem, messageIds: ids });
        for (const id of ids) retry.add(id);
      }
    }
    logger.info('batch done', {
      records: event.Records.length,
      notifications: fresh.length,
      posted,
      retry: retry.size,
    });
    return { batchItemFailures: [...retry].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
