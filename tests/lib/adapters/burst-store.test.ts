import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeniedBurstStore } from '../../../src/lib/adapters/burst-store';
import type { DeniedCall } from '../../../src/lib/core/sources/cloudtrail/denied-burst';
import type { DeniedBurstRequest } from '../../../src/lib/core/sources/cloudtrail/denied-burst-request';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';

const T0 = Date.parse('2025-03-01T10:00:00Z');
const settings = { threshold: 3, windowMinutes: 10 };
let db: LocalDynamoDb;
beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterAll(async () => {
  await db.close();
});

const call = (id: string, seconds: number): DeniedCall => ({
  eventId: id,
  at: T0 + seconds * 1000,
  eventSource: 'iam.amazonaws.com',
  eventName: 'ListUsers',
  errorCode: 'AccessDenied',
});
const request = (key: string, c: DeniedCall): DeniedBurstRequest => ({ key, call: c, settings });

describe('adapters: access-denied burst store (dynalite on 127.0.0.1)', () => {
  it('keeps one principal’s burst across invocations: held, held, alert, muted', async () => {
    const store = createDeniedBurstStore(db.client, { tableName: db.tableName, now: () => T0 });
    const kinds = [];
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) kinds.push((await store(request('p1', call(id, i)))).kind);
    expect(kinds).toEqual(['held', 'held', 'alert', 'muted']);
    const { Item } = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: 'p1' } } }));
    expect(Number(Item?.expiresAt?.N)).toBe(Math.floor(T0 / 1000) + 10 * 60 + 86_400);
  });

  it('makes exactly one alert when many refused calls of one principal are counted at once', async () => {
    const store = createDeniedBurstStore(db.client, { tableName: db.tableName, now: () => T0 });
    const ids = Array.from({ length: 8 }, (_, i) => `concurrent-${i}`);
    const outcomes = await Promise.all(ids.map((id, i) => store(request('p2', call(id, i)))));
    const kinds = outcomes.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'alert')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'held')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'muted')).toHaveLength(5);
  });

  it('answers a retried call with its first decision, so an alert whose publish failed is made again', async () => {
    const store = createDeniedBurstStore(db.client, { tableName: db.tableName, now: () => T0 });
    for (const [i, id] of ['a', 'b'].entries()) await store(request('p3', call(id, i)));
    const first = await store(request('p3', call('c', 2)));
    const retry = await store(request('p3', call('c', 2)));
    expect(first.kind).toBe('alert');
    expect(retry).toEqual(first);
  });

  it('starts afresh over an item it cannot read, and answers "unavailable" (never throws) when the table is unusable', async () => {
    await db.client.send(
      new PutItemCommand({
        TableName: db.tableName,
        Item: { pk: { S: 'p4' }, burst: { S: '{not json' }, version: { N: '1' } },
      }),
    );
    const store = createDeniedBurstStore(db.client, { tableName: db.tableName, now: () => T0 });
    expect((await store(request('p4', call('a', 0)))).kind).toBe('held');
    const missing = createDeniedBurstStore(db.client, { tableName: 'no-such-table', now: () => T0 });
    const outcome = await missing(request('p5', call('a', 0)));
    expect(outcome).toEqual({ kind: 'unavailable', error: expect.stringContaining('ResourceNotFoundException') });
  });
});
