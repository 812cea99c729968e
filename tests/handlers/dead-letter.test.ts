import middy from '@middy/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadLetterPermanentFailures } from '../../src/handlers/dead-letter';
import { createSlackHandler } from '../../src/handlers/slack';
import type { DeadLetter } from '../../src/lib/adapters/dead-letter-queue';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { ConfigError, InputError } from '../../src/lib/core/errors';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { snsEventWith } from '../helpers/fixtures';
import { replies, startSlackReceiver } from '../helpers/slack-receiver';

const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/notifier-dev-slack-dlq';
const context = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'notifier-dev-slack',
  getRemainingTimeInMillis: () => 10_000,
} as never;

let logs: CapturedLogs;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

/** A function failing with `error`, wrapped as `main` is, its dead letters kept in `sent`. */
function wrapped(error: Error, options: { env?: Record<string, string>; sendFails?: boolean } = {}) {
  const sent: DeadLetter[] = [];
  const send = vi.fn(async (letter: DeadLetter) => {
    if (options.sendFails) throw new DeliveryError('SQS SendMessage failed', { retryable: true });
    sent.push(letter);
  });
  const main = middy(async () => {
    throw error;
  }).use(deadLetterPermanentFailures({ env: options.env ?? { DEAD_LETTER_QUEUE_URL: queueUrl }, sender: () => send }));
  return { main, sent };
}

describe('handlers: dead-letter middleware', () => {
  it.each([
    [
      'a refused delivery',
      new DeliveryError('Slack webhook (hooks.slack.com) answered 404: no_service', { retryable: false }),
    ],
    ['unreadable input', new InputError('is not JSON', 'Records[0].Sns.Message')],
    [
      'a bad setting',
      new ConfigError('SLACK_WEBHOOK_PARAMETER: SSM parameter "/x" could not be read: ParameterNotFound'),
    ],
  ])('sends %s to the queue at once, with the reason, and ends the invocation without error', async (_, error) => {
    const { main, sent } = wrapped(error);
    const event = snsEventWith('hello');
    expect(await main(event, context)).toEqual({ deadLettered: true, reason: error.message });
    expect(sent).toEqual([expect.objectContaining({ event, error, context })]);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'ERROR',
        message: 'permanent failure sent to the dead-letter queue',
        reason: error.message,
        errorType: error.name,
      }),
    );
  });

  it.each([
    ['a retryable delivery failure', new DeliveryError('SNS publish failed: ThrottledException', { retryable: true })],
    ['an unexpected error', new TypeError('boom')],
  ])('rethrows %s, so Lambda retries it', async (_, error) => {
    const { main, sent } = wrapped(error);
    await expect(main({}, context)).rejects.toBe(error);
    expect(sent).toEqual([]);
  });

  it('rethrows when no queue is configured (local runs)', async () => {
    const error = new InputError('is not JSON');
    const { main, sent } = wrapped(error, { env: {} });
    await expect(main({}, context)).rejects.toBe(error);
    expect(sent).toEqual([]);
  });

  it('rethrows, and logs why, when the queue cannot be reached: loud, never lost', async () => {
    const error = new InputError('is not JSON');
    const { main } = wrapped(error, { sendFails: true });
    await expect(main({}, context)).rejects.toBe(error);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'dead-letter queue not reached, leaving the failure to Lambda retries' }),
    );
  });
});

describe('handlers: a removed Slack webhook goes to the dead-letter queue once, not three times', () => {
  it('answers the invocation and dead-letters the event with Slack’s reason', async () => {
    const slack = await startSlackReceiver();
    try {
      slack.script([], replies.noService);
      const sent: DeadLetter[] = [];
      const main = middy(createSlackHandler({ env: { SLACK_WEBHOOK_URL: slack.url } })).use(
        deadLetterPermanentFailures({
          env: { DEAD_LETTER_QUEUE_URL: queueUrl },
          sender: () => async (letter) => {
            sent.push(letter);
          },
        }),
      );
      const result = await main(snsEventWith('Disk of db-1 is almost full'), context);
      expect(result).toEqual({ deadLettered: true, reason: expect.stringMatching(/answered 404: no_service$/) });
      expect(slack.requests).toHaveLength(1);
      expect(sent.map((letter) => letter.error.message)).toEqual([expect.stringMatching(/404: no_service$/)]);
      for (const secret of slack.segments) expect(JSON.stringify(sent[0]?.error.message)).not.toContain(secret);
    } finally {
      await slack.close();
    }
  });
});
