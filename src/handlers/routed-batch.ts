import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { claimKeys, settleKeys } from '../lib/adapters/claim-keys';
import { createDeadLetterSender } from '../lib/adapters/dead-letter-queue';
import { invocationDeadline } from '../lib/adapters/deadline';
import { dedupeStoreFor } from '../lib/adapters/dedupe-store';
import {
  groupLimitOf,
  type SendContext,
  sendToDestination,
  topicArnResolver,
} from '../lib/adapters/destination-senders';
import { DeliveryError } from '../lib/adapters/errors';
import { logger } from '../lib/adapters/logger';
import { createRouter } from '../lib/adapters/router';
import { loadRouting } from '../lib/adapters/routes-file';
import { sdkClientConfig } from '../lib/adapters/sdk-client';
import { createSilenceStore } from '../lib/adapters/silence-store';
import { threadFollowUps } from '../lib/adapters/slack-thread-follow';
import { createSlackThreadStore } from '../lib/adapters/slack-thread-store';
import type { ParameterReader } from '../lib/adapters/webhook-url';
import { loadConfig, loadRoutingConfig } from '../lib/config';
import { alarmIncident } from '../lib/core/alarm-incident';
import { InputError } from '../lib/core/errors';
import { groupNotifications } from '../lib/core/grouping/group-notifications';
import type { Notification } from '../lib/core/notification';
import { DEFAULT_DESTINATIONS, type Delivery, OWN_NOTIFICATIONS_TOPIC, type Routing } from '../lib/core/routing';
import { loadDeadLetterConfig } from '../lib/dead-letter-config';
import { readBatch, sendLetters } from './batch-parts';
import { isPermanentFailure } from './delivery-failure';
import { once } from './once';
import type { BatchResponse, QueueBatchDeps } from './queue-batch';
import { isQueueEvent } from './queue-input';

/** Attempts per message behind the queue: as the single-webhook path (channel-queue.ts), the deadline bounds it. */
const QUEUE_MAX_ATTEMPTS = 20;

/** What the routed delivery needs from the outside; each has a real default. */
export interface RoutedBatchDeps extends QueueBatchDeps {
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  /** Reads destination secrets; default Powertools' cached SSM reader. */
  readParameter?: ParameterReader;
  /** The Slack Web API base URL; tests point it at a local stub. */
  slackApiBaseUrl?: string;
  /** SNS client of email destinations. */
  sns?: () => SNSClient;
}

/**
 * Dedupe keys per destination: the default Slack destination keeps `slack:` (the single-webhook
 * function's keys, so a stack switching to a routing file does not post twice), others `dest:<name>:`.
 */
const keyPrefixOf = (destination: string) =>
  destination === DEFAULT_DESTINATIONS.slack ? 'slack:' : `dest:${destination}:`;

/** The stack's own email path (the email queue and function) already has every notification. */
const isOwnEmail = (d: Delivery) => d.config.type === 'email' && d.config.topic === OWN_NOTIFICATIONS_TOPIC;

/** One notification bound for one destination, under its own dedupe key. */
interface Item {
  readonly key: string;
  readonly n: Notification;
  readonly delivery: Delivery;
}

/**
 * The delivery function with a routing file (README "Routing"): each notification of an SQS batch
 * is routed (`router.decide`: a silenced one is logged with its silence id and settled as done),
 * then delivered to each of its destinations. Deliver-once holds per destination key, so a
 * destination failing for now retries the record for that destination only, the others being
 * settled; a destination failing for good dead-letters the record with the destination named.
 * An alarm's OK also goes to every Slack app destination holding its ALARM's open thread
 * ({@link threadFollowUps}), so the ALARM message resolves even when no route sends OKs there.
 * Per destination, notifications are grouped with that channel's limit.
 * @example export const handler = createRoutedBatchHandler();
 */
export function createRoutedBatchHandler(deps: RoutedBatchDeps = {}) {
  const now = deps.now ?? Date.now;
  const env = deps.env ?? process.env;
  const config = once(() => loadConfig(env));
  const dynamodb = once(deps.dynamodb ?? (() => new DynamoDBClient(sdkClientConfig())));
  const sns = once(deps.sns ?? (() => new SNSClient(sdkClientConfig())));
  const store = once(() => dedupeStoreFor(config(), dynamodb, { now }));
  const table = () => config().dedupe?.tableName;
  const routing = once(
    (): Promise<Routing> => loadRouting(loadRoutingConfig(env).routesFile, env.SLACK_WEBHOOK_PARAMETER ?? ''),
  );
  const router = once(async () => {
    const tableName = table();
    const silences = tableName ? createSilenceStore(dynamodb(), { tableName, now }) : undefined;
    return createRouter({ routing: await routing(), now, ...(silences ? { store: silences } : {}) });
  });
  const threads = once(() => {
    const tableName = table();
    return tableName ? createSlackThreadStore(dynamodb(), { tableName, now }) : undefined;
  });
  const deadLetters = once(() => {
    const queue = loadDeadLetterConfig(env);
    return queue && (deps.deadLetterSender ?? createDeadLetterSender)(queue);
  });

  return async function routedBatchHandler(event: unknown, context?: Context): Promise<BatchResponse> {
    if (!isQueueEvent(event)) throw new InputError('expected an SQS event (Records from aws:sqs)');
    const deadline = invocationDeadline(context, now());
    const decide = (await router()).decide;
    const destinations = (await routing()).file.destinations;
    const retry = new Set<string>();
    const batch = await readBatch(event.Records, config(), new Date(now()));
    const { letters } = batch;

    const items: Item[] = [];
    /** Slack app destinations each alarm's ALARM goes to in this batch, by alarm identity. */
    const startedNow = new Map<string, Set<string>>();
    for (const n of batch.notifications) {
      const decision = await decide(n, deadline);
      if (decision.kind === 'silenced') continue;
      const incident = alarmIncident(n);
      // An alarm's OK also follows its ALARM into each Slack app thread the routes did not send it to.
      const follows = await threadFollowUps(
        n,
        decision.deliveries,
        destinations,
        threads(),
        incident && startedNow.get(incident.key),
      );
      if (incident?.state === 'ALARM' && !incident.flapping) {
        const apps = decision.deliveries.filter((d) => d.config.type === 'slack-app').map((d) => d.destination);
        startedNow.set(incident.key, new Set([...(startedNow.get(incident.key) ?? []), ...apps]));
      }
      for (const delivery of [...decision.deliveries, ...follows])
        if (!isOwnEmail(delivery))
          items.push({ key: `${keyPrefixOf(delivery.destination)}${n.dedupeKey}`, n, delivery });
    }
    const itemOf = new Map(items.map((i) => [i.key, i]));
    const recordsOf = (keys: readonly string[]) => batch.recordsOf(keys.map((k) => itemOf.get(k)?.n.dedupeKey ?? k));
    const retryKeys = (keys: readonly string[]) => {
      for (const r of recordsOf(keys)) retry.add(r.messageId);
    };

    const claims = await claimKeys(
      store(),
      items.map((i) => i.key),
      { deadline, now },
    );
    retryKeys(claims.inFlight);

    const send: SendContext = {
      deadline,
      now,
      fetchImpl: deps.fetchImpl,
      sleep: deps.sleep,
      maxAttempts: deps.maxAttempts ?? QUEUE_MAX_ATTEMPTS,
      readParameter: deps.readParameter,
      slackApiBaseUrl: deps.slackApiBaseUrl,
      threads: threads(),
      sns,
      topicArn: topicArnResolver(context?.invokedFunctionArn),
    };
    const byDestination = new Map<string, Item[]>();
    for (const item of items.filter((i) => claims.held.has(i.key)))
      byDestination.set(item.delivery.destination, [...(byDestination.get(item.delivery.destination) ?? []), item]);

    let posted = 0;
    for (const [name, held] of byDestination) {
      const destination = (held[0] as Item).delivery.config;
      const deliveryOf = new Map(held.map((i) => [i.n.dedupeKey, i.delivery]));
      const keyOf = (n: Notification) => `${keyPrefixOf(name)}${n.dedupeKey}`;
      let unavailable = false;
      for (const group of groupNotifications(
        held.map((i) => i.n),
        { maxMembers: groupLimitOf[destination.type] },
      )) {
        const keys = group.members.map(keyOf);
        const facts = { destination: name, type: destination.type, group: group.key, notifications: keys.length };
        if (unavailable) {
          // This destination just failed for now: its rest waits for a retry; other destinations go on.
          await settleKeys(store(), claims.held, keys, false);
          retryKeys(keys);
          continue;
        }
        try {
          await sendToDestination(name, destination, { group, deliveryOf: (n) => deliveryOf.get(n.dedupeKey)! }, send);
          await settleKeys(store(), claims.held, keys, true);
          posted += 1;
          logger.info('message posted', { ...facts, dedupeKeys: keys.slice(0, 3) });
        } catch (error) {
          await settleKeys(store(), claims.held, keys, false);
          logger.error('message not posted', { ...facts, error });
          if (isPermanentFailure(error)) {
            const named = new DeliveryError(`destination ${name} (${destination.type}): ${error.message}`, {
              retryable: false,
              cause: error,
            });
            letters.push({ records: recordsOf(keys), error: named });
          } else {
            retryKeys(keys);
            unavailable = true;
          }
        }
      }
    }

    await sendLetters(letters, deadLetters(), context, new Date(now()), retry);
    logger.info('batch done', {
      records: event.Records.length,
      notifications: batch.notifications.length,
      deliveries: items.length,
      posted,
      retry: retry.size,
    });
    return { batchItemFailures: [...retry].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
