import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBudgetHandler } from '../../src/handlers/budget';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { InputError } from '../../src/lib/core/errors';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { hostileEvent, hostileMessage, mixedBatch } from '../helpers/hostile';
import { expectOnlyKnownErrors } from '../helpers/known-errors';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:notifications';
const env = { NOTIFICATIONS_TOPIC_ARN: topicArn, NOTIFIER_LOCALE: 'en' };
const sns = mockClient(SNSClient);
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/budgets', name), 'utf8'));
const snsEvent = (...messages: string[]) => ({
  Records: messages.map((Message, i) => ({
    EventSource: 'aws:sns',
    Sns: { Type: 'Notification', MessageId: `m-${i}`, Timestamp: '2024-05-13T03:23:01.482Z', Subject: null, Message },
  })),
});
const published = (n = 0) => {
  const input = sns.commandCalls(PublishCommand)[n]?.args[0].input;
  return { input, lambda: JSON.parse((JSON.parse(input?.Message ?? '{}') as { lambda: string }).lambda) };
};

let logs: CapturedLogs;
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'published-1' });
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('handlers: budget', () => {
  it.each([
    'sns-event-budget-ACTUAL-monthly-sasa9477.json',
    'sns-event-budget-FORECASTED-monthly-sasa9477.json',
    'sns-event-budget-actual-yearly-sage.json',
  ])('republishes the Budgets alert %s as a budget notification', async (name) => {
    const summary = await createBudgetHandler({ env })(fixture(name));
    expect(summary).toEqual({ published: 1, ignored: 0 });
    const { input, lambda } = published();
    expect(input).toMatchObject({ TopicArn: topicArn, MessageStructure: 'json' });
    expect(input?.MessageAttributes?.category).toEqual({ DataType: 'String', StringValue: 'budget' });
    expect(lambda).toMatchObject({ category: 'budget', source: { type: 'sns/aws-budgets' } });
  });

  it('republishes a Cost Anomaly Detection message as a cost-anomaly notification', async () => {
    const message = readFileSync(
      join(__dirname, '../fixtures/budgets/cost-anomaly-sns-message-ec2-mashiike.json'),
      'utf8',
    );
    await createBudgetHandler({ env })(snsEvent(message));
    expect(published().lambda).toMatchObject({ category: 'cost-anomaly', severity: 'warning', source: { id: 'm-0' } });
  });

  it('accepts the EventBridge "Anomaly Detected" event too', async () => {
    await createBudgetHandler({ env })(fixture('cost-anomaly-detection-eventbridge-anomaly-detected-docs.json'));
    expect(published().lambda.category).toBe('cost-anomaly');
  });

  it('still delivers text it cannot parse, carrying it, and logs it as unparsed', async () => {
    await createBudgetHandler({ env })(snsEvent('AWS Budgets says something new'));
    expect(published().lambda).toMatchObject({
      category: 'budget',
      fields: [{ label: 'Original message', value: 'AWS Budgets says something new' }],
    });
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'WARN', message: 'message not parsed', category: 'budget' }),
    );
  });

  it('tries every record, then fails the invocation when a publish failed (so Lambda retries)', async () => {
    sns
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('slow down'), { name: 'Throttling' }))
      .resolves({ MessageId: 'x' });
    const text = readFileSync(
      join(__dirname, '../fixtures/budgets/budget-actual-monthly-exceeded-sre-bot.txt'),
      'utf8',
    );
    await expect(createBudgetHandler({ env })(snsEvent(text, text))).rejects.toThrow(DeliveryError);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
  });

  it('resolves or fails with a named error for hostile input; good records of a batch still go out (property)', async () => {
    const handler = createBudgetHandler({ env });
    const hostile = fc.oneof(
      hostileEvent,
      hostileMessage,
      mixedBatch.map((b) => b.event),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        await expectOnlyKnownErrors(handler(input));
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(mixedBatch, async ({ event, good }) => {
        sns.resetHistory();
        await expectOnlyKnownErrors(handler(event));
        expect(sns.commandCalls(PublishCommand).length).toBeGreaterThanOrEqual(good.length);
      }),
      { numRuns: 60 },
    );
  });

  it.each([{}, { Records: [{ Sns: {} }] }, 42, [1, 2]])(
    'rejects input that is not from the topic: %j',
    async (event) => {
      await expect(createBudgetHandler({ env })(event)).rejects.toThrow(InputError);
      expect(sns).not.toHaveReceivedCommand(PublishCommand);
    },
  );
});
