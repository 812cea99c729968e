import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BudgetsClient, DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCostDigestHandler } from '../../src/handlers/cost-digest';
import { InputError } from '../../src/lib/core/errors';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from '../helpers/dynamodb-local';

const recorded = JSON.parse(readFileSync(join(__dirname, '../../examples/cost/recorded-month.json'), 'utf8'));
const context = { invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:digest' } as Context;
const sns = mockClient(SNSClient);
const ce = mockClient(CostExplorerClient);
const budgets = mockClient(BudgetsClient);
let clock = new Date('2024-05-14T00:00:00Z').getTime();
let db: LocalDynamoDb;
let logs: CapturedLogs;

beforeEach(async () => {
  for (const m of [sns, ce, budgets]) m.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'digest-1' });
  ce.on(GetCostAndUsageCommand).resolves(recorded.GetCostAndUsage[0]);
  ce.on(GetCostForecastCommand).resolves(recorded.GetCostForecast);
  budgets.on(DescribeBudgetsCommand).resolves(recorded.DescribeBudgets);
  db = await startLocalDynamoDb();
  logs = captureLogs();
});
afterEach(async () => {
  logs.restore();
  await db.close();
});

/** A fresh container of the digest function using the local table (each schedule firing may get one). */
const digestFunction = () =>
  createCostDigestHandler({
    env: { NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:n', DEDUPE_TABLE: db.tableName },
    dynamodb: () => db.client,
    freeTier: () => async () => recorded.GetFreeTierUsage,
    now: () => clock,
  });
const publishedKeys = () =>
  sns
    .commandCalls(PublishCommand)
    .map((c) => (JSON.parse(JSON.parse(c.args[0].input.Message ?? '{}').lambda) as { dedupeKey: string }).dedupeKey);

describe('handlers: cost-digest, one digest per period (dynalite on 127.0.0.1)', () => {
  it('sends one digest when the schedule fires twice, without asking Cost Explorer again', async () => {
    expect(await digestFunction()({}, context)).toMatchObject({ messageId: 'digest-1' });
    clock += 60_000;
    expect(await digestFunction()({}, context)).toMatchObject({ duplicate: true, messageId: '' });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(ce).toHaveReceivedCommandTimes(GetCostForecastCommand, 1);
    expect(logs.entries().some((e) => e.message === 'input ignored' && e.rule === 'duplicate')).toBe(true);
  });

  it('delivers a forced rerun of the same day, under a key the Slack forwarder has not seen', async () => {
    await digestFunction()({}, context);
    clock += 3_600_000;
    expect(await digestFunction()({ force: true }, context)).toMatchObject({ messageId: 'digest-1' });
    const [first, rerun] = publishedKeys();
    expect(rerun).not.toBe(first);
    expect(rerun?.startsWith(`${first}:rerun:`)).toBe(true);
  });

  it('sends the digest of another run date', async () => {
    await digestFunction()({}, context);
    await digestFunction()({ date: '2024-05-13' }, context);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
  });

  it.each([
    ['a force that is not a boolean', { force: 'yes' }, 'force: expected true or false, got string'],
    ['a date that is not a date', { date: 'tomorrow' }, 'date: "tomorrow" is not a YYYY-MM-DD date'],
  ])('rejects %s with an InputError naming the field', async (_, event, message) => {
    const error = await digestFunction()(event, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toContain(message.split(': ').slice(1).join(': '));
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 0);
  });
});
