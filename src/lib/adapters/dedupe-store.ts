import { randomUUID } from 'node:crypto';
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DedupeConfig } from '../config';
import { describeAwsError } from './aws-errors';
import type { Clock } from './clock';
import { storedKey } from './dedupe-key';
import { logger } from './logger';
import { sdkClientConfig } from './sdk-client';
import { withTimeout } from './timeout';

/**
 * Longest wait for the table before delivering anyway: a slow store must not hold a notification back.
 * A conditional PutItem normally answers in milliseconds.
 */
export const DEDUPE_TIMEOUT_MS = 1_000;

/**
 * A key can be claimed when it is new, when its time is up (TTL deletes expired items only
 * eventually, so an expired item still in the table must not count), or when it is held in flight
 * by a lease that has run out (its holder was killed mid-delivery).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
 */
const CLAIM_CONDITION =
  'attribute_not_exists(pk) OR expiresAt <= :nowSeconds OR (#state = :inflight AND leaseUntil < :nowMs)';

/**
 * What {@link DedupeStore.claim} found: the caller now holds the key (`lease` absent when the
 * store could not be used: deliver anyway); it was delivered before; or another attempt holds it.
 */
export type Claim =
  | { readonly state: 'claimed'; readonly lease?: string }
  | { readonly state: 'delivered' }
  | { readonly state: 'in-flight'; readonly leaseUntil?: number };

/** Remembers which notifications were delivered, and which are being delivered, by key. */
export interface DedupeStore {
  /** Holds `key` for `leaseMs` unless it was delivered or another live lease holds it. Never throws. */
  claim(key: string, leaseMs: number): Promise<Claim>;
  /** Records `key` as delivered for the TTL. Never throws. */
  complete(key: string): Promise<void>;
  /** Gives `key` back after a failed delivery, if `lease` still holds it. Never throws. */
  release(key: string, lease: string): Promise<void>;
}

/** Options of {@link createDedupeStore}. */
export interface DedupeStoreOptions {
  readonly tableName: string;
  /** How long a delivered key is remembered; the table's TTL attribute `expiresAt` is now + this. */
  readonly ttlSeconds: number;
  /** Put before every key, so two deliveries of one notification (SNS, Slack) keep apart. */
  readonly keyPrefix?: string;
  /** Budget of each call; default {@link DEDUPE_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Epoch ms clock. */
  readonly now?: Clock;
}

const isConditionFailed = (error: unknown) =>
  (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';

/**
 * A {@link DedupeStore} on a DynamoDB table with string partition key `pk` and TTL on `expiresAt`
 * (epoch seconds). An item is `inflight` (with `leaseUntil`, epoch ms, and its holder's `lease`)
 * or `delivered`. `claim` is a conditional PutItem, atomic across concurrent invocations; when it
 * fails, a consistent GetItem says which state holds the key. The store never blocks or loses a
 * notification: an unusable table (denied, down, no answer within the timeout) is logged as a
 * warning and the claim answered `claimed`.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 * @example
 * const store = createDedupeStore(new DynamoDBClient({}), { tableName, ttlSeconds: 172_800 });
 * const claim = await store.claim(n.dedupeKey, 30_000);
 */
export function createDedupeStore(client: DynamoDBClient, options: DedupeStoreOptions): DedupeStore {
  const { tableName, ttlSeconds } = options;
  const timeoutMs = options.timeoutMs ?? DEDUPE_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const pk = (key: string) => ({ S: storedKey(`${options.keyPrefix ?? ''}${key}`) });
  const bounded = <T>(call: (abortSignal: AbortSignal) => Promise<T>) => withTimeout(timeoutMs, call);
  const warn = (message: string, key: string, error: unknown) =>
    logger.warn(message, { dedupeKey: key, table: tableName, error: describeAwsError(error) });
  const expiresAt = () => ({ N: String(Math.floor(now() / 1000) + ttlSeconds) });

  async function holder(key: string): Promise<Claim> {
    try {
      const command = new GetItemCommand({ TableName: tableName, Key: { pk: pk(key) }, ConsistentRead: true });
      const { Item } = await bounded((abortSignal) => client.send(command, { abortSignal }));
      if (Item === undefined) return { state: 'in-flight' }; // released or taken just now: look again later
      if (Item.state?.S !== 'inflight') return { state: 'delivered' };
      const leaseUntil = Number(Item.leaseUntil?.N);
      return Number.isFinite(leaseUntil) ? { state: 'in-flight', leaseUntil } : { state: 'in-flight' };
    } catch (error) {
      warn('dedupe key state unknown, delivery deferred to a retry', key, error);
      return { state: 'in-flight' };
    }
  }

  async function claim(key: string, leaseMs: number): Promise<Claim> {
    const nowMs = now();
    const lease = randomUUID();
    const item = { pk: pk(key), state: { S: 'inflight' }, lease: { S: lease }, expiresAt: expiresAt() };
    const command = new PutItemCommand({
      TableName: tableName,
      Item: { ...item, leaseUntil: { N: String(nowMs + leaseMs) } },
      ConditionExpression: CLAIM_CONDITION,
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':nowSeconds': { N: String(Math.floor(nowMs / 1000)) },
        ':nowMs': { N: String(nowMs) },
        ':inflight': { S: 'inflight' },
      },
    });
    try {
      await bounded((abortSignal) => client.send(command, { abortSignal }));
      return { state: 'claimed', lease };
    } catch (error) {
      if (isConditionFailed(error)) return holder(key);
      warn('dedupe store unavailable, delivering anyway', key, error);
      return { state: 'claimed' };
    }
  }

  async function complete(key: string): Promise<void> {
    const item = { pk: pk(key), state: { S: 'delivered' }, expiresAt: expiresAt() };
    const command = new PutItemCommand({ TableName: tableName, Item: item });
    await bounded((abortSignal) => client.send(command, { abortSignal })).catch((error: unknown) =>
      warn('dedupe key not marked delivered, a copy after its lease may be delivered again', key, error),
    );
  }

  async function release(key: string, lease: string): Promise<void> {
    const command = new DeleteItemCommand({
      TableName: tableName,
      Key: { pk: pk(key) },
      ConditionExpression: '#lease = :lease',
      ExpressionAttributeNames: { '#lease': 'lease' },
      ExpressionAttributeValues: { ':lease': { S: lease } },
    });
    await bounded((abortSignal) => client.send(command, { abortSignal })).catch((error: unknown) => {
      // Another attempt holds the key now (our lease ran out): it is theirs to complete or release.
      if (!isConditionFailed(error)) warn('dedupe key not released, a retry waits for its lease to end', key, error);
    });
  }

  return { claim, complete, release };
}

/**
 * The handlers' store: none when DEDUPE_TABLE is not set (local runs, tests), else one on `client`
 * (default: a DynamoDB client of the function's region, with timeouts). Call once per container.
 * @example const store = dedupeStoreFor(loadPublishConfig());
 */
export function dedupeStoreFor(
  config: { readonly dedupe?: DedupeConfig },
  client: () => DynamoDBClient = () => new DynamoDBClient(sdkClientConfig()),
  options: Pick<DedupeStoreOptions, 'now' | 'keyPrefix'> = {},
): DedupeStore | undefined {
  if (!config.dedupe) return undefined;
  return createDedupeStore(client(), { ...config.dedupe, ...options });
}
