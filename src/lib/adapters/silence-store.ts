import {
  BatchGetItemCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { ConfigError } from '../core/errors';
import { type Silence, silenceSchema } from '../core/routing';
import { describeAwsError, isRetryableAwsError } from './aws-errors';
import type { Clock } from './clock';
import { timeLeft } from './deadline';
import { storedKey } from './dedupe-key';
import { StoreError } from './errors';
import { withTimeout } from './timeout';

/** Longest wait for one call; a GetItem answers in milliseconds, and delivery must not wait long. */
export const SILENCE_STORE_TIMEOUT_MS = 1_500;
/**
 * Most silences at once: one BatchGetItem reads at most 100 items, so every active silence is read
 * in one round.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
 */
export const MAX_SILENCES = 100;
/**
 * How long "this alarm's ALARM was silenced" is remembered: an OK later than this is sent (a week
 * in ALARM is news again). DynamoDB TTL removes the item afterwards.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
export const SILENCED_ALARM_TTL_SECONDS = 7 * 86_400;
/** The item listing every silence id (a string set), so reading silences needs no Scan of the table. */
export const SILENCE_INDEX_KEY = 'silence-index';
/** Each silence's item: `silence:<id>`, expiring (TTL `expiresAt`) at the silence's end. */
export const silenceKey = (id: string) => `silence:${id}`;

/**
 * Silences set with `notifier silence add`, kept in the dedupe table (string key `pk`, TTL on
 * `expiresAt`): one item `silence:<id>` holding the silence as JSON and expiring at its end, and the
 * index item {@link SILENCE_INDEX_KEY} holding the set of ids. Also remembers which alarms had an
 * ALARM silenced (`silenced-alarm:<account>:<region>:<name>`), so the OK ending it is suppressed too.
 * Every call is bounded by the deadline (epoch ms) and {@link SILENCE_STORE_TIMEOUT_MS}.
 */
export interface SilenceStore {
  /** Stores a new silence. @throws ConfigError when the id is taken or {@link MAX_SILENCES} exist; StoreError */
  add(silence: Silence, deadline: number): Promise<void>;
  /** Every stored silence that has not ended, by start time; forgets ids whose items expired. @throws StoreError */
  list(deadline: number): Promise<Silence[]>;
  /** Removes a silence; false when there was none with that id. @throws StoreError */
  remove(id: string, deadline: number): Promise<boolean>;
  /** The id of the silence that muted this alarm's last ALARM, if one did. @throws StoreError */
  silencedAlarm(key: string, deadline: number): Promise<string | undefined>;
  /** Remembers (until {@link SILENCED_ALARM_TTL_SECONDS}) or forgets that an alarm's ALARM was silenced. @throws StoreError */
  markAlarm(key: string, silenceId: string | undefined, deadline: number): Promise<void>;
}

/** Options of {@link createSilenceStore}. */
export interface SilenceStoreOptions {
  readonly tableName: string;
  readonly timeoutMs?: number;
  readonly now?: Clock;
}

type Item = Record<string, { S?: string; N?: string; SS?: string[] }>;

const isConditionFailed = (error: unknown) =>
  (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';

/** The silence an item holds, or undefined when it is unreadable (written by a later version, or by hand). */
function silenceOf(item: Item | undefined): Silence | undefined {
  const text = item?.silence?.S;
  if (text === undefined) return undefined;
  try {
    const parsed = silenceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A {@link SilenceStore} on the dedupe table through `client`.
 * @example await createSilenceStore(client, { tableName: 'notifier-prod-dedupe' }).list(Date.now() + 5000);
 */
export function createSilenceStore(client: DynamoDBClient, options: SilenceStoreOptions): SilenceStore {
  const { tableName } = options;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? SILENCE_STORE_TIMEOUT_MS;

  async function call<T>(deadline: number, what: string, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const budget = Math.min(timeoutMs, timeLeft(deadline, now()));
    try {
      if (budget <= 0) throw new Error('no time left before the deadline');
      return await withTimeout(budget, send);
    } catch (error) {
      if (isConditionFailed(error)) throw error;
      throw new StoreError(`silences: ${what} failed: ${describeAwsError(error)}`, {
        retryable: isRetryableAwsError(error),
        cause: error,
      });
    }
  }

  async function ids(deadline: number): Promise<string[]> {
    const get = new GetItemCommand({
      TableName: tableName,
      Key: { pk: { S: SILENCE_INDEX_KEY } },
      ConsistentRead: true,
    });
    const { Item } = await call(deadline, 'reading the index', (abortSignal) => client.send(get, { abortSignal }));
    return Item?.ids?.SS ?? [];
  }

  async function changeIndex(action: 'ADD' | 'DELETE', id: readonly string[], deadline: number) {
    const update = new UpdateItemCommand({
      TableName: tableName,
      Key: { pk: { S: SILENCE_INDEX_KEY } },
      UpdateExpression: `${action} ids :ids`,
      ExpressionAttributeValues: { ':ids': { SS: [...id] } },
    });
    await call(deadline, 'updating the index', (abortSignal) => client.send(update, { abortSignal }));
  }

  async function add(silence: Silence, deadline: number) {
    const known = await ids(deadline);
    if (known.length >= MAX_SILENCES) {
      throw new ConfigError(
        `silence: ${MAX_SILENCES} silences exist already; remove some first (notifier silence list)`,
      );
    }
    const put = new PutItemCommand({
      TableName: tableName,
      Item: {
        pk: { S: silenceKey(silence.id) },
        silence: { S: JSON.stringify(silence) },
        expiresAt: { N: String(Math.ceil(Date.parse(silence.end) / 1000)) },
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    try {
      await call(deadline, `storing "${silence.id}"`, (abortSignal) => client.send(put, { abortSignal }));
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      throw new ConfigError(`silence: "${silence.id}" exists already; remove it first or choose another --id`, {
        cause: error,
      });
    }
    await changeIndex('ADD', [silence.id], deadline);
  }

  async function list(deadline: number): Promise<Silence[]> {
    const known = await ids(deadline);
    if (known.length === 0) return [];
    const keys = known.slice(0, MAX_SILENCES).map((id) => ({ pk: { S: silenceKey(id) } }));
    let request: Record<string, { Keys: typeof keys; ConsistentRead: boolean }> = {
      [tableName]: { Keys: keys, ConsistentRead: true },
    };
    const items: Item[] = [];
    // UnprocessedKeys come back under load; the deadline bounds the rounds.
    while (Object.keys(request).length > 0) {
      const batch = new BatchGetItemCommand({ RequestItems: request });
      const answer = await call(deadline, 'reading silences', (abortSignal) => client.send(batch, { abortSignal }));
      items.push(...((answer.Responses?.[tableName] ?? []) as Item[]));
      const left = (answer.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof keys;
      request = left.length > 0 ? { [tableName]: { Keys: left, ConsistentRead: true } } : {};
    }
    const at = now();
    const silences = items.map(silenceOf).filter((s): s is Silence => s !== undefined);
    const current = silences.filter((s) => Date.parse(s.end) > at);
    const gone = known.filter((id) => !current.some((s) => s.id === id));
    if (gone.length > 0) await changeIndex('DELETE', gone, deadline);
    return current.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
  }

  async function remove(id: string, deadline: number): Promise<boolean> {
    const del = new DeleteItemCommand({
      TableName: tableName,
      Key: { pk: { S: silenceKey(id) } },
      ReturnValues: 'ALL_OLD',
    });
    const { Attributes } = await call(deadline, `removing "${id}"`, (abortSignal) => client.send(del, { abortSignal }));
    await changeIndex('DELETE', [id], deadline);
    return Attributes !== undefined;
  }

  async function silencedAlarm(key: string, deadline: number): Promise<string | undefined> {
    const get = new GetItemCommand({ TableName: tableName, Key: { pk: { S: storedKey(key) } }, ConsistentRead: true });
    const { Item } = await call(deadline, 'reading a silenced alarm', (abortSignal) =>
      client.send(get, { abortSignal }),
    );
    const expires = Number(Item?.expiresAt?.N ?? 0) * 1000;
    return Item?.silenceId?.S !== undefined && expires > now() ? Item.silenceId.S : undefined;
  }

  async function markAlarm(key: string, silenceId: string | undefined, deadline: number): Promise<void> {
    const pk = { S: storedKey(key) };
    if (silenceId === undefined) {
      const del = new DeleteItemCommand({ TableName: tableName, Key: { pk } });
      await call(deadline, 'forgetting a silenced alarm', (abortSignal) => client.send(del, { abortSignal }));
      return;
    }
    const put = new PutItemCommand({
      TableName: tableName,
      Item: {
        pk,
        silenceId: { S: silenceId },
        expiresAt: { N: String(Math.floor(now() / 1000) + SILENCED_ALARM_TTL_SECONDS) },
      },
    });
    await call(deadline, 'remembering a silenced alarm', (abortSignal) => client.send(put, { abortSignal }));
  }

  return { add, list, remove, silencedAlarm, markAlarm };
}
