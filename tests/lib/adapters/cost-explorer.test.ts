import { BudgetsClient, DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  COST_EXPLORER_REQUESTS_PER_DIGEST,
  collectDigestData,
  MAX_COST_EXPLORER_REQUESTS_PER_DIGEST,
} from '../../../src/lib/adapters/cost-explorer';

const ce = mockClient(CostExplorerClient);
const budgets = mockClient(BudgetsClient);
const awsError = (name: string, message: string) => Object.assign(new Error(message), { name, $fault: 'client' });

const clients = (freeTier = vi.fn(async () => ({ freeTierUsages: [] }))) => ({
  costExplorer: new CostExplorerClient({ region: 'us-east-1' }),
  budgets: new BudgetsClient({ region: 'us-east-1' }),
  freeTier,
});

describe('adapters: collectDigestData', () => {
  beforeEach(() => {
    ce.reset();
    budgets.reset();
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    ce.on(GetCostForecastCommand).resolves({ Total: { Amount: '1', Unit: 'USD' } });
    budgets.on(DescribeBudgetsCommand).resolves({ Budgets: [] });
  });

  it('makes one GetCostAndUsage (DAILY by SERVICE, credits and refunds excluded) and one GetCostForecast', async () => {
    const { data, costExplorerRequests } = await collectDigestData(clients(), {
      date: '2024-05-14',
      accountId: '123456789012',
    });
    expect(costExplorerRequests).toBe(COST_EXPLORER_REQUESTS_PER_DIGEST);
    expect(ce.commandCalls(GetCostAndUsageCommand)[0]?.args[0].input).toEqual({
      TimePeriod: { Start: '2024-05-01', End: '2024-05-14' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      Filter: { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } },
    });
    expect(ce.commandCalls(GetCostForecastCommand)[0]?.args[0].input).toMatchObject({
      TimePeriod: { Start: '2024-05-14', End: '2024-06-01' },
      Granularity: 'MONTHLY',
      Metric: 'UNBLENDED_COST',
    });
    expect(budgets.commandCalls(DescribeBudgetsCommand)[0]?.args[0].input).toEqual({
      AccountId: '123456789012',
      MaxResults: 100,
    });
    expect(Object.keys(data).sort()).toEqual([
      'DescribeBudgets',
      'GetCostAndUsage',
      'GetCostForecast',
      'GetFreeTierUsage',
    ]);
  });

  it.each([
    // period, run date, GetCostAndUsage range and granularity, GetCostForecast range, Cost Explorer requests
    ['daily', '2024-05-14', ['2024-05-01', '2024-05-14', 'DAILY'], ['2024-05-14', '2024-06-01'], 2],
    ['weekly', '2024-05-14', ['2024-04-09', '2024-05-14', 'DAILY'], ['2024-05-14', '2024-06-01'], 2],
    ['weekly', '2024-03-01', ['2024-01-26', '2024-03-01', 'DAILY'], undefined, 1],
    ['monthly', '2024-05-14', ['2023-11-01', '2024-05-01', 'MONTHLY'], undefined, 1],
    ['monthly', '2025-01-01', ['2024-07-01', '2025-01-01', 'MONTHLY'], undefined, 1],
  ] as const)('%s run on %s reads costs %j and forecasts %j', async (period, date, costs, forecast, requests) => {
    const { costExplorerRequests } = await collectDigestData(clients(), { date, period });
    const [Start, End, Granularity] = costs;
    expect(ce.commandCalls(GetCostAndUsageCommand)[0]?.args[0].input).toMatchObject({
      TimePeriod: { Start, End },
      Granularity,
    });
    const forecasts = ce.commandCalls(GetCostForecastCommand).map((call) => call.args[0].input.TimePeriod);
    expect(forecasts).toEqual(forecast ? [{ Start: forecast[0], End: forecast[1] }] : []);
    expect(costExplorerRequests).toBe(requests);
  });

  it('says which record types it left out, so the digest can show them with the metric', async () => {
    expect((await collectDigestData(clients(), { date: '2024-05-14' })).excludedRecordTypes).toEqual([
      'Credit',
      'Refund',
    ]);
    const included = await collectDigestData(clients(), { date: '2024-05-14', includeCreditsAndRefunds: true });
    expect(included.excludedRecordTypes).toEqual([]);
  });

  it('includes credits and refunds and reads another metric when asked', async () => {
    await collectDigestData(clients(), { date: '2024-05-14', metric: 'AmortizedCost', includeCreditsAndRefunds: true });
    const input = ce.commandCalls(GetCostAndUsageCommand)[0]?.args[0].input;
    expect(input?.Filter).toBeUndefined();
    expect(input?.Metrics).toEqual(['AmortizedCost']);
  });

  it('stops paginating at the bound, so the cost per digest is capped', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [], NextPageToken: 'more' });
    const { data, costExplorerRequests } = await collectDigestData(clients(), { date: '2024-05-14' });
    expect(costExplorerRequests).toBe(MAX_COST_EXPLORER_REQUESTS_PER_DIGEST);
    expect(data.GetCostAndUsage).toHaveLength(MAX_COST_EXPLORER_REQUESTS_PER_DIGEST - 1);
  });

  it('skips the forecast on the 1st (the month is over)', async () => {
    const { data, costExplorerRequests } = await collectDigestData(clients(), { date: '2024-06-01' });
    expect(ce.commandCalls(GetCostForecastCommand)).toHaveLength(0);
    expect(costExplorerRequests).toBe(1);
    expect(data.GetCostForecast).toBeUndefined();
  });

  it.each([
    [
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: ce:GetCostAndUsage',
    ],
    ['DataUnavailableException', 'Data is not available. Please try to adjust the time period.'],
    ['AccessDeniedException', 'Cost Explorer has not been enabled for this account'],
  ])('captures a %s per source and still reads the others', async (name, message) => {
    ce.on(GetCostAndUsageCommand).rejects(awsError(name, message));
    ce.on(GetCostForecastCommand).rejects(awsError(name, message));
    budgets.on(DescribeBudgetsCommand).rejects(awsError('AccessDeniedException', 'no budgets:ViewBudget'));
    const freeTier = vi.fn(async () => {
      throw awsError('AccessDeniedException', 'no freetier:GetFreeTierUsage');
    });
    const { data } = await collectDigestData(clients(freeTier), { date: '2024-05-14', accountId: '123456789012' });
    expect(data).toEqual({
      GetCostAndUsage: { error: { name, message } },
      GetCostForecast: { error: { name, message } },
      DescribeBudgets: { error: { name: 'AccessDeniedException', message: 'no budgets:ViewBudget' } },
      GetFreeTierUsage: { error: { name: 'AccessDeniedException', message: 'no freetier:GetFreeTierUsage' } },
    });
  });

  it('reports budgets as unavailable without an account id, without calling Budgets', async () => {
    const { data } = await collectDigestData(clients(), { date: '2024-05-14' });
    expect(budgets.commandCalls(DescribeBudgetsCommand)).toHaveLength(0);
    expect(data.DescribeBudgets).toEqual({
      error: { name: 'AccountIdUnknown', message: 'the AWS account id is not known' },
    });
  });

  it('turns a source that never answers into a note within the time limit, and still returns the others', async () => {
    const hang = vi.fn(
      (_input: unknown, signal?: AbortSignal) =>
        new Promise((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    // Long enough that the mocked sources always answer first on a loaded machine; the hang never does.
    const { data } = await collectDigestData(clients(hang as never), { date: '2024-05-14', timeoutMs: 3_000 });
    expect(data.GetFreeTierUsage).toEqual({ error: { name: 'TimeoutError', message: 'no answer within 3000 ms' } });
    expect(data.GetCostAndUsage).toEqual([{ ResultsByTime: [] }]);
    expect(hang.mock.calls[0]?.[1]?.aborted).toBe(true);
  });
});
