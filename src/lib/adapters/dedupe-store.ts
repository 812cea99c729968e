import { createHash } from 'node:crypto';
import { DeleteItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DedupeConfig } from '../config';
import { describeAwsError } from './aws-errors';
import { logger } from './logger';
import { withTimeout } from './timeout';

/**
 * Longest wait for the table before delivering anyway: a slow store must not hold a notification back.
 * A conditional PutItem normally answers in milliseconds.
 */
export const DEDUPE_TIMEOUT_MS = 1_000;

/**
 * Largest partition key value DynamoDB accepts, in UTF-8 bytes.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys
 */
export const MAX_PARTITION_KEY_BYTES = 2048;

/** The DynamoDB error of a failed `ConditionExpression`: the key was claimed before. */
const CONDITIONAL_CHECK_FAILED = 'ConditionalCheckFailedException';

/**
 * New key, or one whose time is up: TTL deletes expired items only eventually (typically within a
 * few days), so an expired item still in the table must not count.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
 */
const CLAIM_CONDITION = 'attribute_not_exists(pk) OR expiresAt <= :now';

/** The rule a notification delivered before is ignored by, in the handlers' "input ignored" logs. */
export const DUPLICATE_RULE = 'duplicate';

/** What {@link DedupeStore.claim} answers: deliver (`first`) or skip (`duplicate`). */
export type ClaimResult = 'first' | 'duplicate';

/** Remembers which notifications were delivered, so a repeated event is delivered once. */
export interface DedupeStore {
  /** Records `key`; `duplicate` only when it was recorded before and has not expired. Never throws. */
  claim(key: string): Promise<ClaimResult>;
  /** Forgets `key` (after a failed delivery, so a retry can deliver). Never throws. */
  release(key: string): Promise<void>;
}

/** Options of {@link createDedupeStore}. */
export interface DedupeStoreOptions {
  readonly tableName: string;
  /** How long a key is remembered; the table's TTL attribute `expiresAt` is now + this. */
  readonly ttlSeconds: number;
  /** Budget of each call; default {@link DEDUPE_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Epoch ms clock. */
  readonly now?: () => number;
}

/**
 * The stored form of a key: the key itself when it fits {@link MAX_PARTITION_KEY_BYTES}; else its
 * readable beginning and the SHA-256 of the whole key, so two long keys never collide.
 * @example storedKey('alarm:123456789012:us-east-1:cpu:ALARM:2024-01-01T00:00:00.000Z') // unchanged
 */
export function storedKey(key: string): string {
  if (Buffer.byteLength(key, 'utf8') <= MAX_PARTITION_KEY_BYTES) return key;
  const suffix = `#sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
  let prefix = '';
  let bytes = 0;
  for (const char of key) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > MAX_PARTITION_KEY_BYTES - suffix.length) break;
    prefix += char;
    bytes += size;
  }
  return `${prefix}${suffix}`;
}

const isConditionFailed = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === CONDITIONAL_CHECK_FAILED;

/**
 * A {@link DedupeStore} on a DynamoDB table with string partition key `pk` and TTL on `expiresAt`
 * (epoch seconds). `claim` is a conditional PutItem (`attribute_not_exists(pk)`, or the stored key
 * expired), atomic across concurrent invocations. The store never blocks or loses a notification: any error other than the
 * failed condition, or no answer within the timeout, is logged as a warning and answered `first`.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 * @example
 * const store = createDedupeStore(new DynamoDBClient({}), { tableName, ttlSeconds: 172_800 });
 * if ((await store.claim(n.dedupeKey)) === 'first') await deliver(n);
 */
export function createDedupeStore(client: DynamoDBClient, options: DedupeStoreOptions): DedupeStore {
  const { tableName, ttlSeconds } = options;
  const timeoutMs = options.timeoutMs ?? DEDUPE_TIMEOUT_MS;
  const now = options.now ?? Date.now;

  async function claim(key: string): Promise<ClaimResult> {
    const nowSeconds = Math.floor(now() / 1000);
    try {
      await withTimeout(timeoutMs, (abortSignal) =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { pk: { S: storedKey(key) }, expiresAt: { N: String(nowSeconds + ttlSeconds) } },
            ConditionExpression: CLAIM_CONDITION,
            ExpressionAttributeValues: { ':now': { N: String(nowSeconds) } },
          }),
          { abortSignal },
        ),
      );
      return 'first';
    } catch (error) {
      if (isConditionFailed(error)) return 'duplicate';
      logger.warn('dedupe store unavailable, delivering anyway', {
        dedupeKey: key,
        table: tableName,
        error: describeAwsError(error),
      });
      return 'first';
    }
  }

  async function release(key: string): Promise<void> {
    try {
      await withTimeout(timeoutMs, (abortSignal) =>
        client.send(new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: storedKey(key) } } }), {
          abortSignal,
        }),
      );
    } catch (error) {
      logger.warn('dedupe key not released, a retry may be taken for a duplicate', {
        dedupeKey: key,
        table: tableName,
        error: describeAwsError(error),
      });
    }
  }

  return { claim, release };
}

/**
 * The handlers' store: none when DEDUPE_TABLE is not set (local runs, tests), else one on `client`
 * (default: a DynamoDB client of the function's region). Call once per container.
 * @example const store = dedupeStoreFor(loadAlarmConfig()); await store?.claim(n.dedupeKey);
 */
export function dedupeStoreFor(
  config: { readonly dedupe?: DedupeConfig },
  client: () => DynamoDBClient = () => new DynamoDBClient({}),
  now?: () => number,
): DedupeStore | undefined {
  if (!config.dedupe) return undefined;
  return createDedupeStore(client(), { ...config.dedupe, ...(now ? { now } : {}) });
}
