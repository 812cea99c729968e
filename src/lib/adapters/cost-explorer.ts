import { type BudgetsClient, DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import {
  type CostExplorerClient,
  type Expression,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type Metric,
} from '@aws-sdk/client-cost-explorer';
import { DEFAULT_COST_METRIC } from '../core/sources/cost-digest/cost-series';
import { digestWindow } from '../core/sources/cost-digest/digest-dates';
import type {
  CostAndUsagePage,
  DigestData,
  FreeTierUsageResponse,
  SourceError,
} from '../core/sources/cost-digest/digest-input';
import { FREE_TIER_MAX_RESULTS, type FreeTierReader } from './free-tier';
import { withTimeout } from './timeout';

/**
 * Cost Explorer charges $0.01 per API request, each page counting as one.
 * @see https://aws.amazon.com/aws-cost-management/aws-cost-explorer/pricing/
 */
export const COST_EXPLORER_USD_PER_REQUEST = 0.01;
/** GetCostAndUsage pages read at most (a month of daily costs by service is normally one page). */
export const MAX_COST_AND_USAGE_PAGES = 3;
/** Cost Explorer requests of a normal digest: one GetCostAndUsage page and one GetCostForecast. */
export const COST_EXPLORER_REQUESTS_PER_DIGEST = 2;
/** Upper bound of Cost Explorer requests per digest, whatever the data. */
export const MAX_COST_EXPLORER_REQUESTS_PER_DIGEST = MAX_COST_AND_USAGE_PAGES + 1;
/** Budgets read (one DescribeBudgets page; the digest lists the most urgent anyway). */
export const DESCRIBE_BUDGETS_MAX_RESULTS = 100;
/** GetFreeTierUsage pages read at most. */
export const MAX_FREE_TIER_PAGES = 2;

/**
 * GetCostAndUsage names metrics "UnblendedCost"; GetCostForecast wants the enum "UNBLENDED_COST".
 * @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostForecast.html#awscostmanagement-GetCostForecast-request-Metric
 */
const forecastMetrics: Readonly<Record<string, Metric>> = {
  UnblendedCost: 'UNBLENDED_COST',
  BlendedCost: 'BLENDED_COST',
  AmortizedCost: 'AMORTIZED_COST',
  NetUnblendedCost: 'NET_UNBLENDED_COST',
  NetAmortizedCost: 'NET_AMORTIZED_COST',
};

/** Cost Explorer RECORD_TYPE values left out by default, so the digest shows usage, not offsets. */
export const EXCLUDED_RECORD_TYPES = ['Credit', 'Refund'] as const;

/** The clients the digest reads from; each created once per container by the handler. */
export interface DigestClients {
  readonly costExplorer: CostExplorerClient;
  readonly budgets: BudgetsClient;
  readonly freeTier: FreeTierReader;
}

/** Options of {@link collectDigestData}. */
export interface CollectOptions {
  /** The run date `YYYY-MM-DD`; the digest reports on the day before. */
  readonly date: string;
  readonly metric?: string;
  /** Needed by DescribeBudgets; without it, budgets are reported as unavailable. */
  readonly accountId?: string;
  /** Include credits and refunds (default false: they hide what is actually being used). */
  readonly includeCreditsAndRefunds?: boolean;
  /** Per-source time limit; default {@link DIGEST_SOURCE_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/** What was collected and how many paid Cost Explorer requests it took. */
export interface CollectedDigestData {
  readonly data: DigestData;
  readonly costExplorerRequests: number;
}

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

async function capture<T>(call: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T | SourceError> {
  try {
    return await withTimeout(timeoutMs, call);
  } catch (error) {
    return toSourceError(error);
  }
}

/**
 * Reads everything the daily digest needs with a bounded number of calls, each failure captured
 * per source (AccessDenied, DataUnavailableException in a new account, opt-in missing) so the
 * digest can say what is missing instead of failing:
 * GetCostAndUsage (DAILY by SERVICE, month to date plus the 7 days before the reported day,
 * ≤ {@link MAX_COST_AND_USAGE_PAGES} pages), GetCostForecast (today to month end), DescribeBudgets,
 * GetFreeTierUsage.
 */
export async function collectDigestData(clients: DigestClients, options: CollectOptions): Promise<CollectedDigestData> {
  const w = digestWindow(options.date);
  const metric = options.metric ?? DEFAULT_COST_METRIC;
  const filter: Expression | undefined = options.includeCreditsAndRefunds
    ? undefined
    : { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: [...EXCLUDED_RECORD_TYPES] } } };
  let requests = 0;
  const timeoutMs = options.timeoutMs ?? DIGEST_SOURCE_TIMEOUT_MS;
  const costAndUsage = capture(async (abortSignal) => {
    const pages: CostAndUsagePage[] = [];
    let token: string | undefined;
    do {
      requests += 1;
      const page = await clients.costExplorer.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: w.costStart, End: w.costEnd },
          Granularity: 'DAILY',
          Metrics: [metric],
          GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
          ...(filter ? { Filter: filter } : {}),
          ...(token ? { NextPageToken: token } : {}),
        }),
        { abortSignal },
      );
      pages.push(page as unknown as CostAndUsagePage);
      token = page.NextPageToken;
    } while (token && pages.length < MAX_COST_AND_USAGE_PAGES);
    return pages;
  }, timeoutMs);
  const forecast = w.forecast
    ? capture(async (abortSignal) => {
        requests += 1;
        return clients.costExplorer.send(
          new GetCostForecastCommand({
            TimePeriod: { Start: w.forecast!.start, End: w.forecast!.end },
            Granularity: 'MONTHLY',
            Metric: forecastMetrics[metric] ?? 'UNBLENDED_COST',
            ...(filter ? { Filter: filter } : {}),
          }),
          { abortSignal },
        );
      }, timeoutMs)
    : undefined;
  const budgets = options.accountId
    ? capture(
        (abortSignal) =>
          clients.budgets.send(
            new DescribeBudgetsCommand({ AccountId: options.accountId, MaxResults: DESCRIBE_BUDGETS_MAX_RESULTS }),
            { abortSignal },
          ),
        timeoutMs,
      )
    : Promise.resolve<SourceError>({ error: { name: 'AccountIdUnknown', message: 'the AWS account id is not known' } });
  const freeTier = capture(async (signal) => {
    const pages: FreeTierUsageResponse[] = [];
    let nextToken: string | undefined;
    do {
      const page = (await clients.freeTier(
        { maxResults: FREE_TIER_MAX_RESULTS, ...(nextToken ? { nextToken } : {}) },
        signal,
      )) as FreeTierUsageResponse;
      pages.push(page);
      nextToken = page.nextToken;
    } while (nextToken && pages.length < MAX_FREE_TIER_PAGES);
    return pages;
  }, timeoutMs);
  const [GetCostAndUsage, GetCostForecast, DescribeBudgets, GetFreeTierUsage] = await Promise.all([
    costAndUsage,
    forecast,
    budgets,
    freeTier,
  ]);
  const data: DigestData = {
    GetCostAndUsage,
    ...(GetCostForecast ? { GetCostForecast: GetCostForecast as DigestData['GetCostForecast'] } : {}),
    DescribeBudgets: DescribeBudgets as DigestData['DescribeBudgets'],
    GetFreeTierUsage,
  };
  return { data, costExplorerRequests: requests };
}
