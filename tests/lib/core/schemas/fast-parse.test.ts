import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventBridgeEventSchema } from '../../../../src/lib/core/schemas/eventbridge';
import { fastSafeParse } from '../../../../src/lib/core/schemas/fast-parse';
import { snsHttpBodySchema, snsRecordSchema } from '../../../../src/lib/core/schemas/sns';
import * as z from '../../../../src/lib/core/schemas/zod';
import { accessAnalyzerFindingSchema } from '../../../../src/lib/core/sources/access-analyzer/interpret';
import { budgetAlertTypeSchema } from '../../../../src/lib/core/sources/budget/budget-alert';
import { cloudTrailRecordSchema, eventBridgeEnvelopeSchema } from '../../../../src/lib/core/sources/cloudtrail/schemas';
import { classicAlarmMessageSchema } from '../../../../src/lib/core/sources/cloudwatch-alarm/classic-schema';
import { lambdaAlarmActionSchema } from '../../../../src/lib/core/sources/cloudwatch-alarm/lambda-action-schema';
import {
  alarmConfigChangeDetailSchema,
  alarmStateChangeDetailSchema,
  reasonDataSchema,
} from '../../../../src/lib/core/sources/cloudwatch-alarm/schema';
import { costAnomalyMessageSchema } from '../../../../src/lib/core/sources/cost-anomaly/anomaly-message';
import { guardDutyFindingSchema } from '../../../../src/lib/core/sources/guardduty/schema';
import { healthDetailSchema } from '../../../../src/lib/core/sources/health/schema';
import { inspectorFindingSchema } from '../../../../src/lib/core/sources/inspector/schema';
import { asffFindingSchema, securityHubDetailSchema } from '../../../../src/lib/core/sources/security-hub/schema';

/** Every schema the pipeline reads events with. */
const SCHEMAS: Record<string, z.ZodMiniType> = {
  eventBridgeEventSchema,
  snsRecordSchema,
  snsHttpBodySchema,
  eventBridgeEnvelopeSchema,
  cloudTrailRecordSchema,
  classicAlarmMessageSchema,
  lambdaAlarmActionSchema,
  alarmStateChangeDetailSchema,
  alarmConfigChangeDetailSchema,
  reasonDataSchema,
  costAnomalyMessageSchema,
  budgetAlertTypeSchema,
  guardDutyFindingSchema,
  healthDetailSchema,
  inspectorFindingSchema,
  accessAnalyzerFindingSchema,
  securityHubDetailSchema,
  asffFindingSchema,
};

/**
 * A value with its structure spelled out: key order, keys holding undefined and the prototype count.
 * Where `like` (zod's result at the same place) is an object, a key it lacks that holds undefined
 * here is left out: fastSafeParse writes every key of an object's shape (one hidden class per
 * schema), undefined where zod leaves the key out, and nothing else may differ.
 */
function spelled(value: unknown, like: unknown = value): unknown {
  const likeAt = (key: string | number) =>
    typeof like === 'object' && like !== null ? (like as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(value)) {
    // By index: a broken input may carry its own `constructor`, which Array.prototype.map would call.
    const items: unknown[] = ['array'];
    for (let i = 0; i < value.length; i++) items.push(spelled(value[i], likeAt(i)));
    return items;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const likeObject = typeof like === 'object' && like !== null ? like : undefined;
    const keys = Object.keys(record).filter(
      (k) => !(likeObject && record[k] === undefined && !Object.hasOwn(likeObject, k)),
    );
    // Its prototype too: an own `__proto__` key copied by assignment would replace it.
    const plain = Object.getPrototypeOf(value) === Object.prototype;
    return ['object', plain, ...keys.map((k) => [k, spelled(record[k], likeAt(k))])];
  }
  return value;
}

function expectSameAsZod(schema: z.ZodMiniType, value: unknown) {
  const fast = fastSafeParse(schema, value);
  const reference = schema.safeParse(value);
  expect(fast.success).toBe(reference.success);
  if (fast.success && reference.success) {
    expect(spelled(fast.data, reference.data)).toEqual(spelled(reference.data));
  } else if (!fast.success && !reference.success) expect(fast.error.issues).toEqual(reference.error.issues);
}

const FIXTURES = 'tests/fixtures';
const parsedJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
/** Every fixture, and every object or array in it down to three levels (JSON messages parsed), as inputs. */
const inputs: unknown[] = [];
function collect(value: unknown, depth: number) {
  if (typeof value === 'string' && value.trimStart().startsWith('{')) value = parsedJson(value);
  if (typeof value !== 'object' || value === null) return;
  inputs.push(value);
  if (depth === 0) return;
  for (const v of Object.values(value)) collect(v, depth - 1);
}
for (const f of readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))) {
  collect(parsedJson(readFileSync(join(FIXTURES, f), 'utf8')), 3);
}

/** The parts of a zod schema's internals `shapeKeys` reads. */
interface ZodInternals {
  def: { type: string; shape?: Record<string, unknown> };
  innerType?: { _zod: ZodInternals };
}

describe('fastSafeParse: the same result as zod safeParse', () => {
  it.each(Object.entries(SCHEMAS))('for %s, on every fixture and every object inside one', (_name, schema) => {
    for (const input of inputs) expectSameAsZod(schema, input);
  });

  /** The keys of an object schema's shape, in order (what every parsed object of it starts with). */
  const shapeKeys = (schema: z.ZodMiniType): string[] | undefined => {
    const internals = (schema as unknown as { _zod: ZodInternals })._zod;
    // A lazy schema (built on first use) has the keys of the schema it builds.
    const def = internals.def.type === 'lazy' ? internals.innerType!._zod.def : internals.def;
    return def.type === 'object' ? Object.keys(def.shape ?? {}) : undefined;
  };

  it.each(Object.entries(SCHEMAS))(
    'for %s, every parsed object has every key of the shape, in order, then the rest as zod',
    (_name, schema) => {
      const keys = shapeKeys(schema);
      let parsed = 0;
      for (const input of inputs) {
        const fast = fastSafeParse(schema, input);
        const reference = schema.safeParse(input);
        if (!keys || !fast.success || !reference.success) continue;
        parsed += 1;
        const rest = Object.keys(reference.data as object).filter((k) => !keys.includes(k));
        // Keys written in that order (an object lists integer keys first, whatever the order).
        const order = Object.keys(Object.fromEntries([...keys, ...rest].map((k) => [k, true])));
        expect(Object.keys(fast.data as object)).toEqual(order);
      }
      if (keys) expect(parsed).toBeGreaterThan(0);
    },
  );

  /** Values that break a field in the ways AWS events and hostile inputs do. */
  const oddValue = fc.oneof(
    fc.constantFrom(null, undefined, 'null', '', 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, ['x']),
    fc.string({ maxLength: 5 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  /** A fixture object with one field, at some depth, replaced, deleted or added. */
  const nearMiss = fc
    .record({
      input: fc.constantFrom(...inputs.filter((v) => !Array.isArray(v))),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      how: fc.constantFrom('replace', 'delete', 'add'),
      key: fc.constantFrom('__proto__', 'constructor', 'extra', 'toString', 'detail', 'state'),
      value: oddValue,
    })
    .map(({ input, picks, how, key, value }) => {
      const copy = structuredClone(input) as Record<string, unknown>;
      let target: Record<string, unknown> = copy;
      for (const pick of picks) {
        const keys = Object.keys(target);
        if (keys.length === 0) break;
        const k = keys[pick % keys.length]!;
        const next = target[k];
        if (typeof next !== 'object' || next === null || picks.length === 1) {
          if (how === 'delete') delete target[k];
          else if (how === 'add') Object.defineProperty(target, key, { value, enumerable: true, configurable: true });
          else target[k] = value;
          return copy;
        }
        target = next as Record<string, unknown>;
      }
      target[key] = value;
      return copy;
    });

  it.each(Object.entries(SCHEMAS))('for %s, on fixtures with a field broken', (_name, schema) => {
    fc.assert(
      fc.property(nearMiss, (input) => expectSameAsZod(schema, input)),
      { numRuns: 300 },
    );
  });

  const kinds = z.looseObject({
    s: z.string().check(z.minLength(2)),
    n: z.optional(z.number()),
    b: z.nullish(z.boolean()),
    e: z.catch(z.optional(z.enum(['a', 'b'])), undefined),
    l: z.optional(z.literal('x')),
    u: z.optional(z.union([z.number(), z.array(z.string()).check(z.minLength(1)), z.object({ a: z.string() })])),
    c: z.catch(z.string(), 'fallback'),
    cn: z.catch(z.optional(z.number()), -1),
    f: z.catch(z.number(), (ctx) => ctx.error.issues.length * 1000 + (typeof ctx.input).length),
    r: z.optional(z.record(z.string(), z.number())),
    anyRecord: z.optional(z.record(z.string(), z.unknown())),
    strict: z.optional(z.strictObject({ a: z.optional(z.string()) })),
    strip: z.optional(z.object({ a: z.string() })),
    nul: z.optional(z.null()),
    lazy: z.optional(z.lazy(() => z.looseObject({ a: z.catch(z.optional(z.string()), undefined), n: z.number() }))),
    lazyCaught: z.catch(
      z.lazy(() => z.object({ a: z.string() })),
      () => ({ a: 'caught' }),
    ),
    piped: z.optional(
      z.pipe(
        z.string(),
        z.transform((t) => t.length),
      ),
    ),
  });
  /** Mostly a valid value, sometimes an odd one: so that one broken field decides the outcome. */
  const mostly = <T>(valid: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: oddValue, weight: 1 });
  const generated = fc.record(
    {
      s: mostly(fc.oneof(fc.string({ minLength: 1, maxLength: 4 }), fc.constantFrom('😀', 'ab', '😀😀'))),
      n: mostly(fc.double()),
      b: mostly(fc.boolean()),
      e: mostly(fc.constantFrom('a', 'b', 'c')),
      l: mostly(fc.constant('x')),
      u: mostly(fc.oneof(fc.integer(), fc.array(fc.string()), fc.record({ a: fc.string(), z: fc.nat() }))),
      c: mostly(fc.string()),
      cn: mostly(fc.double()),
      f: mostly(fc.integer()),
      r: mostly(fc.dictionary(fc.string(), fc.integer())),
      // JSON.parse makes `__proto__` an own key, which zod leaves out of a record.
      anyRecord: mostly(
        fc.oneof(
          fc.dictionary(fc.string(), fc.jsonValue()),
          fc.constant(JSON.parse('{"a":1,"__proto__":{"b":2},"c":3}')),
        ),
      ),
      strict: mostly(
        fc.oneof(fc.record({ a: fc.string() }, { requiredKeys: [] }), fc.record({ a: fc.string(), z: fc.nat() })),
      ),
      strip: mostly(fc.record({ a: fc.string(), z: fc.nat() }, { requiredKeys: ['z'] })),
      nul: mostly(fc.constant(null)),
      lazy: mostly(fc.record({ a: mostly(fc.string()), n: mostly(fc.integer()), x: oddValue }, { requiredKeys: [] })),
      lazyCaught: mostly(fc.record({ a: mostly(fc.string()) }, { requiredKeys: [] })),
      piped: mostly(fc.string()),
      extra: oddValue,
    },
    { requiredKeys: ['s'] },
  );

  it('for every kind it compiles (and a pipe it leaves to zod), on generated objects', () => {
    fc.assert(
      fc.property(generated, (input) => expectSameAsZod(kinds, input)),
      { numRuns: 3_000 },
    );
  });

  /**
   * The same objects with their keys in any order, some of them inherited from a prototype or own
   * but not enumerable: the compiled object reads its input with one for…in, which sees keys in
   * the input's order and skips the non-enumerable ones, so these must still give zod's result.
   */
  const rearranged = fc
    .record({
      input: generated,
      order: fc.array(fc.nat(), { maxLength: 20 }),
      hidden: fc.array(fc.boolean(), { maxLength: 20 }),
      inherited: fc.array(fc.boolean(), { maxLength: 20 }),
    })
    .map(({ input, order, hidden, inherited }) => {
      const entries = Object.entries(input);
      order.forEach((n, i) => {
        const j = n % entries.length;
        [entries[i % entries.length], entries[j]] = [entries[j]!, entries[i % entries.length]!];
      });
      const proto: Record<string, unknown> = {};
      const out = Object.create(proto) as Record<string, unknown>;
      entries.forEach(([key, value], i) => {
        if (inherited[i]) proto[key] = value;
        else Object.defineProperty(out, key, { value, enumerable: !hidden[i], configurable: true, writable: true });
      });
      return out;
    });

  it('for every kind it compiles, whatever the key order, with keys inherited or not enumerable', () => {
    fc.assert(
      fc.property(rearranged, (input) => expectSameAsZod(kinds, input)),
      { numRuns: 3_000 },
    );
  });

  /**
   * Object schemas are written out as source (fast-object.ts): keys that need quoting (a quote, a
   * backslash, a line separator, a number, a dash) must be read and written as themselves, `__proto__`
   * in the shape as zod treats it, a defaulted key filled in when absent, and keys outside the shape
   * parsed by the catchall's schema or refused by a strict object.
   */
  const oddShape: Record<string, z.ZodMiniType> = {
    'detail-type': z.optional(z.string()),
    'quote"back\\slash': z.optional(z.number()),
    '\u2028line\u2029': z.optional(z.boolean()),
    '0': z.optional(z.string()),
    '${x}': z.nullable(z.string()),
    d: z._default(z.string(), 'dflt'),
    p: z.prefault(z.optional(z.string()), 'pre'),
    c: z.catch(z.number(), -1),
  };
  Object.defineProperty(oddShape, '__proto__', { value: z.optional(z.string()), enumerable: true });
  const oddKeysSchemas = {
    catchall: z.catchall(z.object(oddShape), z.number()),
    strict: z.strictObject(oddShape),
    strip: z.object(oddShape),
    loose: z.looseObject(oddShape),
  };
  const oddKeyed = fc
    .record(
      {
        'detail-type': mostly(fc.string({ maxLength: 3 })),
        'quote"back\\slash': mostly(fc.double()),
        '\u2028line\u2029': mostly(fc.boolean()),
        '0': mostly(fc.string({ maxLength: 3 })),
        '${x}': mostly(fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null))),
        d: mostly(fc.string({ maxLength: 3 })),
        p: mostly(fc.string({ maxLength: 3 })),
        c: mostly(fc.integer()),
      },
      { requiredKeys: [] },
    )
    .chain((known) =>
      fc
        .record({
          extra: fc.dictionary(fc.constantFrom('n', 'm', '__proto__', 'constructor', 'd2'), mostly(fc.integer()), {
            maxKeys: 3,
          }),
          proto: fc.option(mostly(fc.string({ maxLength: 2 })), { nil: undefined }),
        })
        .map(({ extra, proto }) => {
          const input: Record<string, unknown> = { ...known };
          for (const [k, v] of Object.entries(extra))
            Object.defineProperty(input, k, { value: v, enumerable: true, configurable: true, writable: true });
          if (proto !== undefined)
            Object.defineProperty(input, '__proto__', {
              value: proto,
              enumerable: true,
              configurable: true,
              writable: true,
            });
          return input;
        }),
    );

  it.each(Object.entries(oddKeysSchemas))(
    'for a %s object with keys that need quoting, on generated objects',
    (_n, schema) => {
      fc.assert(
        fc.property(oddKeyed, (input) => expectSameAsZod(schema, input)),
        { numRuns: 2_000 },
      );
    },
  );
});
