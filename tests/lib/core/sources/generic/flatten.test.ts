import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash, type Leaf, leavesHash, leavesOf } from '../../../../../src/lib/core/sources/generic/flatten';

/** The walk as it was written first: an explicit stack, children pushed last to first, paths as in the source. */
function reference(value: unknown, base = ''): Leaf[] {
  const join = (path: string, key: string | number) => {
    if (typeof key === 'number') return `${path}[${key}]`;
    const name = key.length > 40 ? `${key.slice(0, 39)}…` : key;
    return path ? `${path}.${name}` : name;
  };
  const leaves: Leaf[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: base, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: v, path, depth } = item;
    if (typeof v === 'string') {
      if (v !== '') leaves.push({ path, value: v });
    } else if (typeof v === 'number' || typeof v === 'boolean') leaves.push({ path, value: String(v) });
    else if (depth < 6 && typeof v === 'object' && v !== null) {
      const entries: Array<[string | number, unknown]> = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
      for (const [key, x] of entries.reverse()) stack.push({ value: x, path: join(path, key), depth: depth + 1 });
    }
  }
  return leaves;
}

describe('generic: leavesOf', () => {
  it('lists the same leaves, in the same order, as the stack walk it replaces', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.string({ minLength: 38, maxLength: 44 }), fc.constant('0'));
    const json = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 9 },
        fc.string({ maxLength: 3 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(json, fc.constantFrom('', 'detail'), (value, base) => {
        expect(leavesOf(value, base)).toEqual(reference(value, base));
      }),
      { numRuns: 2_000 },
    );
  });

  it('stops six levels down, whatever the nesting', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(leavesOf(deep)).toEqual([]);
    expect(leavesOf({ a: { b: { c: { d: { e: { f: 'x', g: { h: 'too deep' } } } } } } })).toEqual([
      { path: 'a.b.c.d.e.f', value: 'x' },
    ]);
  });
});

describe('generic: leavesHash', () => {
  it('is the content hash of the leaves as path=value lines', () => {
    const leaf = fc.record({ path: fc.string({ maxLength: 8 }), value: fc.string({ maxLength: 8 }) });
    fc.assert(
      fc.property(fc.array(leaf, { maxLength: 6 }), (leaves) => {
        expect(leavesHash(leaves)).toBe(contentHash(leaves.map((l) => `${l.path}=${l.value}`).join('\n')));
      }),
    );
    expect(leavesHash([])).toBe(contentHash(''));
    expect(contentHash('abc')).toBe('1a47e90b');
  });
});
