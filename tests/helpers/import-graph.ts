import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Module → the modules it imports, as paths relative to the scanned root. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** `./x`, `./x.ts`, `./x.js` (ESM spelling) or `./x/index.ts`, whichever exists. */
function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  return candidates.find((c) => c.endsWith('.ts') && existsSync(c) && statSync(c).isFile());
}

/**
 * The graph of relative imports between the `.ts` files under `root`: every `import … from`,
 * `import type`, `export … from`, side-effect `import '…'` and `import('…')`, as TypeScript's own
 * pre-processor reads them (so comments and strings never count). Type-only imports are edges too:
 * they are not runtime cycles, but a cycle of types still ties two modules into one.
 */
export function importGraph(root: string): ImportGraph {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(root, f))
    .sort();
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((s) => s.startsWith('./') || s.startsWith('../'))
      .map((s) => resolveModule(file, s))
      .filter((t): t is string => t !== undefined)
      .map((t) => relative(root, t));
    graph.set(relative(root, file), [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * The import cycles of a graph: its strongly connected components with more than one module, and
 * modules that import themselves (Tarjan's algorithm, iterative so depth is no limit). Each cycle is
 * its sorted module list; cycles are sorted by their first module.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const edges = (v: string) => (graph.get(v) ?? []).filter((w) => graph.has(w));

  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ v: string; i: number }> = [{ v: start, i: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const w = edges(frame.v)[frame.i++];
      if (w !== undefined) {
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.v, Math.min(low.get(frame.v)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(frame.v)!));
      if (low.get(frame.v) !== index.get(frame.v)) continue;
      const component: string[] = [];
      let w2: string | undefined;
      do {
        w2 = stack.pop()!;
        onStack.delete(w2);
        component.push(w2);
      } while (w2 !== frame.v);
      if (component.length > 1 || edges(frame.v).includes(frame.v)) cycles.push(component.sort());
    }
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One cycle as lines a reader can follow: each module and what it imports inside the cycle. */
export function describeCycle(graph: ImportGraph, cycle: readonly string[]): string {
  const inCycle = new Set(cycle);
  return cycle.map((v) => `  ${v} → ${(graph.get(v) ?? []).filter((w) => inCycle.has(w)).join(', ')}`).join('\n');
}
