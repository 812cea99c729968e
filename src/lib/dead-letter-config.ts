import { type Env, parseOrThrow } from './config';
import { ConfigError } from './core/errors';
import * as z from './core/schemas/zod';

/** `sqs.<region>.amazonaws.com` (and `.com.cn`): the region of a queue URL, if it says so. */
const SQS_HOST_REGION = /^sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Built on first use (z.lazy), not at import: an ingest function reads it only for a permanent
 * failure (a queue function reads it for every batch).
 */
const deadLetterSchema = z.lazy(() => {
  const unsetWhenBlank = z.transform(blankIsUnset);
  return z.object({
    DEAD_LETTER_QUEUE_URL: z.pipe(
      unsetWhenBlank,
      z.optional(
        z.string().check(
          z.trim(),
          z.refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
            error: (i) => `"${String(i.input)}" is not an SQS queue URL`,
          }),
        ),
      ),
    ),
    AWS_REGION: z.pipe(unsetWhenBlank, z.optional(z.string().check(z.trim()))),
  });
});

/** Where a function sends what it failed on for good (DEAD_LETTER_QUEUE_URL), and the queue's region. */
export interface DeadLetterConfig {
  readonly queueUrl: string;
  readonly region: string;
}

/**
 * Reads the function's own dead-letter queue: DEAD_LETTER_QUEUE_URL, in the region the URL names or
 * else AWS_REGION (Lambda sets it). Read apart from the function's other settings, so a failure
 * caused by a bad setting can still be dead-lettered.
 * @returns undefined when DEAD_LETTER_QUEUE_URL is not set (local runs, tests).
 * @throws ConfigError naming the variable.
 * @example loadDeadLetterConfig({ DEAD_LETTER_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/q' })
 */
export function loadDeadLetterConfig(env: Env = process.env): DeadLetterConfig | undefined {
  const e = parseOrThrow(deadLetterSchema, env);
  if (e.DEAD_LETTER_QUEUE_URL === undefined) return undefined;
  const region = SQS_HOST_REGION.exec(new URL(e.DEAD_LETTER_QUEUE_URL).hostname)?.[1] ?? e.AWS_REGION;
  if (region === undefined) throw new ConfigError('AWS_REGION: is required to reach the dead-letter queue');
  return Object.freeze({ queueUrl: e.DEAD_LETTER_QUEUE_URL, region });
}
