import { type Env, loadPublishConfig, type PublishConfig, parseOrThrow } from './config';
import * as z from './core/schemas/zod';
import { DEFAULT_DIGEST_TOP_N } from './core/sources/cost-digest/compute-digest';
import { DEFAULT_COST_METRIC } from './core/sources/cost-digest/cost-series';
import { DEFAULT_DIGEST_PERIOD, type DigestPeriod, digestPeriodSchema } from './core/sources/cost-digest/periods';

/** Most services a digest lists by name (Slack and email stay readable). */
const MAX_DIGEST_TOP_N = 20;

/**
 * Cost Explorer cost metrics the digest can read.
 * @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html#awscostmanagement-GetCostAndUsage-request-Metrics
 */
export const costMetrics = [
  'UnblendedCost',
  'BlendedCost',
  'AmortizedCost',
  'NetUnblendedCost',
  'NetAmortizedCost',
] as const;

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const digestSchema = z.object({
  DIGEST_PERIOD: z.pipe(
    z.transform(blankIsUnset),
    z.optional(
      z.enum(digestPeriodSchema.options, {
        error: (i) => `"${String(i.input)}" is not one of ${digestPeriodSchema.options.join(', ')}`,
      }),
    ),
  ),
  DIGEST_TOP_N: z.pipe(
    z.transform(blankIsUnset),
    z.optional(
      z.pipe(
        z.pipe(
          z.string().check(z.regex(/^\d+$/, { error: (i) => `"${String(i.input)}" is not a whole number` })),
          z.transform(Number),
        ),
        z
          .number()
          .check(z.gte(1, { error: 'must be at least 1' }))
          .check(z.lte(MAX_DIGEST_TOP_N, { error: `must be at most ${MAX_DIGEST_TOP_N}` })),
      ),
    ),
  ),
  COST_METRIC: z.pipe(
    z.transform(blankIsUnset),
    z.optional(z.enum(costMetrics, { error: (i) => `"${String(i.input)}" is not one of ${costMetrics.join(', ')}` })),
  ),
  COST_INCLUDE_CREDITS_AND_REFUNDS: z.pipe(
    z.transform(blankIsUnset),
    z.optional(z.enum(['true', 'false'], { error: (i) => `"${String(i.input)}" is not true or false` })),
  ),
  AWS_ACCOUNT_ID: z.pipe(
    z.transform(blankIsUnset),
    z.optional(
      z.string().check(z.regex(/^\d{12}$/, { error: (i) => `"${String(i.input)}" is not a 12-digit account id` })),
    ),
  ),
});

/** The cost-digest handler's settings. */
export interface CostDigestConfig extends PublishConfig {
  readonly period: DigestPeriod;
  readonly topN: number;
  readonly metric: (typeof costMetrics)[number];
  readonly includeCreditsAndRefunds: boolean;
  /** Account whose budgets are read; absent = taken from the Lambda context. */
  readonly accountId?: string;
}

/**
 * {@link loadPublishConfig} (locale, time zone, NOTIFICATIONS_TOPIC_ARN) plus DIGEST_PERIOD (daily,
 * weekly or monthly; default daily), DIGEST_TOP_N (default 5),
 * COST_METRIC (default UnblendedCost), COST_INCLUDE_CREDITS_AND_REFUNDS (default false) and
 * AWS_ACCOUNT_ID (optional).
 * @throws ConfigError naming the variable, e.g. `DIGEST_TOP_N: must be at most 20`
 */
export function loadCostDigestConfig(env: Env = process.env): CostDigestConfig {
  const common = loadPublishConfig(env);
  const e = parseOrThrow(digestSchema, env);
  return Object.freeze({
    ...common,
    period: e.DIGEST_PERIOD ?? DEFAULT_DIGEST_PERIOD,
    topN: e.DIGEST_TOP_N ?? DEFAULT_DIGEST_TOP_N,
    metric: e.COST_METRIC ?? (DEFAULT_COST_METRIC as 'UnblendedCost'),
    includeCreditsAndRefunds: e.COST_INCLUDE_CREDITS_AND_REFUNDS === 'true',
    ...(e.AWS_ACCOUNT_ID ? { accountId: e.AWS_ACCOUNT_ID } : {}),
  });
}
