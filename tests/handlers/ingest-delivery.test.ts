import { PublishCommand } from '@aws-sdk/client-sns';
import 'aws-sdk-client-mock-vitest/extend';
import { describe, expect, it } from 'vitest';
import { createAlarmHandler } from '../../src/handlers/alarm';
import { createDedupeStore } from '../../src/lib/adapters/dedupe-store';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { fixture, snsEventWith } from '../helpers/fixtures';
import { ingestHarness, TOPIC_ARN } from '../helpers/ingest-harness';

const topicArn = TOPIC_ARN;
const harness = ingestHarness();
const { sns } = harness;

const lambdaContext = (remainingMs: number) => ({ getRemainingTimeInMillis: () => remainingMs }) as never;
const alarmEvent = () => fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
const withTable = (now?: () => number) =>
  createAlarmHandler({
    env: { NOTIFICATIONS_TOPIC_ARN: topicArn, DEDUPE_TABLE: harness.db.tableName },
    dynamodb: () => harness.db.client,
    ...(now ? { now } : {}),
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the invocation should have failed') as never,
    (e: unknown) => e as DeliveryError,
  );

/** The dedupe key of what the alarm fixture publishes (read from the `lambda` body of a publish). */
async function alarmDedupeKey(): Promise<string> {
  await createAlarmHandler({ env: { NOTIFICATIONS_TOPIC_ARN: topicArn } })(alarmEvent());
  const message = JSON.parse(sns.commandCalls(PublishCommand)[0]?.args[0].input.Message ?? '{}');
  sns.resetHistory();
  return (JSON.parse(message.lambda) as { dedupeKey: string }).dedupeKey;
}

describe('handlers: ingest delivery', () => {
  it('publishes a batch at most 10 at a time', async () => {
    let running = 0;
    let most = 0;
    sns.on(PublishCommand).callsFake(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return { MessageId: 'message-1' };
    });
    const messages = Array.from({ length: 40 }, (_, i) => `Disk ${i} of db-${i} is almost full`);
    const summary = await createAlarmHandler({ env: { NOTIFICATIONS_TOPIC_ARN: topicArn } })(snsEventWith(...messages));
    expect(summary).toEqual({ published: 40, ignored: 0 });
    expect(most).toBe(10);
  });

  it('fails retryable before the Lambda timeout when SNS gives no answer, instead of being killed', async () => {
    sns.on(PublishCommand).callsFake(() => new Promise(() => {}));
    const error = await failure(
      createAlarmHandler({ env: { NOTIFICATIONS_TOPIC_ARN: topicArn } })(alarmEvent(), lambdaContext(3_000)),
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/TimeoutError: no answer within \d+ ms/);
  });

  it('does not skip an alarm another invocation is publishing: fails retryable, and the retry publishes', async () => {
    const key = await alarmDedupeKey();
    const startedAt = Date.now();
    const other = createDedupeStore(harness.db.client, { tableName: harness.db.tableName, ttlSeconds: 60 });
    await other.claim(key, 40_000); // in flight elsewhere, and that invocation is then killed
    const error = await failure(withTable(() => startedAt)(alarmEvent(), lambdaContext(10_000)));
    expect(error).toMatchObject({ name: 'DeliveryError', retryable: true });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 0);
    // Lambda's first retry, a minute later: the lease is over.
    const retried = await withTable(() => startedAt + 60_000)(alarmEvent(), lambdaContext(10_000));
    expect(retried).toEqual({ published: 1, ignored: 0 });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });
});
