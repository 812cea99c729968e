import * as z from './zod';

/*
 * The lenient fields every finding and CloudTrail schema reads, built once and shared: zod nodes
 * hold no state, and each node built costs microseconds on every cold start.
 */

/**
 * A string when it is one; anything else (absent, null, a number) reads as undefined instead of
 * failing: products fill their events unevenly.
 * @example z.looseObject({ title: lenientText }).parse({ title: 3 }) // { title: undefined }
 */
export const lenientText = z.catch(z.optional(z.string()), undefined);

/**
 * A number when it is one; anything else reads as undefined instead of failing.
 * @example z.looseObject({ score: lenientNumber }).parse({ score: '9' }) // { score: undefined }
 */
export const lenientNumber = z.catch(z.optional(z.number()), undefined);
