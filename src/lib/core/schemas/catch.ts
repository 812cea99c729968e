import { ZodMiniCatch } from 'zod/mini';
import type { $ZodCatchCtx, $ZodType, output, SomeType } from 'zod/v4/core';

/**
 * The tag zod puts on the thunk of a constant catch value (`CONSTANT_CATCH` in zod/v4/core/util.js);
 * fast-parse.ts reads it to answer a constant fallback without running zod.
 */
export const CONSTANT_CATCH = '~constantCatch';

/** A constant catch value as zod wraps it (zod/v4/core/util.js `constantCatch`): a tagged thunk. */
function constantCatch<T>(value: T): () => T {
  const thunk = () => value;
  return Object.assign(thunk, { [CONSTANT_CATCH]: true });
}

/**
 * `z.catch`, built exactly as zod/mini's own: a catch node over `innerType` whose fallback is
 * `catchValue` (a constant, or a function of the failure).
 *
 * Why our own: zod/mini's reaches its helper through `core.util`, a namespace esbuild cannot
 * tree-shake, so every bundle using `z.catch` carried all of zod/v4/core/util.js (8 KB of each
 * bundle, compiled on every cold start). tests/lib/core/schemas/catch.test.ts pins it to zod's.
 *
 * @example const text = z.catch(z.optional(z.string()), undefined); // a non-string reads as undefined
 * @see https://zod.dev/api#catch
 */
function caught<T extends SomeType>(
  innerType: T,
  catchValue: output<T> | ((ctx: $ZodCatchCtx) => output<T>),
): ZodMiniCatch<T> {
  // zod's constructor is typed for the default node only; its own `catch` narrows the same way.
  return new ZodMiniCatch({
    type: 'catch',
    innerType: innerType as unknown as $ZodType,
    catchValue:
      typeof catchValue === 'function' ? (catchValue as (ctx: $ZodCatchCtx) => unknown) : constantCatch(catchValue),
  }) as unknown as ZodMiniCatch<T>;
}

export { caught as catch };
