import type { BudgetsClient } from '@aws-sdk/client-budgets';
import {
  type CostExplorerClient,
  type Expression,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type Metric,
} from '@aws-sdk/client-cost-explorer';
import { DEFAULT_COST_METRIC } from '../core/sources/cost-digest/cost-series';
import type { CostAndUsagePage, DigestData } from '../core/sources/cost-digest/digest-input';
import { digestWindow } from '../core/sources/cost-digest/digest-window';
import type { DigestPeriod } from '../core/sources/cost-digest/periods';
import { capture, DIGEST_SOURCE_TIMEOUT_MS, readBudgets, readFreeTier } from './billing-reads';
import type { FreeTierReader } from './free-tier';

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
  /** The run date `YYYY-MM-DD`; the digest reports on the period before it. */
  readonly date: string;
  /** Sets the range and granularity read (periods.ts); default daily. */
  readonly period?: DigestPeriod;
  readonly metric?: string;
  /** Needed by DescribeBudgets; without it, budgets are reported as unavailable. */
  readonly accountId?: string;
  /** Include credits and refunds (default false: they hide what is actually being used). */
  readonly includeCreditsAndRefunds?: boolean;
  /** Per-source time limit; default {@link DIGEST_SOURCE_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/** What was collected, how many paid Cost Explorer requests it took, and what the query left out. */
export interface CollectedDigestData {
  readonly data: DigestData;
  readonly costExplorerRequests: number;
  /** RECORD_TYPE values filtered out (shown next to the metric). */
  readonly excludedRecordTypes: readonly string[];
}

/**
 * Reads everything a digest needs with a bounded number of calls, each failure captured per source
 * (AccessDenied, DataUnavailableException in a new account, opt-in missing) so the digest can say
 * what is missing instead of failing: GetCostAndUsage (by SERVICE, at the period's granularity,
 * from the oldest window the period compares with, or the month's start, to the end of the reported
 * period; ≤ {@link MAX_COST_AND_USAGE_PAGES} pages), GetCostForecast (today to month end, while the
 * month runs), DescribeBudgets, GetFreeTierUsage.
 */
export async function collectDigestData(clients: DigestClients, options: CollectOptions): Promise<CollectedDigestData> {
  const w = digestWindow(options.date, options.period);
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
          Granularity: w.granularity,
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
  const budgets = readBudgets(clients.budgets, options.accountId, timeoutMs);
  const freeTier = readFreeTier(clients.freeTier, timeoutMs);
  const [GetCostAndUsage, GetCostForecast, DescribeBudgets, GetFreeTierUsage] = await Promise.all([
    costAndUsage,
    forecast,
    budgets,
    freeTier,
  ]);
  const data: DigestData = {
    GetCostAndUsage,
    ...(GetCostForecast ? { GetCostForecast: GetCostForecast as DigestData['GetCostForecast'] } : {}),
    DescribeBudgets,
    GetFreeTierUsage,
  };
  return {
    data,
    costExplorerRequests: requests,
    excludedRecordTypes: options.includeCreditsAndRefunds ? [] : EXCLUDED_RECORD_TYPES,
  };
}
