import { describe, expect, it } from 'vitest';
import { createDedupeStore } from '../src/lib/adapters/dedupe-store';
import { deliverOnce } from '../src/lib/adapters/deliver-once';
import { createFlapStore } from '../src/lib/adapters/flap-store';
import { createDedupeTable, dynamodb, unique } from './moto';

const MIN = 60_000;
const NOW = Date.parse('2024-05-01T12:00:00Z');

describe('moto: the DynamoDB stores’ conditional writes', () => {
  it('flap store: concurrent changes of one alarm are all recorded; the next one past the threshold is flapping', async () => {
    const client = dynamodb();
    const tableName = await createDedupeTable(client);
    const store = () =>
      createFlapStore(client, { tableName, thresholds: { threshold: 4, windowMs: 10 * MIN }, now: () => NOW });
    const key = `flap:123456789012:us-east-1:${unique('web-5xx')}`;
    const change = (i: number) => ({ key, state: i % 2 === 0 ? 'ALARM' : 'OK', at: NOW - 9 * MIN + i * MIN });
    const first = await Promise.all([0, 1, 2, 3].map((i) => store().record(change(i), NOW + 20_000)));
    expect(first.map((d) => d.kind)).toEqual(['notify', 'notify', 'notify', 'notify']);
    expect(await store().record(change(4), NOW + 20_000)).toMatchObject({ kind: 'flapping', changes: 5 });
    expect(await store().record(change(5), NOW + 20_000)).toMatchObject({ kind: 'muted' });
  });

  it('deliver-once: one delivery per key, and a failed one gives its key back', async () => {
    const client = dynamodb();
    const tableName = await createDedupeTable(client);
    const store = createDedupeStore(client, { tableName, ttlSeconds: 3_600, now: () => NOW });
    const options = { deadline: NOW + 10_000, now: () => NOW };
    const key = unique('alarm:123456789012:us-east-1:cpu:ALARM');
    await expect(deliverOnce(store, key, () => Promise.reject(new Error('down')), options)).rejects.toThrow('down');
    expect(await deliverOnce(store, key, async () => 'sent', options)).toEqual({ outcome: 'delivered', value: 'sent' });
    expect(await deliverOnce(store, key, async () => 'again', options)).toEqual({ outcome: 'duplicate' });
  });
});
