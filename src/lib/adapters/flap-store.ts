import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { FlappingConfig } from '../config';
import { decideFlap, type FlapRequest, type FlapThresholds } from '../core/flapping/decide';
import { EMPTY_FLAP_HISTORY, type FlapDecision, type FlapHistory, flapHistorySchema } from '../core/flapping/history';
import { describeAwsError, isRetryableAwsError } from './aws-errors';
import type { Clock } from './clock';
import { timeLeft } from './deadline';
import { storedKey } from './dedupe-key';
import { StoreError } from './errors';
import { logger } from './logger';
import { sdkClientConfig } from './sdk-client';
import { withTimeout } from './timeout';

/** Longest wait for one read or write of a history; both normally answer in milliseconds. */
export const FLAP_STORE_TIMEOUT_MS = 2_000;
/**
 * Read-decide-write rounds tried when other invocations update the same alarm's history at the
 * same moment (each round loses only to a write that happened, so a few always suffice).
 */
export const FLAP_STORE_MAX_ROUNDS = 5;
/**
 * How long an alarm's history outlives its last change: long enough that the first change after a
 * quiet night still says "stable again after flapping"; DynamoDB TTL then removes it.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
export const FLAP_HISTORY_TTL_SECONDS = 7 * 86_400;

/** Records alarm state changes and decides, per change, whether the alarm is flapping. */
export interface FlapStore {
  /**
   * Adds the change to its alarm's history and answers what it becomes; a change recorded before
   * gets the same answer. Bounded by `deadline` (epoch ms).
   * @throws StoreError when the history could not be read or written (the caller fails loudly).
   */
  record(change: FlapRequest, deadline: number): Promise<FlapDecision>;
}

/** Options of {@link createFlapStore}. */
export interface FlapStoreOptions {
  readonly tableName: string;
  readonly thresholds: FlapThresholds;
  /** Budget of each call, within the deadline; default {@link FLAP_STORE_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  readonly now?: Clock;
}

const isConditionFailed = (error: unknown) =>
  (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';

/** The stored history, or an empty one for a new alarm; an unreadable item starts afresh (and says so). */
function historyOf(item: Record<string, { S?: string; N?: string }> | undefined, key: string): FlapHistory {
  const text = item?.history?.S;
  if (text === undefined) return EMPTY_FLAP_HISTORY;
  try {
    return flapHistorySchema.parse(JSON.parse(text));
  } catch {
    logger.warn('flapping history unreadable, starting afresh', { flapKey: key });
    return EMPTY_FLAP_HISTORY;
  }
}

/**
 * A {@link FlapStore} on the dedupe table (string partition key `pk`, TTL on `expiresAt`): one
 * item per alarm, `pk` = `flap:<account>:<region>:<alarm>`, holding its recent changes as JSON
 * (`history`, at most MAX_FLAP_HISTORY entries) and a `version`. Each change is a consistent
 * GetItem, the pure {@link decideFlap}, and a PutItem on condition that the version is unchanged
 * (optimistic concurrency: concurrent invocations for one alarm each see the other's change).
 * Unlike the dedupe store it never answers "notify" when the table fails: a wrong guess would
 * mute or double a change, so it throws and the invocation is retried, then dead-lettered.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 * @example const decision = await createFlapStore(client, { tableName, thresholds }).record(change, deadline);
 */
export function createFlapStore(client: DynamoDBClient, options: FlapStoreOptions): FlapStore {
  const { tableName, thresholds } = options;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? FLAP_STORE_TIMEOUT_MS;

  async function call<T>(deadline: number, what: string, key: string, send: (s: AbortSignal) => Promise<T>) {
    const budget = Math.min(timeoutMs, timeLeft(deadline, now()));
    try {
      if (budget <= 0) throw new Error('no time left before the invocation deadline');
      return await withTimeout(budget, send);
    } catch (error) {
      if (isConditionFailed(error)) throw error;
      throw new StoreError(`flapping history of "${key.slice(0, 200)}" not ${what}: ${describeAwsError(error)}`, {
        retryable: isRetryableAwsError(error),
        cause: error,
      });
    }
  }

  async function record(change: FlapRequest, deadline: number): Promise<FlapDecision> {
    const pk = { S: storedKey(change.key) };
    for (let round = 1; ; round++) {
      const get = new GetItemCommand({ TableName: tableName, Key: { pk }, ConsistentRead: true });
      const { Item } = await call(deadline, 'read', change.key, (abortSignal) => client.send(get, { abortSignal }));
      const version = Item?.version?.N;
      const outcome = decideFlap(historyOf(Item, change.key), change, thresholds);
      if (!outcome.changed) return outcome.decision;
      const put = new PutItemCommand({
        TableName: tableName,
        Item: {
          pk,
          history: { S: JSON.stringify(outcome.history) },
          version: { N: String(Number(version ?? 0) + 1) },
          expiresAt: { N: String(Math.floor(now() / 1000) + FLAP_HISTORY_TTL_SECONDS) },
        },
        ...(version === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: { ':version': { N: version } },
            }),
      });
      try {
        await call(deadline, 'written', change.key, (abortSignal) => client.send(put, { abortSignal }));
        return outcome.decision;
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        if (round >= FLAP_STORE_MAX_ROUNDS) {
          throw new StoreError(`flapping history of "${change.key.slice(0, 200)}" changed under ${round} writes`, {
            retryable: true,
            cause: error,
          });
        }
      }
    }
  }

  return { record };
}

/**
 * The alarm function's store: none when flapping is off (threshold 0) or there is no table
 * (DEDUPE_TABLE unset: local runs, tests), else one on `client` (default: a DynamoDB client of the
 * function's region, with timeouts). Call once per container.
 * @example const store = flapStoreFor(loadPublishConfig());
 */
export function flapStoreFor(
  config: { readonly dedupe?: { readonly tableName: string }; readonly flapping: FlappingConfig },
  client: () => DynamoDBClient = () => new DynamoDBClient(sdkClientConfig()),
  options: Pick<FlapStoreOptions, 'now'> = {},
): FlapStore | undefined {
  if (!config.dedupe || config.flapping.threshold <= 0) return undefined;
  return createFlapStore(client(), { tableName: config.dedupe.tableName, thresholds: config.flapping, ...options });
}
