import { globMatcher } from '../../glob';
import { isRecord } from '../../schemas/parse';
import * as z from '../../schemas/zod';
import { cidrContains, parseCidr } from './cidr';

/**
 * One value test of an EventBridge event pattern (the subset this notifier generates and accepts in
 * user rule conditions). Built on first use (z.lazy): only a rules file is checked against it.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
export const patternMatcherSchema = z.lazy(() => {
  const ignoreCase = z.strictObject({ 'equals-ignore-case': z.string() });
  return z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.strictObject({ prefix: z.union([z.string(), ignoreCase]) }),
    z.strictObject({ suffix: z.union([z.string(), ignoreCase]) }),
    z.strictObject({ 'equals-ignore-case': z.string() }),
    z.strictObject({ wildcard: z.string() }),
    z.strictObject({ exists: z.boolean() }),
    z.strictObject({ cidr: z.string().check(z.refine((c) => parseCidr(c) !== undefined, { error: 'is not a CIDR' })) }),
    z.strictObject({
      numeric: z.array(z.union([z.enum(['<', '<=', '=', '>', '>=']), z.number()])).check(z.minLength(2)),
    }),
    z.strictObject({
      'anything-but': z.union([
        z.string(),
        z.number(),
        z.array(z.union([z.string(), z.number()])),
        z.strictObject({ prefix: z.string() }),
        z.strictObject({ suffix: z.string() }),
      ]),
    }),
  ]);
});
export type PatternMatcher = z.infer<typeof patternMatcherSchema>;

/** An EventBridge event pattern (or a part of one, such as its `detail`): keys AND, array values OR. */
export interface EventPattern {
  readonly [key: string]: readonly PatternMatcher[] | EventPattern;
}

/** zod schema of an {@link EventPattern}: every leaf a non-empty array of matchers. */
export const eventPatternSchema: z.ZodMiniType<EventPattern> = z.lazy(() =>
  z.record(z.string(), z.union([z.array(patternMatcherSchema).check(z.minLength(1)), eventPatternSchema])),
);

/** Appends `value` to `out`, arrays flattened at every level (holes skipped, as flatMap skips them). */
function pushFlat(out: unknown[], value: unknown): void {
  if (!Array.isArray(value)) {
    out.push(value);
    return;
  }
  for (let i = 0; i < value.length; i++) if (i in value) pushFlat(out, value[i]);
}

/**
 * A pattern's (or matcher's) entries, read once: patterns are rule data, never changed after they
 * are built, and every event is matched against the same ones.
 */
const entriesOf = new WeakMap<object, ReadonlyArray<readonly [string, unknown]>>();
function entries(object: object): ReadonlyArray<readonly [string, unknown]> {
  let list = entriesOf.get(object);
  if (!list) {
    list = Object.entries(object);
    entriesOf.set(object, list);
  }
  return list;
}
const lower = (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : undefined);
const text = (m: string | { 'equals-ignore-case': string }) => (typeof m === 'string' ? m : m['equals-ignore-case']);
const folds = (m: string | { 'equals-ignore-case': string }) => typeof m !== 'string';

type NumericOp = '<' | '<=' | '=' | '>' | '>=';
const numericOps: Record<NumericOp, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function anythingBut(spec: unknown, v: unknown): boolean {
  if (Array.isArray(spec)) return !spec.includes(v as string);
  if (isRecord(spec) && typeof spec.prefix === 'string') return typeof v === 'string' && !v.startsWith(spec.prefix);
  if (isRecord(spec) && typeof spec.suffix === 'string') return typeof v === 'string' && !v.endsWith(spec.suffix);
  return v !== spec;
}

/** Matchers by operator name; a plain value is an exact match. */
const operators: Record<string, (spec: never, v: unknown) => boolean> = {
  prefix: (spec: string | { 'equals-ignore-case': string }, v) =>
    typeof v === 'string' &&
    (folds(spec) ? v.toLowerCase().startsWith(text(spec).toLowerCase()) : v.startsWith(text(spec))),
  suffix: (spec: string | { 'equals-ignore-case': string }, v) =>
    typeof v === 'string' &&
    (folds(spec) ? v.toLowerCase().endsWith(text(spec).toLowerCase()) : v.endsWith(text(spec))),
  'equals-ignore-case': (spec: string, v) => lower(v) === spec.toLowerCase(),
  wildcard: (spec: string, v) => typeof v === 'string' && globMatcher(spec, { singleCharacter: false })(v),
  cidr: (spec: string, v) => {
    const cidr = parseCidr(spec);
    return cidr !== undefined && typeof v === 'string' && cidrContains(cidr, v);
  },
  numeric: (spec: Array<string | number>, v) => {
    if (typeof v !== 'number') return false;
    for (let i = 0; i + 1 < spec.length; i += 2) {
      const op = numericOps[spec[i] as NumericOp];
      if (!op?.(v, Number(spec[i + 1]))) return false;
    }
    return true;
  },
  'anything-but': anythingBut as (spec: never, v: unknown) => boolean,
};

// Loops rather than some() with a closure: every CloudTrail event is matched against every rule of its source.

function leafMatches(matcher: PatternMatcher, values: readonly unknown[]): boolean {
  if (!isRecord(matcher)) {
    for (const v of values) if (v === matcher) return true;
    return false;
  }
  if ('exists' in matcher) return matcher.exists === values.length > 0;
  const [name, spec] = entries(matcher)[0] ?? [];
  const op = name === undefined ? undefined : operators[name];
  if (op === undefined) return false;
  for (const v of values) if (op(spec as never, v)) return true;
  return false;
}

function anyMatcherMatches(matchers: readonly PatternMatcher[], values: readonly unknown[]): boolean {
  for (const m of matchers) if (leafMatches(m, values)) return true;
  return false;
}

/** The values at `key` of the candidates that are objects, arrays flattened (see pushFlat). */
function valuesAt(candidates: readonly unknown[], key: string): unknown[] {
  // The usual case, one object with one value there, as a one-element array: an empty array grown
  // by push gets room for 16 at once, for every key of every rule's pattern tried.
  if (candidates.length === 1) {
    const c = candidates[0];
    const v = isRecord(c) ? c[key] : undefined;
    if (v === undefined) return [];
    if (!Array.isArray(v)) return [v];
  }
  const values: unknown[] = [];
  for (const c of candidates) if (isRecord(c) && c[key] !== undefined) pushFlat(values, c[key]);
  return values;
}

function matchesAt(pattern: EventPattern, candidates: readonly unknown[]): boolean {
  for (const [key, sub] of entries(pattern)) {
    const values = valuesAt(candidates, key);
    const matched = Array.isArray(sub)
      ? anyMatcherMatches(sub as readonly PatternMatcher[], values)
      : matchesAt(sub as EventPattern, values);
    if (!matched) return false;
  }
  return true;
}

/**
 * True when `event` matches an EventBridge event pattern: every key must match; a leaf matches when
 * any of its matchers matches any of the event's values there (arrays in the event are flattened).
 * Used to evaluate rule conditions in the Lambda exactly as EventBridge evaluates them, and by tests
 * to prove generated patterns deliver every rule's events.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 *
 * @example matchesEventPattern({ detail: { errorCode: [{ prefix: 'AccessDenied' }] } }, event)
 */
export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  return matchesAt(pattern, [event]);
}
