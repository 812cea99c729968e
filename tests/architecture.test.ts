import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCycle, type ImportGraph, importCycles, importGraph } from './helpers/import-graph';

const SRC = join(import.meta.dirname, '..', 'src');

describe('architecture: imports in src/', () => {
  it('reads the import graph of src/', () => {
    const graph = importGraph(SRC);
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(join('cli', 'commands', 'index.ts'))).toContain(join('cli', 'commands', 'render.ts'));
  });

  it('has no import cycle (type-only imports included)', () => {
    const graph = importGraph(SRC);
    const cycles = importCycles(graph).map((cycle) => describeCycle(graph, cycle));
    expect(
      cycles,
      `import cycles in src/ (module → what it imports inside the cycle):\n${cycles.join('\n\n')}`,
    ).toEqual([]);
  });
});

describe('architecture: the cycle finder', () => {
  const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it.each<[string, Record<string, string[]>, string[][]]>([
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['two modules importing each other', { a: ['b'], b: ['a'], c: ['a'] }, [['a', 'b']]],
    ['a module importing itself', { a: ['a'], b: [] }, [['a']]],
    ['a long loop', { a: ['b'], b: ['c'], c: ['d'], d: ['a'] }, [['a', 'b', 'c', 'd']]],
    [
      'two separate loops',
      { a: ['b'], b: ['a', 'c'], c: ['d'], d: ['c'] },
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['imports of modules outside the graph', { a: ['zod'], b: ['a'] }, []],
  ])('finds the cycles in %s', (_name, edges, cycles) => {
    expect(importCycles(graph(edges))).toEqual(cycles);
  });

  it('handles a chain far deeper than the call stack would allow', () => {
    const n = 50_000;
    const edges = Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}`, [`m${(i + 1) % n}`]]));
    expect(importCycles(graph(edges))[0]).toHaveLength(n);
  });
});
