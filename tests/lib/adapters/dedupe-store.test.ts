import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedKey } from '../../../src/lib/adapters/dedupe-key';
import {
  createDedupeStore,
  DEDUPE_TIMEOUT_MS,
  type DedupeStoreOptions,
  dedupeStoreFor,
} from '../../../src/lib/adapters/dedupe-store';
import { type CapturedLogs, captureLogs } from '../../helpers/capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';

const TTL_SECONDS = 172_800;
const LEASE_MS = 40_000;
const NOW_MS = Date.parse('2024-05-01T12:00:00.500Z');
const NOW_SECONDS = Math.floor(NOW_MS / 1000);
const alarmKey = 'alarm:123456789012:us-east-1:ServerCpuTooHigh:ALARM:2019-10-02T17:04:40.989Z';

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

/** A store on the local table at a given time; every test uses its own keys. */
const store = (options: Partial<DedupeStoreOptions> = {}) =>
  createDedupeStore(db.client, { tableName: db.tableName, ttlSeconds: TTL_SECONDS, now: () => NOW_MS, ...options });
const at = (ms: number) => store({ now: () => ms });
const storedItem = async (key: string) =>
  (await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: storedKey(key) } } }))).Item;
const warnings = () => logs.entries().filter((e) => e.level === 'WARN');

/** A client whose calls fail with the given errors in turn (the last repeats), or never answer. */
const stubClient = (...behaviour: Array<{ rejects: unknown } | 'hang'>) => {
  let call = 0;
  const send = vi.fn(() => {
    const next = behaviour[Math.min(call++, behaviour.length - 1)];
    return next === 'hang' ? new Promise(() => {}) : Promise.reject(next?.rejects);
  });
  return { send } as unknown as DynamoDBClient & { send: ReturnType<typeof vi.fn> };
};
const accessDenied = Object.assign(new Error('User is not authorized to perform: dynamodb:PutItem'), {
  name: 'AccessDeniedException',
  $fault: 'client',
  $metadata: { httpStatusCode: 400 },
});
const conditionFailed = Object.assign(new Error('The conditional request failed'), {
  name: 'ConditionalCheckFailedException',
});

describe('adapters: dedupe store leases (dynalite on 127.0.0.1)', () => {
  it('claims a new key with a lease; while it is held, the same key is in flight', async () => {
    const key = `${alarmKey}:new`;
    expect(await store().claim(key, LEASE_MS)).toEqual({ state: 'claimed', lease: expect.any(String) });
    expect(await store().claim(key, LEASE_MS)).toEqual({ state: 'in-flight', leaseUntil: NOW_MS + LEASE_MS });
    expect(await store().claim(`${alarmKey}:other`, LEASE_MS)).toMatchObject({ state: 'claimed' });
  });

  it('answers delivered once the key is completed, until the TTL', async () => {
    const key = `${alarmKey}:completed`;
    await store().claim(key, LEASE_MS);
    await store().complete(key);
    expect(await store().claim(key, LEASE_MS)).toEqual({ state: 'delivered' });
    expect(await at(NOW_MS + (TTL_SECONDS - 1) * 1000).claim(key, LEASE_MS)).toEqual({ state: 'delivered' });
    expect(await at(NOW_MS + TTL_SECONDS * 1000).claim(key, LEASE_MS)).toMatchObject({ state: 'claimed' });
  });

  it('lets a retry claim a key whose holder was killed mid-delivery, once the lease is over', async () => {
    const key = `${alarmKey}:killed`;
    await store().claim(key, LEASE_MS); // …and never completed nor released
    expect(await at(NOW_MS + LEASE_MS - 1).claim(key, LEASE_MS)).toMatchObject({ state: 'in-flight' });
    expect(await at(NOW_MS + LEASE_MS + 1).claim(key, LEASE_MS)).toMatchObject({ state: 'claimed' });
  });

  it('lets exactly one of several concurrent claims of one key hold it', async () => {
    const s = store();
    const claims = await Promise.all(Array.from({ length: 5 }, () => s.claim(`${alarmKey}:concurrent`, LEASE_MS)));
    expect(claims.map((c) => c.state).sort()).toEqual(['claimed', 'in-flight', 'in-flight', 'in-flight', 'in-flight']);
  });

  it('gives a released key back (a failed delivery can be retried), but only to its lease holder', async () => {
    const key = `${alarmKey}:released`;
    const claim = await store().claim(key, LEASE_MS);
    await store().release(key, 'someone-else');
    expect(await storedItem(key)).toBeDefined();
    await store().release(key, claim.state === 'claimed' ? (claim.lease ?? '') : '');
    expect(await storedItem(key)).toBeUndefined();
    expect(await store().claim(key, LEASE_MS)).toMatchObject({ state: 'claimed' });
    expect(warnings()).toEqual([]);
  });

  it('stores an in-flight lease, then a delivered key with the table TTL attribute expiresAt', async () => {
    const key = `${alarmKey}:items`;
    await store().claim(key, LEASE_MS);
    expect(await storedItem(key)).toEqual({
      pk: { S: key },
      state: { S: 'inflight' },
      lease: { S: expect.any(String) },
      leaseUntil: { N: String(NOW_MS + LEASE_MS) },
      expiresAt: { N: String(NOW_SECONDS + TTL_SECONDS) },
    });
    await store().complete(key);
    expect(await storedItem(key)).toEqual({
      pk: { S: key },
      state: { S: 'delivered' },
      expiresAt: { N: String(NOW_SECONDS + TTL_SECONDS) },
    });
  });

  it('counts a key stored before leases existed (pk and expiresAt only) as delivered', async () => {
    const key = `${alarmKey}:old-item`;
    const Item = { pk: { S: key }, expiresAt: { N: String(NOW_SECONDS + 60) } };
    await db.client.send(new PutItemCommand({ TableName: db.tableName, Item }));
    expect(await store().claim(key, LEASE_MS)).toEqual({ state: 'delivered' });
  });

  it('keeps keys of different prefixes apart (the Slack post and the SNS publish of one notification)', async () => {
    const key = `${alarmKey}:prefixed`;
    await store().claim(key, LEASE_MS);
    await store().complete(key);
    expect(await store({ keyPrefix: 'slack:' }).claim(key, LEASE_MS)).toMatchObject({ state: 'claimed' });
    expect(await storedItem(`slack:${key}`)).toMatchObject({ state: { S: 'inflight' } });
  });

  it('claims keys longer than the partition key limit, two long keys with one beginning separately', async () => {
    const long = `api-call:${'x'.repeat(3000)}`;
    expect(await store().claim(`${long}:a`, LEASE_MS)).toMatchObject({ state: 'claimed' });
    expect(await store().claim(`${long}:b`, LEASE_MS)).toMatchObject({ state: 'claimed' });
    expect(await store().claim(`${long}:a`, LEASE_MS)).toMatchObject({ state: 'in-flight' });
    expect(warnings()).toEqual([]);
  });
});

describe('adapters: dedupe store fails open', () => {
  const stubStore = (client: DynamoDBClient) =>
    createDedupeStore(client, { tableName: 't', ttlSeconds: TTL_SECONDS, timeoutMs: 50 });

  it('answers claimed, without a lease, and logs a warning when the table denies access', async () => {
    expect(await stubStore(stubClient({ rejects: accessDenied })).claim(alarmKey, LEASE_MS)).toEqual({
      state: 'claimed',
    });
    expect(warnings()).toEqual([
      expect.objectContaining({
        message: 'dedupe store unavailable, delivering anyway',
        dedupeKey: alarmKey,
        error: expect.stringContaining('AccessDeniedException'),
      }),
    ]);
  });

  it('answers claimed within the timeout, aborting the call, when the table never answers', async () => {
    const client = stubClient('hang');
    expect(await stubStore(client).claim(alarmKey, LEASE_MS)).toEqual({ state: 'claimed' });
    const [, sendOptions] = client.send.mock.calls[0] ?? [];
    expect((sendOptions as { abortSignal: AbortSignal }).abortSignal.aborted).toBe(true);
    expect(warnings()).toEqual([expect.objectContaining({ error: expect.stringContaining('no answer within 50 ms') })]);
  });

  it('defers to a retry (in flight) when the key exists but its state cannot be read', async () => {
    const client = stubClient({ rejects: conditionFailed }, { rejects: accessDenied });
    expect(await stubStore(client).claim(alarmKey, LEASE_MS)).toEqual({ state: 'in-flight' });
    expect(warnings()).toEqual([expect.objectContaining({ dedupeKey: alarmKey })]);
  });

  it('waits about a second by default', () => {
    expect(DEDUPE_TIMEOUT_MS).toBe(1_000);
  });

  it.each([
    ['a denial', stubClient({ rejects: accessDenied })],
    ['no answer', stubClient('hang')],
  ])('never throws from complete or release on %s, and logs it', async (_, client) => {
    await expect(stubStore(client).complete(alarmKey)).resolves.toBeUndefined();
    await expect(stubStore(client).release(alarmKey, 'lease')).resolves.toBeUndefined();
    expect(warnings()).toEqual([
      expect.objectContaining({ dedupeKey: alarmKey }),
      expect.objectContaining({ dedupeKey: alarmKey }),
    ]);
  });
});

describe('adapters: dedupe store wiring', () => {
  it('makes no store without a table, and one on the given client with one', async () => {
    expect(dedupeStoreFor({})).toBeUndefined();
    const s = dedupeStoreFor({ dedupe: { tableName: db.tableName, ttlSeconds: 60 } }, () => db.client, {
      now: () => NOW_MS,
    });
    await s?.claim(`${alarmKey}:wired`, LEASE_MS);
    await s?.complete(`${alarmKey}:wired`);
    expect((await storedItem(`${alarmKey}:wired`))?.expiresAt).toEqual({ N: String(NOW_SECONDS + 60) });
  });
});
