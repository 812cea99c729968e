import type { Context } from 'aws-lambda';

/**
 * Time kept back from the Lambda timeout, so a failure is logged and thrown (and Lambda retries,
 * then dead-letters) before the function would be killed mid-request.
 */
export const DEADLINE_MARGIN_MS = 1_000;

/** Time budget of an invocation with no Lambda context (local runs, tests). */
export const DEFAULT_BUDGET_MS = 10_000;

/**
 * Epoch ms by which an invocation's work must be done: now + the Lambda's remaining time −
 * {@link DEADLINE_MARGIN_MS}. Every SDK and HTTP call of the invocation is bounded by it.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 * @example const deadline = invocationDeadline(context, Date.now());
 */
export function invocationDeadline(context: unknown, now: number): number {
  const get = (context as Partial<Context> | undefined)?.getRemainingTimeInMillis;
  const remaining = typeof get === 'function' ? get.call(context) : Number.NaN;
  return now + (Number.isFinite(remaining) ? remaining : DEFAULT_BUDGET_MS) - DEADLINE_MARGIN_MS;
}

/** Milliseconds left before `deadline`, never negative. */
export const timeLeft = (deadline: number, now: number): number => Math.max(0, deadline - now);
