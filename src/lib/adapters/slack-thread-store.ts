import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { SlackMessage } from '../core/channels/slack/slack-types';
import * as z from '../core/schemas/zod';
import { describeAwsError } from './aws-errors';
import type { Clock } from './clock';
import { storedKey } from './dedupe-key';
import { logger } from './logger';
import { withTimeout } from './timeout';

/** Longest wait for one read or write; both normally answer in milliseconds. */
export const SLACK_THREAD_STORE_TIMEOUT_MS = 1_000;
/**
 * How long an ALARM message stays resolvable in place: an alarm still in ALARM after two weeks
 * gets its OK as a new message. DynamoDB TTL then removes the item.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
export const SLACK_THREAD_TTL_SECONDS = 14 * 86_400;
/**
 * Largest original message kept for the in-place update (DynamoDB items are at most 400 KB); a
 * bigger one is kept without it, and the update is built from the OK notification instead.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items
 */
export const SLACK_THREAD_MESSAGE_MAX_BYTES = 100_000;

/** The thread of one alarm in one Slack destination. */
export const slackThreadSchema = z.object({
  /** The channel ID Slack answered (what chat.update needs) and the root message's ts. */
  channel: z.string(),
  ts: z.string(),
  /** `occurredAt` of the ALARM notification, for "resolved after …". */
  alarmAt: z.string(),
  /** The ALARM message as posted, for the in-place update; absent when it was too big to keep. */
  message: z.optional(z.object({ text: z.string(), blocks: z.array(z.any()) })),
  /** When the thread was resolved (its OK delivered): a later OK is then posted as a reply only. */
  resolvedAt: z.optional(z.string()),
  /**
   * When the root is a grouped storm message: how many alarms it lists. Such a root is never
   * updated in place (it speaks for several alarms); each member's follow-ups reply in its thread.
   */
  group: z.optional(z.number()),
});
export type SlackThread = z.infer<typeof slackThreadSchema> & { message?: SlackMessage };

/** Keeps the `ts` of each alarm's ALARM message per destination. */
export interface SlackThreadStore {
  /** The thread of `incident` in `destination`, or undefined (none, expired, or the table failed). Never throws. */
  get(destination: string, incident: string): Promise<SlackThread | undefined>;
  /** Remembers the thread. Never throws: a failed write only means the OK comes as a new message. */
  put(destination: string, incident: string, thread: SlackThread): Promise<void>;
}

/** Options of {@link createSlackThreadStore}. */
export interface SlackThreadStoreOptions {
  readonly tableName: string;
  /** Default {@link SLACK_THREAD_TTL_SECONDS}. */
  readonly ttlSeconds?: number;
  /** Default {@link SLACK_THREAD_STORE_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  readonly now?: Clock;
}

/** `slack-ts:<destination>:<alarm identity without state>`, as the table stores it. */
export const slackThreadKey = (destination: string, incident: string) =>
  storedKey(`slack-ts:${destination}:${incident}`);

/**
 * A {@link SlackThreadStore} in the dedupe table (string partition key `pk`, TTL on `expiresAt`):
 * one item per alarm and destination holding the thread as JSON. Threading is a nicety, so the
 * store never fails a delivery: an unusable table is logged as a warning and the alarm's OK is then
 * posted as a new message, as before Slack app mode.
 * @example const store = createSlackThreadStore(client, { tableName });
 */
export function createSlackThreadStore(client: DynamoDBClient, options: SlackThreadStoreOptions): SlackThreadStore {
  const { tableName } = options;
  const ttlSeconds = options.ttlSeconds ?? SLACK_THREAD_TTL_SECONDS;
  const timeoutMs = options.timeoutMs ?? SLACK_THREAD_STORE_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const warn = (message: string, pk: string, error: unknown) =>
    logger.warn(message, { threadKey: pk.slice(0, 200), table: tableName, error: describeAwsError(error) });

  async function get(destination: string, incident: string): Promise<SlackThread | undefined> {
    const pk = slackThreadKey(destination, incident);
    try {
      const command = new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk } }, ConsistentRead: true });
      const { Item } = await withTimeout(timeoutMs, (abortSignal) => client.send(command, { abortSignal }));
      const expiresAt = Number(Item?.expiresAt?.N);
      if (Item?.thread?.S === undefined || expiresAt <= Math.floor(now() / 1000)) return undefined;
      return slackThreadSchema.parse(JSON.parse(Item.thread.S)) as SlackThread;
    } catch (error) {
      warn('Slack thread unknown, the message is posted on its own', pk, error);
      return undefined;
    }
  }

  async function put(destination: string, incident: string, thread: SlackThread): Promise<void> {
    const pk = slackThreadKey(destination, incident);
    const full = JSON.stringify(thread);
    const { message: _, ...bare } = thread;
    const kept = Buffer.byteLength(full, 'utf8') <= SLACK_THREAD_MESSAGE_MAX_BYTES ? full : JSON.stringify(bare);
    const item = {
      pk: { S: pk },
      thread: { S: kept },
      expiresAt: { N: String(Math.floor(now() / 1000) + ttlSeconds) },
    };
    try {
      const command = new PutItemCommand({ TableName: tableName, Item: item });
      await withTimeout(timeoutMs, (abortSignal) => client.send(command, { abortSignal }));
    } catch (error) {
      warn('Slack thread not kept, the alarm’s OK will be posted on its own', pk, error);
    }
  }

  return { get, put };
}
