/*
 * The object kind of fastSafeParse (fast-parse.ts): one plain function per object schema, its source
 * written once from the shape, as zod compiles its own object fast path (zod/v4/core schemas.js,
 * $ZodObjectJIT, with `new Function`). Written out, every shape key is a constant (its case in the
 * `switch` over the input's keys, its place in the output literal), and each schema's function is
 * its own code, so V8 learns one schema's inputs at each site, where one closure shared by every
 * schema saw every event's keys at the same few sites and gave up on them (megamorphic keyed stores
 * and a Map lookup per key were most of its time).
 *
 * The output is one object literal holding every key of the shape, in the shape's order, undefined
 * where zod leaves the key out (an optional key absent from the input); then the keys outside the
 * shape as zod adds them. So every object a schema parses has the same hidden class, and the
 * interpreters' reads of it stay monomorphic (with zod's output, each combination of present keys
 * was a class of its own). Nothing reading a parsed event tells the two apart: they read keys by
 * name, JSON leaves undefined out, and the generic flattening skips it (the fixture snapshots of
 * every channel are unchanged). Nothing but the shape's own keys, JSON-quoted, is ever written into
 * the source; the values are parsed by the functions fast-parse compiled, passed in as parameters.
 */

/** A compiled node: the parsed value, or fast-parse's FAIL. */
export type Fast = (value: unknown) => unknown;

/** One shape key as fast-parse compiled it. */
export interface ObjectField {
  readonly key: string;
  readonly parse: Fast;
  /** zod's optin/optout of the key's schema: whether the key may be absent, and what absence gives. */
  readonly optin: string | undefined;
  readonly optout: string | undefined;
  /** The primitive the key's schema gives back as it is (so it is copied with no call), if any. */
  readonly kept: 'string' | 'number' | 'boolean' | undefined;
}

/** Keys outside the shape: dropped (strip), failing (strict), copied (a catchall of unknown) or parsed. */
export type Rest = { readonly kind: 'strip' | 'strict' | 'copy' } | { readonly kind: 'parse'; readonly parse: Fast };

/** What {@link compileObjectFast} needs from fast-parse besides the shape. */
export interface ObjectCompileContext {
  /** fast-parse's answer for a value that fails. */
  readonly fail: symbol;
  /** fast-parse's test of an object (not null, not an array). */
  readonly isObject: (v: unknown) => boolean;
}

/** A shape key's local before the for…in has seen the key. */
const UNSEEN: unique symbol = Symbol('unseen');

/** The test, in the generated source, of a value of the primitive a key gives back as it is. */
const keptTests: Readonly<Record<NonNullable<ObjectField['kept']>, string>> = {
  string: `typeof v === 'string'`,
  number: `typeof v === 'number' && Number.isFinite(v)`,
  boolean: `typeof v === 'boolean'`,
};

/**
 * The value of a key absent from the input, as zod's handlePropertyResult decides it (what the key's
 * schema makes of undefined, or nothing: undefined), or FAIL. Undefined when absence gives nothing
 * (an optional key, the common case), which then needs no call.
 */
function absentKey(field: ObjectField, fail: symbol): (() => unknown) | undefined {
  const { parse, optin, optout } = field;
  if (optout === 'optional' && optin === 'optional') return undefined;
  return () => {
    const value = parse(undefined);
    if (value === fail) return optin !== undefined && optout === 'optional' ? undefined : fail;
    return optin === undefined ? fail : value;
  };
}

/** The for…in over the input: each shape key's value into its local; keys outside the shape as `rest` says. */
function readLoop(fields: readonly ObjectField[], rest: Rest): string[] {
  const lines = ['for (const key in input) {', 'switch (key) {'];
  // One for…in reads each value where V8 reads it fastest: by the enumeration's own field index.
  fields.forEach((field, i) => {
    lines.push(`case ${JSON.stringify(field.key)}: v${i} = input[key]; continue;`);
  });
  lines.push('}');
  if (rest.kind === 'strict') lines.push('if (!shapeKeys.has(key)) return FAIL;');
  // Only counted here: they are copied (or parsed) by a second for…in once the output exists.
  else if (rest.kind !== 'strip') lines.push('restCount++;');
  lines.push('}');
  return lines;
}

/**
 * The second for…in, when the first counted keys outside the shape: each (in the input's order) onto
 * the output, copied or parsed. No arrays of them in between, which every loose object of an event
 * (a CloudTrail record and its identity, an EventBridge envelope) paid for in allocations.
 */
function restLoop(fields: readonly ObjectField[], rest: Rest): string[] {
  const lines = ['if (restCount > 0) for (const key in input) {', 'switch (key) {'];
  for (const field of fields) lines.push(`case ${JSON.stringify(field.key)}:`);
  // zod never copies an own `__proto__` key (the assignment would replace the output's prototype).
  lines.push(`case '__proto__': continue;`, '}');
  lines.push(
    rest.kind === 'copy'
      ? 'out[key] = input[key];'
      : 'v = rest(input[key]); if (v === FAIL) return FAIL; out[key] = v;',
  );
  lines.push('}');
  return lines;
}

/**
 * The parse of an object schema, as zod's: `isObject`; each shape key in the shape's order, its
 * value `input[key]` and present when `key in input` (a key the for…in did not see, absent most
 * often, is looked up so), into one literal of every shape key (undefined where zod leaves a key
 * out); then the keys outside the shape in the input's for…in order, dropped, refused, copied or
 * parsed as zod's catchall does.
 *
 * @example compileObjectFast(fields, { kind: 'copy' }, new Set(['a']), { fail: FAIL, isObject })({ a: 'x', b: 1 })
 */
export function compileObjectFast(
  fields: readonly ObjectField[],
  rest: Rest,
  shapeKeys: ReadonlySet<string>,
  { fail, isObject }: ObjectCompileContext,
): Fast {
  const names = ['FAIL', 'UNSEEN', 'isObject', 'shapeKeys', 'rest'];
  const values: unknown[] = [fail, UNSEEN, isObject, shapeKeys, rest.kind === 'parse' ? rest.parse : undefined];
  const lines = ['return function parseObject(input) {', 'if (!isObject(input)) return FAIL;'];
  lines.push('let v, restCount = 0;');
  fields.forEach((_, i) => {
    lines.push(`let v${i} = UNSEEN;`);
  });
  lines.push(...readLoop(fields, rest));
  fields.forEach((field, i) => {
    const k = JSON.stringify(field.key);
    names.push(`p${i}`);
    values.push(field.parse);
    lines.push(`v = v${i};`, `if (v === UNSEEN && ${k} in input) v = input[${k}];`);
    if (field.kept) lines.push(`if (${keptTests[field.kept]}) v${i} = v;`, 'else');
    lines.push(`if (v !== UNSEEN) { v = p${i}(v); if (v === FAIL) return FAIL; v${i} = v; }`);
    const absent = absentKey(field, fail);
    if (absent) {
      names.push(`a${i}`);
      values.push(absent);
      lines.push(`else { v = a${i}(); if (v === FAIL) return FAIL; v${i} = v; }`);
    } else lines.push(`else v${i} = undefined;`);
  });
  // One literal: every output of a schema has the same keys in the same order (one hidden class).
  lines.push(`const out = {${fields.map((field, i) => `${JSON.stringify(field.key)}: v${i}`).join(', ')}};`);
  if (rest.kind === 'copy' || rest.kind === 'parse') lines.push(...restLoop(fields, rest));
  lines.push('return out;', '};');
  // The source holds nothing but the shape's own keys, JSON-quoted; everything else is a parameter.
  return new Function(...names, lines.join('\n'))(...values) as Fast;
}
