import { describe, expect, it } from 'vitest';
import { claimKeys, settleKeys } from '../../../src/lib/adapters/claim-keys';
import type { Claim, DedupeStore } from '../../../src/lib/adapters/dedupe-store';
import { LEASE_MARGIN_MS } from '../../../src/lib/adapters/deliver-once';

/** A store answering each key as scripted, recording every call. */
function scriptedStore(answers: Record<string, Claim>) {
  const calls: string[] = [];
  const store: DedupeStore = {
    async claim(key, leaseMs) {
      calls.push(`claim ${key} ${leaseMs}`);
      return answers[key] ?? { state: 'claimed', lease: `lease-${key}` };
    },
    async complete(key) {
      calls.push(`complete ${key}`);
    },
    async release(key, lease) {
      calls.push(`release ${key} ${lease}`);
    },
  };
  return { store, calls };
}

const options = { deadline: 20_000, now: () => 10_000 };

describe('adapters: claimKeys', () => {
  it('sorts a batch into keys held now, delivered before, and held by another attempt', async () => {
    const { store } = scriptedStore({ b: { state: 'delivered' }, c: { state: 'in-flight', leaseUntil: 1 } });
    const claims = await claimKeys(store, ['a', 'b', 'c', 'd'], options);
    expect([...claims.held]).toEqual([
      ['a', 'lease-a'],
      ['d', 'lease-d'],
    ]);
    expect(claims.delivered).toEqual(['b']);
    expect(claims.inFlight).toEqual(['c']);
  });

  it('claims each key once, with a lease to the deadline plus the margin', async () => {
    const { store, calls } = scriptedStore({});
    await claimKeys(store, ['a', 'a', 'b'], options);
    expect(calls.sort()).toEqual([`claim a ${10_000 + LEASE_MARGIN_MS}`, `claim b ${10_000 + LEASE_MARGIN_MS}`]);
  });

  it('holds every key when there is no store', async () => {
    const claims = await claimKeys(undefined, ['a', 'b'], options);
    expect([...claims.held.keys()]).toEqual(['a', 'b']);
  });
});

describe('adapters: settleKeys', () => {
  it('records delivered keys, and gives undelivered ones back with their lease', async () => {
    const { store, calls } = scriptedStore({});
    const held = new Map([
      ['a', 'lease-a'],
      ['b', undefined],
    ]);
    await settleKeys(store, held, ['a'], true);
    await settleKeys(store, held, ['a', 'b'], false);
    expect(calls).toEqual(['complete a', 'release a lease-a']);
  });
});
