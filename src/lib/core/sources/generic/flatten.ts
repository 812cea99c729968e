import { FNV_OFFSET, fnvHex, fnvOf } from '../../findings/hash';
import type { Field } from '../../notification';

/** Fields a generic notification lists at most; the rest are counted, never dropped silently. */
export const MAX_GENERIC_FIELDS = 20;
/** Characters of one field value before it is cut with "…". */
export const MAX_GENERIC_VALUE_LENGTH = 500;
/** Nesting followed; deeper values are rare in AWS events and unreadable in a message. */
const MAX_DEPTH = 6;

/** One scalar found in a JSON value, with its path, e.g. `affectedEntities[0].entityValue`. */
export interface Leaf {
  path: string;
  value: string;
}

/**
 * Characters of one key in a leaf's path; longer keys are cut with "…". A leaf's path repeats every
 * key above it, so an uncut 100 KB key over 50,000 leaves would make gigabytes of paths.
 */
const MAX_KEY_LENGTH = 40;

const join = (base: string, key: string | number): string => {
  if (typeof key === 'number') return `${base}[${key}]`;
  const name = key.length > MAX_KEY_LENGTH ? `${key.slice(0, MAX_KEY_LENGTH - 1)}…` : key;
  return base ? `${base}.${name}` : name;
};

/** Appends the leaves under `v` at `path` to `leaves` (see leavesOf); recursive at most MAX_DEPTH deep. */
function collectLeaves(v: unknown, path: string, depth: number, leaves: Leaf[]): void {
  if (typeof v === 'string') {
    if (v !== '') leaves.push({ path, value: v });
  } else if (typeof v === 'number' || typeof v === 'boolean') {
    leaves.push({ path, value: String(v) });
  } else if (depth < MAX_DEPTH && typeof v === 'object' && v !== null) {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) collectLeaves(v[i], join(path, i), depth + 1, leaves);
    } else {
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        collectLeaves((v as Record<string, unknown>)[key], join(path, key), depth + 1, leaves);
      }
    }
  }
}

/**
 * Every scalar (string, number, boolean) under `value`, depth first, in key order; empty strings,
 * null and values deeper than a few levels are left out. Linear in the input: each path is at most
 * {@link MAX_DEPTH} keys of at most {@link MAX_KEY_LENGTH} characters, and the walk recurses at
 * most MAX_DEPTH calls deep, whatever the input's nesting (no stack of frames, one per node, to
 * allocate: this runs for every node of every event no source knows).
 *
 * @example leavesOf({ a: { b: 1 }, c: ['x'] }) // [{ path: 'a.b', value: '1' }, { path: 'c[0]', value: 'x' }]
 */
export function leavesOf(value: unknown, base = ''): Leaf[] {
  const leaves: Leaf[] = [];
  collectLeaves(value, base, 0, leaves);
  return leaves;
}

/** Cuts a value visibly at {@link MAX_GENERIC_VALUE_LENGTH}. */
export function clip(text: string, max = MAX_GENERIC_VALUE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Up to {@link MAX_GENERIC_FIELDS} leaves as fields (label = path), plus one "… and N more" field
 * when there were more. `show` rewrites a leaf that is shown (only those: the rest are counted).
 */
export function leafFields(
  leaves: readonly Leaf[],
  more: (n: number) => string,
  show: (leaf: Leaf) => Leaf = (leaf) => leaf,
): Field[] {
  const shown: Field[] = [];
  const count = Math.min(leaves.length, MAX_GENERIC_FIELDS);
  for (let i = 0; i < count; i++) {
    const l = show(leaves[i] as Leaf);
    shown.push({ label: l.path || '-', value: clip(l.value) });
  }
  const rest = leaves.length - count;
  if (rest > 0) shown.push({ label: '…', value: more(rest) });
  return shown;
}

/** A stable key for content that has no id (shared with the finding sources). */
export { contentHash } from '../../findings/hash';

/**
 * {@link contentHash} of the leaves as `path=value` lines, carried leaf by leaf: the same key, in
 * linear time and memory, with no text of the lines built (nor a generator of them).
 */
export function leavesHash(leaves: readonly Leaf[]): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i] as Leaf;
    if (i > 0) hash = fnvOf(hash, '\n');
    hash = fnvOf(fnvOf(fnvOf(hash, leaf.path), '='), leaf.value);
  }
  return fnvHex(hash);
}
