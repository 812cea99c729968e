import { CONSTANT_CATCH } from './catch';
import { compileObjectFast, type ObjectField, type Rest } from './fast-object';
import type * as z from './zod';

/*
 * zod's safeParse, faster on the inputs that pass. zod runs every node of a schema through a
 * payload object, an issue array and its check machinery, which is most of the cost of reading an
 * event. Here each schema is compiled once into plain functions that return the parsed value, or
 * FAIL on the first problem; only then does zod itself run, for the issue and its message. The
 * functions follow zod's own rules node by node (which keys an object keeps, in which order, what a
 * catch or an optional key gives) for the kinds our schemas use: object (strip, loose, strict),
 * string, number, boolean, null, unknown, enum, literal, optional, nullable, catch, array, record,
 * union and lazy (objects through fast-object.ts, which writes each object schema's parse out as source,
 * its output holding every key of the shape).
 * Any other node (pipe, transform, a coercing type, a check that rewrites the
 * value) is handed to zod's own `run` as it stands, so the result is always zod's. A test parses
 * every fixture and thousands of generated near-misses both ways and compares.
 */

/** The answer of a compiled node that found a problem (zod then runs for the issue). */
const FAIL: unique symbol = Symbol('fail');
type Fast = (value: unknown) => unknown;

/** The parts of a zod node read here (zod's internals, stable across zod 4). */
interface Internals {
  readonly def: Def;
  readonly traits: ReadonlySet<string>;
  readonly optin?: string;
  readonly optout?: string;
  readonly values?: ReadonlySet<unknown>;
  /** A lazy node's schema, built by its getter on first read. */
  readonly innerType?: Node;
  readonly run: (payload: Payload, ctx: object) => Payload | Promise<Payload>;
  readonly check?: (payload: Payload) => unknown;
}
/** The fields of a node's definition read here, by kind. */
interface Def {
  readonly type: string;
  readonly checks?: readonly Node[];
  readonly coerce?: boolean;
  /** A check's kind ("min_length") and when it applies. */
  readonly check?: string;
  readonly when?: (payload: Payload) => boolean;
  readonly shape?: Record<string, Node>;
  readonly catchall?: Node;
  readonly keyType?: Node;
  readonly valueType?: Node;
  readonly mode?: string;
  readonly element?: Node;
  readonly options?: readonly Node[];
  readonly inclusive?: boolean;
  readonly discriminator?: unknown;
  readonly innerType?: Node;
  readonly catchValue?: (() => unknown) & { readonly [CONSTANT_CATCH]?: boolean };
}
interface Node {
  readonly _zod: Internals;
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

/** Checks that only test the value (never rewrite it), run as zod runs them. */
const TESTING_CHECKS = new Set([
  'min_length',
  'max_length',
  'length_equals',
  'string_format',
  'greater_than',
  'less_than',
  'custom',
]);

/** zod's own parse of one node, with safeParse's context: exact, and the fallback for every kind not compiled. */
function delegate(node: Node): Fast {
  return (value) => {
    const result = node._zod.run({ value, issues: [] }, { async: false });
    return result instanceof Promise || result.issues.length > 0 ? FAIL : result.value;
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** zod's isPlainObject: an object whose constructor (if any) has an ordinary prototype (what z.record accepts). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const ctor = v.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prototype = ctor.prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

/** What an object key's schema gives back as it is, bare or in optional and catch wrappers (see ObjectField). */
function keptKind(node: Node): ObjectField['kept'] {
  const def = node._zod.def;
  if (def.coerce || def.checks?.length || node._zod.traits.has('$ZodCheck')) return undefined;
  if (def.type === 'optional' || def.type === 'catch') return keptKind(def.innerType!);
  return def.type === 'string' || def.type === 'number' || def.type === 'boolean' ? def.type : undefined;
}

function compileObject(node: Node): Fast | undefined {
  const def = node._zod.def as Def & { shape: Record<string, Node> };
  if (Object.getOwnPropertySymbols(def.shape).length > 0) return undefined;
  const fields = Object.keys(def.shape)
    .filter((k) => k !== '__proto__')
    .map((key): ObjectField => {
      const el = def.shape[key]!;
      return { key, parse: compile(el), optin: el._zod.optin, optout: el._zod.optout, kept: keptKind(el) };
    });
  const catchall = def.catchall;
  return compileObjectFast(fields, catchall ? restOf(catchall) : STRIP, new Set(Object.keys(def.shape)), {
    fail: FAIL,
    isObject,
  });
}

const STRIP: Rest = { kind: 'strip' };
/** A catchall of never refuses other keys; of a plain unknown, copies them; of anything else, parses them. */
function restOf(catchall: Node): Rest {
  const def = catchall._zod.def;
  if (def.type === 'never') return { kind: 'strict' };
  if (def.type === 'unknown' && !def.checks?.length) return { kind: 'copy' };
  return { kind: 'parse', parse: compile(catchall) };
}

function compileRecord(node: Node): Fast | undefined {
  const def = node._zod.def as Def & { keyType: Node; valueType: Node };
  const keyDef = def.keyType._zod.def;
  // Only string keys (zod's other record forms enumerate or reshape keys).
  if (keyDef.type !== 'string' || keyDef.coerce || keyDef.checks?.length || def.mode !== undefined) return undefined;
  const value = compile(def.valueType);
  const anyValue = def.valueType._zod.def.type === 'unknown' && !def.valueType._zod.def.checks?.length;
  return (input) => {
    if (!isPlainObject(input)) return FAIL;
    // Own enumerable string keys, in zod's order; a symbol key (never in JSON) is zod's to judge.
    if (Object.getOwnPropertySymbols(input).length > 0) return FAIL;
    // Values taken as they are: a spread copies the same keys in the same order, natively (only an
    // own `__proto__` key, which zod leaves out, needs the loop).
    if (anyValue && !Object.hasOwn(input, '__proto__')) return { ...input };
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(input)) {
      if (key === '__proto__') continue;
      const v = value(input[key]);
      if (v === FAIL) return FAIL;
      out[key] = v;
    }
    return out;
  };
}

function compileArray(node: Node): Fast {
  const element = compile(node._zod.def.element!);
  return (input) => {
    if (!Array.isArray(input)) return FAIL;
    const out = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const v = element(input[i]);
      if (v === FAIL) return FAIL;
      out[i] = v;
    }
    return out;
  };
}

function compileUnion(node: Node): Fast | undefined {
  // Exclusive unions (xor) and discriminated ones choose differently from "the first that passes".
  if (node._zod.def.inclusive === false || node._zod.def.discriminator !== undefined) return undefined;
  const options = node._zod.def.options!.map(compile);
  return (input) => {
    for (const option of options) {
      const v = option(input);
      if (v !== FAIL) return v;
    }
    return FAIL;
  };
}

const inner = (node: Node) => compile(node._zod.def.innerType!);

/** What a plain primitive node (no coercion, no checks) lets through unchanged, by kind. */
const primitiveTests: Readonly<Record<string, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
};

/** The test of a plain primitive node, or of an optional one (undefined passes too); else undefined. */
function primitiveTest(node: Node): ((v: unknown) => boolean) | undefined {
  const def = node._zod.def;
  if (def.coerce || def.checks?.length || node._zod.traits.has('$ZodCheck')) return undefined;
  if (def.type === 'optional') {
    const test = primitiveTest(def.innerType!);
    return test && def.innerType!._zod.def.type !== 'optional' ? (v) => v === undefined || test(v) : undefined;
  }
  return Object.hasOwn(primitiveTests, def.type) ? primitiveTests[def.type] : undefined;
}

/** The node's parse without its checks, by kind; undefined for kinds left to zod. */
const kinds: Readonly<Record<string, (node: Node) => Fast | undefined>> = {
  string: (node) => (node._zod.def.coerce ? undefined : (v) => (typeof v === 'string' ? v : FAIL)),
  number: (node) =>
    node._zod.def.coerce ? undefined : (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL),
  boolean: (node) => (node._zod.def.coerce ? undefined : (v) => (typeof v === 'boolean' ? v : FAIL)),
  null: () => (v) => (v === null ? v : FAIL),
  unknown: () => (v) => v,
  any: () => (v) => v,
  enum: (node) => {
    const values = node._zod.values;
    return values ? (v) => (values.has(v) ? v : FAIL) : undefined;
  },
  literal: (node) => {
    const values = node._zod.values;
    return values ? (v) => (values.has(v) ? v : FAIL) : undefined;
  },
  optional: (node) => {
    const parse = inner(node);
    if (node._zod.def.innerType!._zod.optin === 'defaulted') return undefined;
    return (v) => (v === undefined ? v : parse(v));
  },
  nullable: (node) => {
    const parse = inner(node);
    return (v) => (v === null ? v : parse(v));
  },
  catch: (node) => {
    const parse = inner(node);
    // A constant fallback (zod tags its thunk) is simply called; a function's is zod's to compute,
    // as it sees the issues.
    const catchValue = node._zod.def.catchValue;
    const constant = catchValue?.[CONSTANT_CATCH] === true;
    // The common `z.catch(z.optional(z.string()), undefined)` in one step.
    const test = constant ? primitiveTest(node._zod.def.innerType!) : undefined;
    if (test) {
      const fallback = catchValue!();
      return (v) => (test(v) ? v : fallback);
    }
    const caught = constant ? () => catchValue!() : delegate(node);
    return (v) => {
      const out = parse(v);
      return out === FAIL ? caught(v) : out;
    };
  },
  // Compiled on first use, as zod builds it: z.lazy keeps a schema's construction out of the import.
  lazy: (node) => {
    let parse: Fast | undefined;
    return (v) => {
      parse ??= compile(node._zod.innerType!);
      return parse(v);
    };
  },
  object: compileObject,
  record: compileRecord,
  array: compileArray,
  union: compileUnion,
};

/** A node's checks after its parse, as zod's runChecks runs them once the parse succeeded. */
function withChecks(node: Node, parse: Fast): Fast | undefined {
  const checks = node._zod.def.checks ?? [];
  if (checks.length === 0) return parse;
  if (!checks.every((c) => TESTING_CHECKS.has(c._zod.def.check ?? '') && c._zod.check)) return undefined;
  return (input) => {
    const value = parse(input);
    if (value === FAIL) return FAIL;
    const payload: Payload = { value, issues: [] };
    for (const c of checks) {
      const when = c._zod.def.when;
      if (when && !when(payload)) continue;
      if (c._zod.check!(payload) instanceof Promise || payload.issues.length > 0) return FAIL;
    }
    return value;
  };
}

const compiled = new WeakMap<Node, Fast>();

function compile(node: Node): Fast {
  let fast = compiled.get(node);
  if (!fast) {
    // A node that is itself a check (a string format such as z.email()) runs as one: left to zod.
    const kind = node._zod.traits.has('$ZodCheck') ? undefined : kinds[node._zod.def.type];
    const parse = kind?.(node);
    fast = (parse && withChecks(node, parse)) ?? delegate(node);
    compiled.set(node, fast);
  }
  return fast;
}

/** What safeParse returns. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: z.core.$ZodError };

/**
 * `schema.safeParse(value)`, with the same result, faster when it succeeds (see above), except
 * that a parsed object holds every key of its schema's shape, undefined where zod leaves the key
 * out (one hidden class per schema: see fast-object.ts). Read parsed values by key, as the sources do.
 *
 * @example fastSafeParse(z.looseObject({ a: z.string() }), { a: 'x', b: 1 }) // { success: true, data: { a: 'x', b: 1 } }
 */
export function fastSafeParse<S extends z.ZodMiniType>(schema: S, value: unknown): SafeParseResult<z.infer<S>> {
  const out = compile(schema as unknown as Node)(value);
  if (out === FAIL) return schema.safeParse(value);
  return { success: true, data: out as z.infer<S> };
}
