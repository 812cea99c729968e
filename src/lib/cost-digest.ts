import {
  type CollectedDigestData,
  type CollectOptions,
  collectDigestData,
  type DigestClients,
} from './adapters/cost-explorer';
import type { RenderContext } from './core/locale';
import type { Notification } from './core/notification';
import { buildDigestNotification } from './core/sources/cost-digest/build-digest';
import { digestRunDate } from './core/sources/cost-digest/digest-dates';
import type { DigestData } from './core/sources/cost-digest/digest-input';
import type { DigestNote } from './core/sources/cost-digest/digest-model';
import { DEFAULT_DIGEST_PERIOD, type DigestPeriod } from './core/sources/cost-digest/periods';
import { recordedRunDate } from './core/sources/cost-digest/recorded-run-date';

/**
 * Where a digest's responses come from: live AWS calls (the function) or a recording (the CLI).
 * `runDate` names the run date the source is about, when it knows one (a recording does).
 */
export interface DigestDataSource {
  collect(request: CollectOptions): Promise<CollectedDigestData>;
  runDate?(period: DigestPeriod): string | undefined;
}

/** What to build: the period and run date, and what the digest reads and lists. */
export interface CostDigestOptions {
  /** Default daily. */
  readonly period?: DigestPeriod;
  /** The run date `YYYY-MM-DD`; default the source's, else today in `ctx.timeZone` (never later than UTC). */
  readonly date?: string;
  readonly topN?: number;
  readonly metric?: string;
  /** Shown in the digest and needed by DescribeBudgets. */
  readonly account?: string;
  readonly includeCreditsAndRefunds?: boolean;
}

/** One digest: its notification, the notes on its sources, and what it cost to collect. */
export interface CostDigestResult {
  readonly period: DigestPeriod;
  readonly date: string;
  readonly notification: Notification;
  readonly notes: readonly DigestNote[];
  readonly costExplorerRequests: number;
}

/** The live source: Cost Explorer, Budgets and the Free Tier API through the given clients. */
export const liveDigestSource = (clients: DigestClients): DigestDataSource => ({
  collect: (request) => collectDigestData(clients, request),
});

/** A recording (`notifier digest --data FILE`): no calls, and the run date its data is about. */
export const recordedDigestSource = (data: DigestData): DigestDataSource => ({
  collect: async () => ({ data, costExplorerRequests: 0, excludedRecordTypes: [] }),
  runDate: (period) => recordedRunDate(data, period),
});

/**
 * The cost digest, end to end except the publish: picks the run date, collects the responses
 * the period needs from `source`, and builds the notification. The cost-digest function and
 * `notifier digest` both run this, so they cannot drift apart.
 * @example const { notification } = await produceCostDigest(liveDigestSource(clients), { period: 'weekly' }, ctx);
 */
export async function produceCostDigest(
  source: DigestDataSource,
  options: CostDigestOptions,
  ctx: RenderContext,
): Promise<CostDigestResult> {
  const period = options.period ?? DEFAULT_DIGEST_PERIOD;
  const date = options.date ?? source.runDate?.(period) ?? digestRunDate(ctx.now, ctx.timeZone);
  const { data, costExplorerRequests, excludedRecordTypes } = await source.collect({
    date,
    period,
    ...(options.metric ? { metric: options.metric } : {}),
    ...(options.account ? { accountId: options.account } : {}),
    ...(options.includeCreditsAndRefunds !== undefined
      ? { includeCreditsAndRefunds: options.includeCreditsAndRefunds }
      : {}),
  });
  const built = buildDigestNotification(
    data,
    {
      period,
      date,
      ...(options.topN !== undefined ? { topN: options.topN } : {}),
      ...(options.metric ? { metric: options.metric } : {}),
      ...(options.account ? { account: options.account } : {}),
      excludedRecordTypes,
    },
    ctx,
  );
  return { period, date, ...built, costExplorerRequests };
}
