import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/lib/adapters/errors';
import {
  createFlapStore,
  FLAP_HISTORY_TTL_SECONDS,
  FLAP_STORE_MAX_ROUNDS,
  flapStoreFor,
} from '../../../src/lib/adapters/flap-store';
import type { FlapRequest } from '../../../src/lib/core/flapping/decide';
import { type CapturedLogs, captureLogs } from '../../helpers/capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';

const MIN = 60_000;
const NOW_MS = Date.parse('2024-05-01T12:00:00Z');
const DEADLINE = NOW_MS + 10_000;
const thresholds = { threshold: 4, windowMs: 10 * MIN };

let db: LocalDynamoDb;
let logs: CapturedLogs;
beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterAll(() => db.close());
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

let alarms = 0;
/** A fresh alarm key per test, so tests share the table without sharing histories. */
const newAlarm = () => `flap:123456789012:us-east-1:web-5xx-${++alarms}`;
const store = (client: DynamoDBClient = db.client) =>
  createFlapStore(client, { tableName: db.tableName, thresholds, now: () => NOW_MS });
/** `n` changes alternating ALARM/OK a minute apart. */
const changes = (key: string, n: number): FlapRequest[] =>
  Array.from({ length: n }, (_, i) => ({ key, state: i % 2 === 0 ? 'ALARM' : 'OK', at: NOW_MS - 9 * MIN + i * MIN }));
const storedItem = async (key: string) =>
  (await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: key } } }))).Item;

/** A client whose every call fails with `error`, or never answers. */
const failingClient = (behaviour: { rejects: unknown } | 'hang') =>
  ({
    send: () => (behaviour === 'hang' ? new Promise(() => {}) : Promise.reject(behaviour.rejects)),
  }) as unknown as DynamoDBClient;

describe('adapters: flap store (dynalite on 127.0.0.1)', () => {
  it('records each change and answers notify, then flapping past the threshold, then muted', async () => {
    const key = newAlarm();
    const s = store();
    const kinds = [];
    for (const change of changes(key, 7)) kinds.push((await s.record(change, DEADLINE)).kind);
    expect(kinds).toEqual(['notify', 'notify', 'notify', 'notify', 'flapping', 'muted', 'muted']);
  });

  it('keeps one item per alarm with its history, a version and a TTL', async () => {
    const key = newAlarm();
    for (const change of changes(key, 2)) await store().record(change, DEADLINE);
    const item = await storedItem(key);
    expect(item?.version).toEqual({ N: '2' });
    expect(item?.expiresAt).toEqual({ N: String(NOW_MS / 1000 + FLAP_HISTORY_TTL_SECONDS) });
    expect(JSON.parse(item?.history?.S ?? '{}').transitions).toHaveLength(2);
  });

  it('answers a change recorded before (a retry) as before, without writing', async () => {
    const key = newAlarm();
    const all = changes(key, 5);
    for (const change of all) await store().record(change, DEADLINE);
    const before = await storedItem(key);
    expect(await store().record(all[4] as FlapRequest, DEADLINE)).toMatchObject({ kind: 'flapping', changes: 5 });
    expect(await storedItem(key)).toEqual(before);
  });

  it('loses no change when invocations record changes of one alarm at the same moment', async () => {
    const key = newAlarm();
    const decisions = await Promise.all(changes(key, 4).map((change) => store().record(change, DEADLINE)));
    expect(decisions.map((d) => d.kind)).toEqual(['notify', 'notify', 'notify', 'notify']);
    const history = JSON.parse((await storedItem(key))?.history?.S ?? '{}');
    expect(history.transitions).toHaveLength(4);
    expect(await store().record(changes(key, 5)[4] as FlapRequest, DEADLINE)).toMatchObject({ kind: 'flapping' });
  });

  it('starts afresh, with a warning, from a history it cannot read', async () => {
    const key = newAlarm();
    const item = { pk: { S: key }, history: { S: '{"transitions":"nope"}' }, version: { N: '3' } };
    await db.client.send(new PutItemCommand({ TableName: db.tableName, Item: item }));
    expect(await store().record(changes(key, 1)[0] as FlapRequest, DEADLINE)).toEqual({ kind: 'notify' });
    expect((await storedItem(key))?.version).toEqual({ N: '4' });
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'WARN', message: 'flapping history unreadable, starting afresh' }),
    );
  });

  it.each([
    [
      'denied',
      {
        rejects: Object.assign(new Error('not authorized'), {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 400 },
        }),
      },
      false,
    ],
    ['throttled', { rejects: Object.assign(new Error('slow down'), { name: 'ThrottlingException' }) }, true],
    ['not answering', 'hang' as const, true],
  ])('fails loudly (StoreError) when the table is %s, never guessing "notify"', async (_, behaviour, retryable) => {
    const s = createFlapStore(failingClient(behaviour), {
      tableName: db.tableName,
      thresholds,
      timeoutMs: 50,
      now: () => NOW_MS,
    });
    const failure = s.record(changes(newAlarm(), 1)[0] as FlapRequest, DEADLINE);
    await expect(failure).rejects.toBeInstanceOf(StoreError);
    await expect(failure).rejects.toMatchObject({ retryable });
  });

  it('fails loudly when the invocation has no time left', async () => {
    const late = store().record(changes(newAlarm(), 1)[0] as FlapRequest, NOW_MS - 1);
    await expect(late).rejects.toThrow(/no time left/);
  });

  it(`gives up after ${FLAP_STORE_MAX_ROUNDS} lost races, retryable`, async () => {
    const conditionFailed = Object.assign(new Error('conditional'), { name: 'ConditionalCheckFailedException' });
    const client = {
      send: (command: unknown) =>
        command instanceof GetItemCommand ? Promise.resolve({}) : Promise.reject(conditionFailed),
    } as unknown as DynamoDBClient;
    const failure = store(client).record(changes(newAlarm(), 1)[0] as FlapRequest, DEADLINE);
    await expect(failure).rejects.toMatchObject({ name: 'StoreError', retryable: true });
  });

  it('is off without a table, or with threshold 0', () => {
    const flapping = { threshold: 4, windowMs: 10 * MIN };
    const dedupe = { tableName: db.tableName, ttlSeconds: 60 };
    expect(flapStoreFor({ flapping }, () => db.client)).toBeUndefined();
    expect(flapStoreFor({ dedupe, flapping: { ...flapping, threshold: 0 } }, () => db.client)).toBeUndefined();
    expect(flapStoreFor({ dedupe, flapping }, () => db.client)).toBeDefined();
  });
});
