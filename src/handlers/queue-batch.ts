import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { claimKeys, settleKeys } from '../lib/adapters/claim-keys';
import type { Clock } from '../lib/adapters/clock';
import { createDeadLetterSender } from '../lib/adapters/dead-letter-queue';
import { invocationDeadline } from '../lib/adapters/deadline';
import { dedupeStoreFor } from '../lib/adapters/dedupe-store';
import { logger } from '../lib/adapters/logger';
import { sdkClientConfig } from '../lib/adapters/sdk-client';
import { settleBounded } from '../lib/adapters/settle-bounded';
import { createSilenceCheck, type SilenceCheck } from '../lib/adapters/silence-check';
import { createSilenceStore } from '../lib/adapters/silence-store';
import type { Env, NotifierConfig } from '../lib/config';
import { type Channel, renderGrouped } from '../lib/core/channels/channel';
import { InputError } from '../lib/core/errors';
import { groupNotifications } from '../lib/core/grouping/group-notifications';
import type { Notification } from '../lib/core/notification';
import { loadDeadLetterConfig } from '../lib/dead-letter-config';
import { readBatch, sendLetters } from './batch-parts';
import { isPermanentFailure } from './delivery-failure';
import { once } from './once';
import { isQueueEvent } from './queue-input';

/** What a queue-fed function needs from the outside; each has a real default. */
export interface QueueBatchDeps {
  env?: Env;
  /** Epoch ms clock. */
  now?: Clock;
  /** DynamoDB client of the dedupe store, used only when DEDUPE_TABLE is set. */
  dynamodb?: () => DynamoDBClient;
  /** Makes the sender of the function's dead-letter queue (tests pass a fake); default SQS SendMessage. */
  deadLetterSender?: typeof createDeadLetterSender;
}

/**
 * Silence checks running at once for one batch (each may read the silenced-alarm mark of an alarm):
 * enough that a 100-record batch is checked in a few round trips, few enough not to crowd the table.
 */
const SILENCE_CHECKS_AT_ONCE = 10;

/**
 * The notifications no stored silence mutes (each muted one is logged by the check, with its
 * silence id). The first is checked alone, so the silences are read once and cached for the rest.
 */
async function unsilenced(
  notifications: readonly Notification[],
  check: SilenceCheck,
  deadline: number,
): Promise<Notification[]> {
  const [first, ...rest] = notifications;
  if (first === undefined) return [];
  const verdicts = [
    await check(first, deadline),
    ...(await settleBounded(rest, SILENCE_CHECKS_AT_ONCE, (n) => check(n, deadline))).map((r) =>
      // The check never throws for the store; should anything else fail, deliver rather than drop.
      r.status === 'fulfilled' ? r.value : undefined,
    ),
  ];
  return notifications.filter((_, i) => verdicts[i] === undefined);
}

/** Sends one message; throws DeliveryError (`retryable` or not) when it was not taken. */
export type SendMessage<Message> = (message: Message) => Promise<void>;

/**
 * What a queue-fed function delivers and how: a renderer of notifications and of groups (a channel,
 * or the email publish), its settings, its dedupe key prefix, and how to send within a deadline.
 */
export interface QueueBatchDelivery<Config extends NotifierConfig, Message> {
  readonly renderer: Pick<Channel<Message>, 'id' | 'render' | 'renderGroup' | 'groupLimit'>;
  /** Reads and checks the settings once per container. @throws ConfigError naming the variable. */
  readonly loadConfig: (env: Env) => Config;
  /** Dedupe keys of this delivery start with this (`slack:`, `email:`). */
  readonly keyPrefix: string;
  /** Prepares one invocation's sending (e.g. reads the webhook URL) bounded by `deadline` (epoch ms). */
  readonly connect: (config: Config, deadline: number) => Promise<SendMessage<Message>>;
}

/**
 * The partial batch response: the messages to receive again (after the visibility timeout); every
 * other message of the batch is deleted from the queue.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting
 */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * Builds a Lambda fed by an SQS queue (the notifications topic → queue → this function, at most
 * two at a time): the pacing and grouping half of delivery. A batch's notifications are
 * claimed (deliver-once, with a lease), grouped ({@link groupNotifications}: one message per
 * category, severity, account and region, a lone one as itself) and posted one message after the
 * other within the invocation's time (a webhook's Retry-After honoured by its sender); after a
 * transient failure the batch's other groups are not tried. What could not be posted in time, or
 * was held by another attempt, is returned in `batchItemFailures` and comes back after
 * the visibility timeout (the queue's redrive policy dead-letters a message after
 * `maxReceiveCount` receives); what failed for good (a 4xx, an unreadable message) goes to the
 * dead-letter queue at once with the reason. With DEDUPE_TABLE set, the stored silences
 * (`notifier silence add`) apply first: a silenced notification is logged with its silence id and
 * its record is done (see {@link createSilenceCheck}); when they cannot be read, it is delivered.
 * @example export const handler = createQueueBatchHandler({ renderer, loadConfig, keyPrefix: 'email:', connect });
 */
export function createQueueBatchHandler<Config extends NotifierConfig, Message>(
  delivery: QueueBatchDelivery<Config, Message>,
  deps: QueueBatchDeps = {},
) {
  const now = deps.now ?? Date.now;
  const env = deps.env ?? process.env;
  const config = once(() => delivery.loadConfig(env));
  const dynamodb = once(deps.dynamodb ?? (() => new DynamoDBClient(sdkClientConfig())));
  const store = once(() => dedupeStoreFor(config(), dynamodb, { now, keyPrefix: delivery.keyPrefix }));
  // No table (local runs): no stored silences either.
  const silenceCheck = once(() => {
    const tableName = config().dedupe?.tableName;
    if (tableName === undefined) return undefined;
    const silences = createSilenceStore(dynamodb(), { tableName, now });
    return createSilenceCheck({ store: silences, markPrefix: delivery.keyPrefix, now });
  });
  const deadLetters = once(() => {
    const queue = loadDeadLetterConfig(env);
    return queue && (deps.deadLetterSender ?? createDeadLetterSender)(queue);
  });
  const channel = delivery.renderer;

  return async function queueBatchHandler(event: unknown, context?: Context): Promise<BatchResponse> {
    if (!isQueueEvent(event)) throw new InputError('expected an SQS event (Records from aws:sqs)');
    const deadline = invocationDeadline(context, now());
    const send = await delivery.connect(config(), deadline);
    const retry = new Set<string>();
    const batch = await readBatch(event.Records, config(), new Date(now()));
    const { recordsOf: recordsOfKeys, letters } = batch;
    const check = silenceCheck();
    const notifications = check ? await unsilenced(batch.notifications, check, deadline) : batch.notifications;
    const retryKeys = (keys: readonly string[]) => {
      for (const r of recordsOfKeys(keys)) retry.add(r.messageId);
    };

    const claims = await claimKeys(
      store(),
      notifications.map((n) => n.dedupeKey),
      { deadline, now },
    );
    retryKeys(claims.inFlight);

    const fresh = notifications.filter((n) => claims.held.has(n.dedupeKey));
    let posted = 0;
    let unavailable = false;
    for (const group of groupNotifications(fresh, { maxMembers: channel.groupLimit })) {
      const keys = group.members.map((n) => n.dedupeKey);
      const facts = { channel: channel.id, group: group.key, notifications: keys.length };
      if (unavailable) {
        // The destination just failed for now (rate limit beyond our time, 5xx, no time left): the
        // rest waits for a later invocation instead of adding requests it would refuse too.
        await settleKeys(store(), claims.held, keys, false);
        retryKeys(keys);
        continue;
      }
      try {
        await send(renderGrouped(channel, group));
        await settleKeys(store(), claims.held, keys, true);
        posted += 1;
        logger.info('message posted', { ...facts, dedupeKeys: keys.slice(0, 3) });
      } catch (error) {
        await settleKeys(store(), claims.held, keys, false);
        logger.error('message not posted', { ...facts, error });
        if (isPermanentFailure(error)) letters.push({ records: recordsOfKeys(keys), error });
        else {
          retryKeys(keys);
          unavailable = true;
        }
      }
    }

    await sendLetters(letters, deadLetters(), context, new Date(now()), retry);
    logger.info('batch done', {
      records: event.Records.length,
      notifications: fresh.length,
      posted,
      retry: retry.size,
    });
    return { batchItemFailures: [...retry].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
