import { readFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, type PublishCommandInput } from '@aws-sdk/client-sns';
import 'aws-sdk-client-mock-vitest/extend';
import { describe, expect, it } from 'vitest';
import { createAlarmHandler } from '../../src/handlers/alarm';
import { createBudgetHandler } from '../../src/handlers/budget';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { fixture, snsEventWith } from '../helpers/fixtures';
import { ingestHarness, TOPIC_ARN } from '../helpers/ingest-harness';

const topicArn = TOPIC_ARN;
const harness = ingestHarness();
const { sns } = harness;

const env = () => ({ NOTIFICATIONS_TOPIC_ARN: topicArn, DEDUPE_TABLE: harness.db.tableName });
/** A fresh container of the alarm function using the local table. */
const alarmFunction = () => createAlarmHandler({ env: env(), dynamodb: () => harness.db.client });
const duplicateIgnores = () =>
  harness.logs.entries().filter((e) => e.message === 'input ignored' && e.rule === 'duplicate');
const publishedSubjects = () => sns.commandCalls(PublishCommand).map((call) => call.args[0].input.Subject);

/** The EventBridge fixture, and the classic message CloudWatch publishes to the alarm-actions topic for it. */
function oneStateChangeTwoRoutes(alarmName = 'ServerCpuTooHigh') {
  const event = fixture<{ account: string; resources: string[]; detail: Record<string, unknown> }>(
    'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json',
  );
  const detail = event.detail as { state: { value: string; reason: string; timestamp: string } };
  event.detail.alarmName = alarmName;
  const message = {
    AlarmName: alarmName,
    AWSAccountId: event.account,
    NewStateValue: detail.state.value,
    NewStateReason: detail.state.reason,
    StateChangeTime: detail.state.timestamp,
    Region: 'US East (N. Virginia)',
    OldStateValue: 'OK',
    Trigger: { MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Period: 300, EvaluationPeriods: 1 },
  };
  return { eventBridge: event, message: JSON.stringify(message) };
}

describe('handlers: ingest deduplication (dynalite on 127.0.0.1)', () => {
  it('publishes an alarm that arrives through EventBridge and then the alarm-actions topic once', async () => {
    const { eventBridge, message } = oneStateChangeTwoRoutes();
    expect(await alarmFunction()(eventBridge)).toEqual({ published: 1, ignored: 0 });
    expect(await alarmFunction()(snsEventWith(message))).toEqual({ published: 0, ignored: 1 });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(duplicateIgnores()).toEqual([
      expect.objectContaining({ dedupeKey: expect.stringMatching(/^alarm:123456789012:us-east-1:ServerCpuTooHigh:/) }),
    ]);
  });

  it('publishes the same alarm once when one container receives it twice', async () => {
    const handler = alarmFunction();
    const { eventBridge } = oneStateChangeTwoRoutes();
    await handler(eventBridge);
    await handler(structuredClone(eventBridge));
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('gives a failed publish its key back, so the retry publishes', async () => {
    sns
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }))
      .resolves({ MessageId: 'message-2' });
    const { eventBridge } = oneStateChangeTwoRoutes();
    await expect(alarmFunction()(eventBridge)).rejects.toBeInstanceOf(DeliveryError);
    expect(await alarmFunction()(eventBridge)).toEqual({ published: 1, ignored: 0 });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
    expect(duplicateIgnores()).toEqual([]);
  });

  it('after a partial success, the retry publishes only the record that failed', async () => {
    const cpu = oneStateChangeTwoRoutes('ServerCpuTooHigh').message;
    const disk = oneStateChangeTwoRoutes('DiskFull').message;
    let diskFailures = 0;
    sns.on(PublishCommand).callsFake((input: PublishCommandInput) => {
      if (input.Subject?.includes('DiskFull') && diskFailures++ === 0) throw new Error('connection reset');
      return { MessageId: 'message-1' };
    });
    const event = snsEventWith(cpu, disk);
    await expect(alarmFunction()(event)).rejects.toBeInstanceOf(DeliveryError);
    expect(await alarmFunction()(event)).toEqual({ published: 1, ignored: 1 });
    const subjects = publishedSubjects();
    expect(subjects.filter((s) => s?.includes('ServerCpuTooHigh'))).toHaveLength(1);
    expect(subjects.filter((s) => s?.includes('DiskFull'))).toHaveLength(2);
  });

  it('suppresses duplicates in the budget function too (the same handler)', async () => {
    const text = readFileSync(
      new URL('../fixtures/budgets/budget-actual-monthly-exceeded-sre-bot.txt', import.meta.url),
    );
    const event = snsEventWith(text.toString('utf8'));
    const handler = () => createBudgetHandler({ env: env(), dynamodb: () => harness.db.client });
    await handler()(event);
    await handler()(event);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('publishes every copy without DEDUPE_TABLE (local runs)', async () => {
    const handler = createAlarmHandler({ env: { NOTIFICATIONS_TOPIC_ARN: topicArn } });
    const { eventBridge } = oneStateChangeTwoRoutes();
    await handler(eventBridge);
    await handler(eventBridge);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
  });

  it('still publishes, with a warning, when the table cannot be used', async () => {
    const denied = Object.assign(new Error('not authorized to perform: dynamodb:PutItem'), {
      name: 'AccessDeniedException',
    });
    const broken = { send: () => Promise.reject(denied) } as unknown as DynamoDBClient;
    // The flapping check, on the same table, fails loudly instead (tests/handlers/alarm-flapping.test.ts).
    const handler = createAlarmHandler({ env: { ...env(), FLAP_THRESHOLD: '0' }, dynamodb: () => broken });
    const { eventBridge } = oneStateChangeTwoRoutes();
    expect(await handler(eventBridge)).toEqual({ published: 1, ignored: 0 });
    expect(await handler(eventBridge)).toEqual({ published: 1, ignored: 0 });
    const unavailable = harness.logs
      .entries()
      .filter((e) => e.message === 'dedupe store unavailable, delivering anyway');
    expect(unavailable.map((e) => [e.level, String(e.error).includes('AccessDenied')])).toEqual([
      ['WARN', true],
      ['WARN', true],
    ]);
  });
});
