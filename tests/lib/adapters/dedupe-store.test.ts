import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDedupeStore,
  DEDUPE_TIMEOUT_MS,
  type DedupeStoreOptions,
  dedupeStoreFor,
  MAX_PARTITION_KEY_BYTES,
  storedKey,
} from '../../../src/lib/adapters/dedupe-store';
import { type CapturedLogs, captureLogs } from '../../helpers/capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';

const TTL_SECONDS = 172_800;
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

/** A store on the local table; every test uses its own keys, so tests do not see each other's claims. */
const store = (options: Partial<DedupeStoreOptions> = {}) =>
  createDedupeStore(db.client, { tableName: db.tableName, ttlSeconds: TTL_SECONDS, now: () => NOW_MS, ...options });
const storedItem = async (key: string) =>
  (await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: storedKey(key) } } }))).Item;
const warnings = () => logs.entries().filter((e) => e.level === 'WARN');

/** A client whose every call fails with `error`, or never answers (not even to its abort signal). */
const stubClient = (behaviour: { rejects: unknown } | 'hang') =>
  ({
    send: vi.fn(() => (behaviour === 'hang' ? new Promise(() => {}) : Promise.reject(behaviour.rejects))),
  }) as unknown as DynamoDBClient & { send: ReturnType<typeof vi.fn> };
const accessDenied = Object.assign(new Error('User is not authorized to perform: dynamodb:PutItem'), {
  name: 'AccessDeniedException',
  $fault: 'client',
  $metadata: { httpStatusCode: 400 },
});

describe('adapters: dedupe store (dynalite on 127.0.0.1)', () => {
  it('answers first for a new key and duplicate for the same key again', async () => {
    const s = store();
    expect(await s.claim(`${alarmKey}:twice`)).toBe('first');
    expect(await s.claim(`${alarmKey}:twice`)).toBe('duplicate');
    expect(await store().claim(`${alarmKey}:other`)).toBe('first');
  });

  it('lets exactly one of several concurrent claims of one key be first', async () => {
    const s = store();
    const answers = await Promise.all(Array.from({ length: 5 }, () => s.claim(`${alarmKey}:concurrent`)));
    expect(answers.sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'first']);
  });

  it('answers first again after release (a failed delivery can be retried)', async () => {
    const s = store();
    expect(await s.claim(`${alarmKey}:released`)).toBe('first');
    await s.release(`${alarmKey}:released`);
    expect(await storedItem(`${alarmKey}:released`)).toBeUndefined();
    expect(await s.claim(`${alarmKey}:released`)).toBe('first');
  });

  it('stores the key in pk and expiresAt as epoch seconds now + ttl (the table TTL attribute)', async () => {
    await store().claim(`${alarmKey}:ttl`);
    expect(await storedItem(`${alarmKey}:ttl`)).toEqual({
      pk: { S: `${alarmKey}:ttl` },
      expiresAt: { N: String(NOW_SECONDS + TTL_SECONDS) },
    });
  });

  it('answers first for an expired key that TTL has not deleted yet', async () => {
    await store().claim(`${alarmKey}:expired`);
    const later = store({ now: () => NOW_MS + TTL_SECONDS * 1000 });
    expect(await later.claim(`${alarmKey}:expired`)).toBe('first');
    expect(await store({ now: () => NOW_MS + (TTL_SECONDS - 1) * 1000 }).claim(`${alarmKey}:expired`)).toBe(
      'duplicate',
    );
  });

  it('claims keys longer than the partition key limit, two long keys with one beginning separately', async () => {
    const long = `api-call:${'x'.repeat(3000)}`;
    expect(await store().claim(`${long}:a`)).toBe('first');
    expect(await store().claim(`${long}:b`)).toBe('first');
    expect(await store().claim(`${long}:a`)).toBe('duplicate');
    expect(warnings()).toEqual([]);
  });

  it('logs no warning in normal operation', async () => {
    await store().claim(`${alarmKey}:quiet`);
    await store().release(`${alarmKey}:quiet`);
    expect(warnings()).toEqual([]);
  });
});

describe('adapters: dedupe store fails open', () => {
  it('answers first and logs a warning when the table denies access', async () => {
    const s = createDedupeStore(stubClient({ rejects: accessDenied }), { tableName: 't', ttlSeconds: TTL_SECONDS });
    expect(await s.claim(alarmKey)).toBe('first');
    expect(warnings()).toEqual([
      expect.objectContaining({
        message: 'dedupe store unavailable, delivering anyway',
        dedupeKey: alarmKey,
        error: expect.stringContaining('AccessDeniedException'),
      }),
    ]);
  });

  it('answers first within the timeout, aborting the call, when the table never answers', async () => {
    const client = stubClient('hang');
    const s = createDedupeStore(client, { tableName: 't', ttlSeconds: TTL_SECONDS, timeoutMs: 50 });
    const started = performance.now();
    expect(await s.claim(alarmKey)).toBe('first');
    expect(performance.now() - started).toBeLessThan(1_000);
    const [, sendOptions] = client.send.mock.calls[0] ?? [];
    expect((sendOptions as { abortSignal: AbortSignal }).abortSignal.aborted).toBe(true);
    expect(warnings()).toEqual([expect.objectContaining({ error: expect.stringContaining('no answer within 50 ms') })]);
  });

  it('waits about a second by default', () => {
    expect(DEDUPE_TIMEOUT_MS).toBe(1_000);
  });

  it.each([
    ['a denial', stubClient({ rejects: accessDenied })],
    ['no answer', stubClient('hang')],
  ])('never throws from release on %s, and logs it', async (_, client) => {
    const s = createDedupeStore(client, { tableName: 't', ttlSeconds: TTL_SECONDS, timeoutMs: 50 });
    await expect(s.release(alarmKey)).resolves.toBeUndefined();
    expect(warnings()).toEqual([expect.objectContaining({ dedupeKey: alarmKey })]);
  });
});

describe('adapters: dedupe store keys and wiring', () => {
  it('keeps keys up to the limit as they are', () => {
    expect(storedKey(alarmKey)).toBe(alarmKey);
    const atLimit = 'k'.repeat(MAX_PARTITION_KEY_BYTES);
    expect(storedKey(atLimit)).toBe(atLimit);
  });

  it.each([
    ['ASCII', 'a'.repeat(5000)],
    ['multi-byte characters', `アラーム:${'監視'.repeat(1000)}`],
  ])('shortens a longer key (%s) to the limit, keeping its readable beginning', (_, key) => {
    const stored = storedKey(key);
    expect(Buffer.byteLength(stored, 'utf8')).toBeLessThanOrEqual(MAX_PARTITION_KEY_BYTES);
    expect(stored).toMatch(/#sha256:[0-9a-f]{64}$/);
    expect(key.startsWith(stored.replace(/#sha256:[0-9a-f]{64}$/, ''))).toBe(true);
    expect(stored.length).toBeGreaterThan(500);
    expect(storedKey(`${key}!`)).not.toBe(stored);
  });

  it('makes no store without a table, and one on the given client with one', async () => {
    expect(dedupeStoreFor({})).toBeUndefined();
    const s = dedupeStoreFor(
      { dedupe: { tableName: db.tableName, ttlSeconds: 60 } },
      () => db.client,
      () => NOW_MS,
    );
    expect(await s?.claim(`${alarmKey}:wired`)).toBe('first');
    expect((await storedItem(`${alarmKey}:wired`))?.expiresAt).toEqual({ N: String(NOW_SECONDS + 60) });
  });
});
