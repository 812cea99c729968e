import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Leaf } from '../../../../../src/lib/core/sources/generic/flatten';
import { inReadingOrder, keyOf } from '../../../../../src/lib/core/sources/generic/what-happened';

/** The references: how these were written before the index-reading versions (split, regex, a Map of buckets). */
const reference = {
  keyOf: (path: string) => (path.split('.').at(-1) ?? '').replace(/\[\d+\]$/, '').toLowerCase(),
  inReadingOrder(leaves: readonly Leaf[], keyFields: readonly string[]): Leaf[] {
    const buckets = new Map<string, Leaf[]>(keyFields.map((k) => [k, []]));
    const rest: Leaf[] = [];
    for (const leaf of leaves) (buckets.get(reference.keyOf(leaf.path)) ?? rest).push(leaf);
    return [...[...buckets.values()].flat(), ...rest];
  },
};

/** Paths made of the characters keyOf reads, so the property hits every edge. */
const path = fc.string({ unit: fc.constantFrom('a', 'Status', '.', '[', ']', '0', '12', 'x'), maxLength: 12 });

describe('generic: the fast paths agree with the plain ones they replace', () => {
  it('keyOf takes the last key, drops one trailing index and lower-cases like split and a regex do', () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(keyOf(p)).toBe(reference.keyOf(p));
      }),
    );
    expect(keyOf('detail.containers[0].lastStatus')).toBe('laststatus');
    expect(keyOf('items[2]')).toBe('items');
    expect(keyOf('a[1][2]')).toBe('a[1]');
  });

  it('keyOf gives the same key when asked again, and after more paths than it remembers', () => {
    const paths = Array.from({ length: 10_000 }, (_, i) => `detail.item${i % 7}[${i}].Status${i}`);
    const first = paths.map(keyOf);
    expect(paths.map(keyOf)).toEqual(first);
    expect(first).toEqual(paths.map(reference.keyOf));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 30 }), (ps) => {
        expect([...ps, ...ps].map(keyOf)).toEqual([...ps, ...ps].map(reference.keyOf));
      }),
    );
  });

  it('inReadingOrder puts the key fields first, in their order, then the rest as they came', () => {
    // The key fields as the source lists them (a copy: the order itself is what is pinned).
    const keyFields = [
      'title',
      'description',
      'severity',
      'status',
      'state',
      'test-run-status',
      'current-state',
      'build-status',
      'laststatus',
      'eventname',
      'scanstatus',
      'scanresultstatus',
      'scan-status',
      'reason',
      'state-reason',
      'stoppedreason',
      'statusreason',
      'additionalinformation',
      'errormessage',
      'errorcode',
      'message',
      'resource',
    ];
    const leafPath = fc.oneof(
      path,
      fc.constantFrom(...keyFields).map((k) => `detail.${k.toUpperCase()}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ path: leafPath, value: fc.string({ maxLength: 2 }) }), { maxLength: 12 }),
        (leaves) => {
          expect(inReadingOrder(leaves)).toStrictEqual(reference.inReadingOrder(leaves, keyFields));
        },
      ),
    );
  });
});
