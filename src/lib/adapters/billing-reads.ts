import { type BudgetsClient, DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import type { DescribeBudgets, FreeTierUsageResponse, SourceError } from '../core/sources/cost-digest/digest-input';
import { FREE_TIER_MAX_RESULTS, type FreeTierReader } from './free-tier';
import { withTimeout } from './timeout';

/*
 * The digest's reads other than Cost Explorer (Budgets, the Free Tier API), and the capture every
 * read goes through: a failure becomes `{ error }`, which the digest shows as a note.
 */

/** Budgets read (one DescribeBudgets page; the digest lists the most urgent anyway). */
export const DESCRIBE_BUDGETS_MAX_RESULTS = 100;
/** GetFreeTierUsage pages read at most. */
export const MAX_FREE_TIER_PAGES = 2;

/** The SDK error reduced to its name and first line, as the digest notes show it. */
function toSourceError(error: unknown): SourceError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
  const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
  const message = (typeof e.message === 'string' ? e.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 200);
  return { error: { name, message } };
}

/**
 * Time each source gets (all four run in parallel; Cost Explorer pages one after the other): a stuck
 * connection becomes a note in the digest, well inside the function's 60 s, instead of no digest.
 */
export const DIGEST_SOURCE_TIMEOUT_MS = 15_000;

/** Runs one source's call within `timeoutMs`; a failure becomes the `{ error }` the digest notes. */
export async function capture<T>(
  call: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
): Promise<T | SourceError> {
  try {
    return await withTimeout(timeoutMs, call);
  } catch (error) {
    return toSourceError(error);
  }
}

/** DescribeBudgets of `accountId`; without one, budgets are reported as unavailable and not called. */
export async function readBudgets(
  client: BudgetsClient,
  accountId: string | undefined,
  timeoutMs: number,
): Promise<DescribeBudgets | SourceError> {
  if (!accountId) return { error: { name: 'AccountIdUnknown', message: 'the AWS account id is not known' } };
  const command = new DescribeBudgetsCommand({ AccountId: accountId, MaxResults: DESCRIBE_BUDGETS_MAX_RESULTS });
  // The SDK's output type, read through the digest's looser schema (computeDigest validates it).
  return (await capture((abortSignal) => client.send(command, { abortSignal }), timeoutMs)) as
    | DescribeBudgets
    | SourceError;
}

/** GetFreeTierUsage, at most {@link MAX_FREE_TIER_PAGES} pages. */
export function readFreeTier(reader: FreeTierReader, timeoutMs: number) {
  return capture(async (signal) => {
    const pages: FreeTierUsageResponse[] = [];
    let nextToken: string | undefined;
    do {
      const page = (await reader(
        { maxResults: FREE_TIER_MAX_RESULTS, ...(nextToken ? { nextToken } : {}) },
        signal,
      )) as FreeTierUsageResponse;
      pages.push(page);
      nextToken = page.nextToken;
    } while (nextToken && pages.length < MAX_FREE_TIER_PAGES);
    return pages;
  }, timeoutMs);
}
