import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  type DeniedBurstState,
  decideDeniedBurst,
  deniedBurstStateSchema,
  EMPTY_DENIED_BURST_STATE,
} from '../core/sources/cloudtrail/denied-burst';
import type { DeniedBurstOutcome, DeniedBurstRequest } from '../core/sources/cloudtrail/denied-burst-request';
import { describeAwsError } from './aws-errors';
import type { Clock } from './clock';
import { storedKey } from './dedupe-key';
import { logger } from './logger';
import { withTimeout } from './timeout';

/** Budget of each table call; a conditional write normally answers in milliseconds. */
export const BURST_STORE_TIMEOUT_MS = 1_000;

/**
 * Read-decide-write rounds before giving up when other invocations keep changing the same
 * principal's item (a burst is many concurrent invocations by definition).
 */
export const BURST_STORE_ATTEMPTS = 6;

/** How long a burst item outlives its window, so a retry a day later still finds its decision. */
const KEEP_AFTER_WINDOW_SECONDS = 86_400;

/** Options of {@link createDeniedBurstStore}. */
export interface DeniedBurstStoreOptions {
  /** The dedupe table (string partition key `pk`, TTL attribute `expiresAt`): one item per principal. */
  readonly tableName: string;
  readonly timeoutMs?: number;
  readonly now?: Clock;
}

const isConditionFailed = (error: unknown) =>
  (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';

/** The stored state, or an empty one when the item is absent or not ours to read (then overwritten). */
function stateOf(json: string | undefined): DeniedBurstState {
  if (json === undefined) return EMPTY_DENIED_BURST_STATE;
  try {
    const parsed = deniedBurstStateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_DENIED_BURST_STATE;
  } catch {
    return EMPTY_DENIED_BURST_STATE;
  }
}

/**
 * The `deniedBurst` enricher on DynamoDB: per principal, one item holding its burst state (JSON) and a
 * version. Each call reads the item (consistent read), decides with {@link decideDeniedBurst} and
 * writes it back on condition that the version is unchanged, trying again when another invocation
 * wrote first. It never throws: when the table cannot be used the answer is `unavailable` and the call
 * is told alone, so a refused call is never lost to a store outage.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 * @example const deniedBurst = createDeniedBurstStore(new DynamoDBClient({}), { tableName });
 */
export function createDeniedBurstStore(
  client: DynamoDBClient,
  options: DeniedBurstStoreOptions,
): (request: DeniedBurstRequest) => Promise<DeniedBurstOutcome> {
  const { tableName } = options;
  const timeoutMs = options.timeoutMs ?? BURST_STORE_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const send = <T>(call: (abortSignal: AbortSignal) => Promise<T>) => withTimeout(timeoutMs, call);

  async function attempt(request: DeniedBurstRequest): Promise<DeniedBurstOutcome | 'conflict'> {
    const pk = { S: storedKey(request.key) };
    const get = new GetItemCommand({ TableName: tableName, Key: { pk }, ConsistentRead: true });
    const { Item } = await send((abortSignal) => client.send(get, { abortSignal }));
    const version = Item?.version?.N;
    const previous = stateOf(Item?.burst?.S);
    const { state, decision } = decideDeniedBurst(previous, request.call, request.settings);
    if (state === previous) return decision; // a retried call: decided as before, nothing to write
    const keepSeconds = request.settings.windowMinutes * 60 + KEEP_AFTER_WINDOW_SECONDS;
    const put = new PutItemCommand({
      TableName: tableName,
      Item: {
        pk,
        burst: { S: JSON.stringify(state) },
        version: { N: String(Number(version ?? 0) + 1) },
        expiresAt: { N: String(Math.floor(now() / 1000) + keepSeconds) },
      },
      ...(version === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': { N: version } } }),
    });
    try {
      await send((abortSignal) => client.send(put, { abortSignal }));
      return decision;
    } catch (error) {
      if (isConditionFailed(error)) return 'conflict';
      throw error;
    }
  }

  return async function deniedBurst(request) {
    try {
      for (let i = 0; i < BURST_STORE_ATTEMPTS; i++) {
        const outcome = await attempt(request);
        if (outcome !== 'conflict') return outcome;
      }
      throw new Error(`the item kept changing during ${BURST_STORE_ATTEMPTS} attempts`);
    } catch (error) {
      const described = describeAwsError(error);
      logger.warn('access-denied burst not counted, the call is told alone', { table: tableName, error: described });
      return { kind: 'unavailable', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  };
}
