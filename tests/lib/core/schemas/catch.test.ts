import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as zod from 'zod/mini';
import * as z from '../../../../src/lib/core/schemas/zod';

/** Inner schemas our sources put under a catch. */
const INNER = {
  optionalString: () => z.optional(z.string()),
  optionalNumber: () => z.optional(z.number()),
  string: () => z.string(),
  optionalObject: () => z.optional(z.looseObject({ name: z.optional(z.string()) })),
  optionalArray: () => z.optional(z.array(z.unknown())),
  record: () => z.optional(z.record(z.string(), z.unknown())),
};

describe('schemas: z.catch', () => {
  it('builds the node zod/mini builds, its constant fallback tagged as zod tags it (fast-parse reads the tag)', () => {
    for (const make of Object.values(INNER)) {
      const inner = make();
      const ours = z.catch(inner, undefined)._zod.def;
      const zods = zod.catch(inner, undefined)._zod.def;
      expect(Object.keys(ours)).toEqual(Object.keys(zods));
      expect(ours.type).toBe(zods.type);
      expect(ours.innerType).toBe(inner);
      expect({ ...ours.catchValue }).toEqual({ ...zods.catchValue });
      expect({ ...ours.catchValue }).toEqual({ '~constantCatch': true });
    }
  });

  it('passes a fallback function to zod as it is', () => {
    const fallback = () => 'caught';
    expect(z.catch(z.string(), fallback)._zod.def.catchValue).toBe(fallback);
  });

  it('parses every value as zod/mini’s catch does, for constant and computed fallbacks', () => {
    const fallbacks = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.integer(),
      fc.constant({}),
      fc.constant((ctx: zod.core.$ZodCatchCtx) => `issues ${ctx.error.issues.length}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(INNER)), fallbacks, fc.anything(), (make, fallback, input) => {
        const inner = make();
        const ours = z.catch(inner, fallback as never).safeParse(input);
        const zods = zod.catch(inner, fallback as never).safeParse(input);
        expect(ours).toEqual(zods);
      }),
      { numRuns: 500 },
    );
  });
});
