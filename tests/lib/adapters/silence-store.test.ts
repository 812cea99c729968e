import { DeleteItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/lib/adapters/errors';
import {
  createSilenceStore,
  SILENCE_INDEX_KEY,
  SILENCED_ALARM_TTL_SECONDS,
  silenceKey,
} from '../../../src/lib/adapters/silence-store';
import { ConfigError } from '../../../src/lib/core/errors';
import type { Silence } from '../../../src/lib/core/routing';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';

const NOW_MS = Date.parse('2026-11-29T12:00:00Z');
const DEADLINE = NOW_MS + 10_000;
const HOUR = 3_600_000;

let db: LocalDynamoDb;
let tables = 0;
let tableName: string;
beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  // A fresh table per test: the index item is shared by every silence of a table.
  tableName = `silences-${++tables}`;
  const { CreateTableCommand } = await import('@aws-sdk/client-dynamodb');
  await db.client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});

const store = (now = NOW_MS) => createSilenceStore(db.client, { tableName, now: () => now });
const silence = (id: string, fromHours: number, toHours: number, match: Silence['match'] = { alarm: ['web-*'] }) => ({
  id,
  match,
  start: new Date(NOW_MS + fromHours * HOUR).toISOString(),
  end: new Date(NOW_MS + toHours * HOUR).toISOString(),
});
const item = async (pk: string) =>
  (await db.client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk } } }))).Item;

describe('silence store (dynalite)', () => {
  it('adds, lists by start and removes silences', async () => {
    await store().add({ ...silence('deploy', 0, 2), comment: 'web deploy' }, DEADLINE);
    await store().add(silence('maint', -1, 1, { region: ['eu-west-1'] }), DEADLINE);
    expect((await store().list(DEADLINE)).map((s) => s.id)).toEqual(['maint', 'deploy']);
    expect(await store().remove('maint', DEADLINE)).toBe(true);
    expect(await store().remove('maint', DEADLINE)).toBe(false);
    expect(await store().list(DEADLINE)).toEqual([{ ...silence('deploy', 0, 2), comment: 'web deploy' }]);
  });

  it('keeps each silence as an item silence:<id> that expires (TTL) at its end, listed in the index item', async () => {
    await store().add(silence('deploy', 0, 2), DEADLINE);
    const stored = await item(silenceKey('deploy'));
    expect(stored?.expiresAt?.N).toBe(String((NOW_MS + 2 * HOUR) / 1000));
    expect((await item(SILENCE_INDEX_KEY))?.ids?.SS).toEqual(['deploy']);
  });

  it('refuses an id that is taken, in one line', async () => {
    await store().add(silence('deploy', 0, 2), DEADLINE);
    await expect(store().add(silence('deploy', 0, 3), DEADLINE)).rejects.toThrow(
      new ConfigError('silence: "deploy" exists already; remove it first or choose another --id'),
    );
  });

  it('lists no silence that has ended, and forgets ids whose items TTL removed', async () => {
    await store().add(silence('short', 0, 1), DEADLINE);
    await store().add(silence('gone', 0, 5), DEADLINE);
    await db.client.send(new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: silenceKey('gone') } } }));
    const later = NOW_MS + 2 * HOUR;
    expect(await store(later).list(later + 10_000)).toEqual([]);
    expect((await item(SILENCE_INDEX_KEY))?.ids).toBeUndefined();
  });

  it('remembers a silenced alarm for a week, and forgets it', async () => {
    const key = 'silenced-alarm:123456789012:eu-west-1:web-5xx';
    await store().markAlarm(key, 'maint', DEADLINE);
    expect(await store().silencedAlarm(key, DEADLINE)).toBe('maint');
    expect((await item(key))?.expiresAt?.N).toBe(String(NOW_MS / 1000 + SILENCED_ALARM_TTL_SECONDS));
    const weekLater = NOW_MS + SILENCED_ALARM_TTL_SECONDS * 1000;
    expect(await store(weekLater).silencedAlarm(key, weekLater + 10_000)).toBeUndefined();
    await store().markAlarm(key, undefined, DEADLINE);
    expect(await store().silencedAlarm(key, DEADLINE)).toBeUndefined();
  });

  it('fails with a StoreError naming what failed when the table is missing', async () => {
    const missing = createSilenceStore(db.client, { tableName: 'no-such-table', now: () => NOW_MS });
    const error = await missing.list(DEADLINE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/^silences: reading the index failed: ResourceNotFoundException/);
  });

  it('makes no call once the deadline has passed', async () => {
    const error = await store()
      .list(NOW_MS - 1)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'silences: reading the index failed: Error: no time left before the deadline',
    );
  });
});
