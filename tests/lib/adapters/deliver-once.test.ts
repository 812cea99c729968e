import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDedupeStore, type DedupeStore } from '../../../src/lib/adapters/dedupe-store';
import { deliverOnce, LEASE_MARGIN_MS } from '../../../src/lib/adapters/deliver-once';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { type CapturedLogs, captureLogs } from '../../helpers/capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';

const NOW_MS = Date.parse('2024-05-01T12:00:00.000Z');
/** An invocation with 30 s left (the Slack function's timeout). */
const INVOCATION_MS = 30_000;
const key = (name: string) => `alarm:123456789012:us-east-1:${name}:ALARM:2024-05-01T12:00:00.000Z`;

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

/** One invocation starting at `startMs`: its store (same table) and its deliverOnce options. */
function invocation(startMs = NOW_MS) {
  const now = () => startMs;
  const store = createDedupeStore(db.client, { tableName: db.tableName, ttlSeconds: 172_800, now });
  return { store, options: { deadline: startMs + INVOCATION_MS, now } };
}
const once = (store: DedupeStore | undefined, k: string, deliver: () => Promise<string>, start = NOW_MS) =>
  deliverOnce(store, k, deliver, invocation(start).options);
const duplicateLogs = () => logs.entries().filter((e) => e.message === 'input ignored' && e.rule === 'duplicate');
/** A promise and its resolve function (Promise.withResolvers needs Node 22). */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('should have failed') as never,
    (e: unknown) => e as DeliveryError,
  );

describe('adapters: deliver once (dynalite on 127.0.0.1)', () => {
  it('delivers a new key, and ignores the next copy as a duplicate, logged with its rule', async () => {
    const { store } = invocation();
    const deliver = vi.fn(async () => 'message-1');
    expect(await once(store, key('first'), deliver)).toEqual({ outcome: 'delivered', value: 'message-1' });
    expect(await once(store, key('first'), deliver)).toEqual({ outcome: 'duplicate' });
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(duplicateLogs()).toEqual([expect.objectContaining({ reason: 'delivered before', dedupeKey: key('first') })]);
  });

  it('holds the key in flight until the deadline plus a margin, then marks it delivered', async () => {
    const { store } = invocation();
    let leaseUntil: string | undefined;
    await once(store, key('lease'), async () => {
      const stored = await db.client.send(
        new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: key('lease') } } }),
      );
      leaseUntil = stored.Item?.leaseUntil?.N;
      return 'ok';
    });
    expect(Number(leaseUntil)).toBe(NOW_MS + INVOCATION_MS + LEASE_MARGIN_MS);
  });

  it('gives the key back when delivery fails, so the retry delivers', async () => {
    const { store } = invocation();
    const failure = new DeliveryError('SNS publish failed', { retryable: true });
    await expect(once(store, key('failed'), () => Promise.reject(failure))).rejects.toBe(failure);
    expect(await once(store, key('failed'), async () => 'retried')).toEqual({ outcome: 'delivered', value: 'retried' });
  });

  it('killed mid-delivery, then retried after the lease: delivered', async () => {
    const killed = invocation();
    const { promise: started, resolve: start } = deferred<void>();
    // The first attempt claims and starts delivering, then never finishes (Lambda timed it out).
    void deliverOnce(
      killed.store,
      key('killed'),
      () => {
        start();
        return new Promise<string>(() => {});
      },
      killed.options,
    );
    await started;
    // Lambda's first retry comes about a minute later.
    const retryAt = NOW_MS + INVOCATION_MS + LEASE_MARGIN_MS + 1;
    expect(await once(invocation(retryAt).store, key('killed'), async () => 'delivered by the retry', retryAt)).toEqual(
      {
        outcome: 'delivered',
        value: 'delivered by the retry',
      },
    );
  });

  it('does not skip a copy that arrives while another attempt delivers: throws retryable, delivers nothing', async () => {
    const { store } = invocation();
    const { promise: started, resolve: start } = deferred<void>();
    const { promise: finish, resolve: finished } = deferred<string>();
    const first = once(store, key('in-flight'), () => {
      start();
      return finish;
    });
    await started;
    const deliver = vi.fn(async () => 'second');
    const error = await rejection(once(store, key('in-flight'), deliver));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/is being delivered by another attempt \(lease until 2024-05-01T12:00:40\.000Z\)/);
    expect(deliver).not.toHaveBeenCalled();
    finished('first');
    expect(await first).toEqual({ outcome: 'delivered', value: 'first' });
    expect(await once(store, key('in-flight'), async () => 'third')).toEqual({ outcome: 'duplicate' });
  });

  it('delivers every copy without a store', async () => {
    const deliver = vi.fn(async () => 'ok');
    await once(undefined, key('no-store'), deliver);
    await once(undefined, key('no-store'), deliver);
    expect(deliver).toHaveBeenCalledTimes(2);
  });

  it('delivers anyway when the store cannot be used (fails open)', async () => {
    const broken = { send: () => Promise.reject(new Error('connect ECONNREFUSED')) } as never;
    const store = createDedupeStore(broken, { tableName: 't', ttlSeconds: 60 });
    expect(await once(store, key('broken'), async () => 'ok')).toEqual({ outcome: 'delivered', value: 'ok' });
  });
});
