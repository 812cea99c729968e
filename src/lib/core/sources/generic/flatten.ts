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

const join = (base: string, key: string | number): string =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/**
 * Every scalar (string, number, boolean) under `value`, depth first, in key order; empty strings,
 * null and values deeper than a few levels are left out.
 *
 * @example leavesOf({ a: { b: 1 }, c: ['x'] }) // [{ path: 'a.b', value: '1' }, { path: 'c[0]', value: 'x' }]
 */
export function leavesOf(value: unknown, base = '', depth = 0): Leaf[] {
  if (typeof value === 'string') return value === '' ? [] : [{ path: base, value }];
  if (typeof value === 'number' || typeof value === 'boolean') return [{ path: base, value: String(value) }];
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i): [number, unknown] => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, v]) => leavesOf(v, join(base, key), depth + 1));
}

/** Cuts a value visibly at {@link MAX_GENERIC_VALUE_LENGTH}. */
export function clip(text: string, max = MAX_GENERIC_VALUE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Up to {@link MAX_GENERIC_FIELDS} leaves as fields (label = path), plus one "… and N more" field
 * when there were more.
 */
export function leafFields(leaves: readonly Leaf[], more: (n: number) => string): Field[] {
  const shown = leaves.slice(0, MAX_GENERIC_FIELDS).map((l) => ({ label: l.path || '-', value: clip(l.value) }));
  const rest = leaves.length - shown.length;
  return rest > 0 ? [...shown, { label: '…', value: more(rest) }] : shown;
}

/** A stable key for content that has no id (shared with the finding sources). */
export { contentHash } from '../../findings/hash';
