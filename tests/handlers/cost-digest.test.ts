import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BudgetsClient, DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import type { Context } from 'aws-lambda';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCostDigestHandler } from '../../src/handlers/cost-digest';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { ConfigError, InputError } from '../../src/lib/core/errors';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { deepJson, hostileJson, hostileString } from '../helpers/hostile';
import { expectOnlyKnownErrors } from '../helpers/known-errors';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:notifications';
const env = { NOTIFICATIONS_TOPIC_ARN: topicArn, NOTIFIER_TIME_ZONE: 'Asia/Tokyo' };
const context = {
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-cost-digest',
} as Context;
const recorded = JSON.parse(readFileSync(join(__dirname, '../../examples/cost/recorded-month.json'), 'utf8'));
const sns = mockClient(SNSClient);
const ce = mockClient(CostExplorerClient);
const budgets = mockClient(BudgetsClient);
const awsError = (name: string, message: string) => Object.assign(new Error(message), { name, $fault: 'client' });
// 2024-05-14 00:30 in Tokyo: "today" there is the 14th, so the digest reports on the 13th.
// 09:00 in Tokyo, the default schedule: midnight UTC, so the 13th is a complete Cost Explorer (UTC) day.
const now = () => Date.parse('2024-05-14T00:00:00Z');
const freeTier = vi.fn(async () => recorded.GetFreeTierUsage);
const handler = (extraEnv: Record<string, string> = {}) =>
  createCostDigestHandler({ env: { ...env, ...extraEnv }, now, freeTier: () => freeTier });
const notification = () =>
  JSON.parse(
    (JSON.parse(sns.commandCalls(PublishCommand)[0]?.args[0].input.Message ?? '{}') as { lambda: string }).lambda,
  );

let logs: CapturedLogs;
beforeEach(() => {
  for (const m of [sns, ce, budgets]) m.reset();
  freeTier.mockClear();
  sns.on(PublishCommand).resolves({ MessageId: 'digest-1' });
  ce.on(GetCostAndUsageCommand).resolves(recorded.GetCostAndUsage[0]);
  ce.on(GetCostForecastCommand).resolves(recorded.GetCostForecast);
  budgets.on(DescribeBudgetsCommand).resolves(recorded.DescribeBudgets);
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('handlers: cost-digest', () => {
  it('publishes one digest for yesterday in the configured time zone, with two Cost Explorer requests', async () => {
    const summary = await handler()({}, context);
    expect(summary).toEqual({
      period: 'daily',
      date: '2024-05-14',
      messageId: 'digest-1',
      costExplorerRequests: 2,
      notes: 0,
    });
    expect(budgets).toHaveReceivedCommandWith(DescribeBudgetsCommand, { AccountId: '123456789012' });
    expect(notification()).toMatchObject({
      category: 'cost-digest',
      account: '123456789012',
      title: expect.stringContaining('2024-05-13'),
    });
    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input.MessageAttributes?.category?.StringValue).toBe(
      'cost-digest',
    );
  });

  it('takes a date from a manual invocation', async () => {
    expect((await handler()({ date: '2024-05-10' }, context)).date).toBe('2024-05-10');
    expect(ce).toHaveReceivedCommandWith(GetCostAndUsageCommand, {
      TimePeriod: { Start: '2024-05-01', End: '2024-05-10' },
    });
  });

  it.each([
    ['weekly', '2024-04-09', '2024-05-14', 'AWS costs for 2024-05-07 – 2024-05-13: $0.07'],
    // The mock answers with May's days whatever is asked, so April has no data: the title says so.
    ['monthly', '2023-11-01', '2024-05-01', 'AWS cost digest for 2024-04'],
  ])('sends the %s digest of DIGEST_PERIOD, reading costs from %s to %s', async (period, start, end, title) => {
    const summary = await handler({ DIGEST_PERIOD: period })({}, context);
    expect(summary.period).toBe(period);
    expect(ce).toHaveReceivedCommandWith(GetCostAndUsageCommand, { TimePeriod: { Start: start, End: end } });
    expect(notification().title).toContain(title);
  });

  it.each([
    [
      'AccessDeniedException',
      'is not authorized to perform: ce:GetCostAndUsage',
      /access denied; the role needs ce:GetCostAndUsage/,
    ],
    ['DataUnavailableException', 'Data is not available.', /no data yet/],
    ['AccessDeniedException', 'Cost Explorer has not been enabled', /not enabled for this account/],
  ])('still publishes a digest when Cost Explorer fails with %s, with a note', async (name, message, note) => {
    ce.on(GetCostAndUsageCommand).rejects(awsError(name, message));
    ce.on(GetCostForecastCommand).rejects(awsError(name, message));
    const summary = await handler()({}, context);
    expect(summary.notes).toBe(2);
    expect(notification().notes.join('\n')).toMatch(note);
  });

  it('still publishes when Budgets and the Free Tier API deny access', async () => {
    budgets.on(DescribeBudgetsCommand).rejects(awsError('AccessDeniedException', 'no budgets:ViewBudget'));
    freeTier.mockRejectedValueOnce(awsError('AccessDeniedException', 'no freetier:GetFreeTierUsage'));
    await handler()({}, context);
    expect(notification().notes.join('\n')).toMatch(/budgets:ViewBudget[\s\S]*freetier:GetFreeTierUsage/);
  });

  it('publishes a digest for a new account with no data at all', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    ce.on(GetCostForecastCommand).rejects(
      awsError('DataUnavailableException', 'Insufficient amount of historical data'),
    );
    budgets.on(DescribeBudgetsCommand).resolves({});
    freeTier.mockResolvedValueOnce({ freeTierUsages: [] });
    await handler()({}, context);
    expect(notification()).toMatchObject({ severity: 'info', summary: 'No cost data could be read; see the notes.' });
  });

  it('fails the invocation when the publish fails, so Lambda retries', async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error('boom'), { name: 'InternalError', $fault: 'server' }));
    await expect(handler()({}, context)).rejects.toThrow(DeliveryError);
  });

  it('rejects a bad manual date and bad settings with errors naming them', async () => {
    await expect(handler()({ date: '2024-13-01' }, context)).rejects.toThrow(InputError);
    await expect(handler({ DIGEST_TOP_N: '0' })({}, context)).rejects.toThrow(
      new ConfigError('DIGEST_TOP_N: must be at least 1'),
    );
    await expect(handler({ COST_METRIC: 'Usage' })({}, context)).rejects.toThrow(/COST_METRIC: "Usage" is not one of/);
    await expect(handler({ DIGEST_PERIOD: 'hourly' })({}, context)).rejects.toThrow(
      new ConfigError('DIGEST_PERIOD: "hourly" is not one of daily, weekly, monthly'),
    );
  });

  it('resolves or fails with a named error for any input, deep, huge or with lone surrogates (property)', async () => {
    const run = handler();
    const input = fc.oneof(
      fc.anything(),
      hostileJson,
      fc.record({ date: fc.oneof(hostileString, deepJson, fc.anything()) }),
    );
    let deepArray: unknown = [];
    for (let i = 0; i < 100_000; i++) deepArray = [deepArray];
    await fc.assert(
      fc.asyncProperty(input, async (event) => {
        await expectOnlyKnownErrors(run(event, context));
      }),
      // Always tried: dates that String() cannot turn into text (a stack overflow, no toString).
      { numRuns: 100, examples: [[{ date: deepArray }], [{ date: { toString: 0 } }], [{ date: Object.create(null) }]] },
    );
  });
});
