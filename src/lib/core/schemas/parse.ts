import { InputError } from '../errors';
import { fastSafeParse } from './fast-parse';
import type * as z from './zod';

/**
 * Renders a zod issue path the way AWS documents nest fields, e.g. `Records[2].Sns.Message`.
 *
 * @example formatPath('Records[2]', ['Sns', 'Message']) // "Records[2].Sns.Message"
 */
export function formatPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out ? `${out}.${name}` : name;
  }, base);
}

/**
 * Parses `value` with `schema`; on failure throws an {@link InputError} naming the first bad field
 * under `base` (e.g. `detail.state.value`), with the zod error as `cause`.
 */
export function parseAt<S extends z.ZodMiniType>(schema: S, value: unknown, base: string, what: string): z.infer<S> {
  const result = fastSafeParse(schema, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = formatPath(base, issue?.path ?? []);
  throw new InputError(`not a valid ${what}: ${issue?.message ?? 'invalid'}`, path, { cause: result.error });
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
