import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadLetterPermanentFailures } from '../../src/handlers/dead-letter';
import { createIngestHandler } from '../../src/handlers/ingest';
import { type DeadLetter, deadLetterMessage } from '../../src/lib/adapters/dead-letter-queue';
import { genericSource } from '../../src/lib/core/sources/generic/source';
import type { Source } from '../../src/lib/core/sources/source';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { snsEventWith } from '../helpers/fixtures';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:notifications';
const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/notifier-dev-alarm-dlq';
const context = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'notifier-dev-alarm',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-alarm',
  getRemainingTimeInMillis: () => 10_000,
} as never;
const sns = mockClient(SNSClient);
let logs: CapturedLogs;
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'message-1' });
  logs = captureLogs();
});
afterEach(() => logs.restore());

/** A source with a bug: it throws a TypeError while building messages that start with "boom". */
const buggySource: Source = {
  id: 'buggy',
  matches: (item) => typeof item.payload === 'string' && item.payload.startsWith('boom'),
  read: () => ({
    kind: 'notify',
    build: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'state')");
    },
  }),
};

describe('handlers: one record of a batch failing', () => {
  it('publishes the other records, then dead-letters the batch with the failed record and why', async () => {
    const sent: DeadLetter[] = [];
    const handler = createIngestHandler([buggySource, genericSource], { env: { NOTIFICATIONS_TOPIC_ARN: topicArn } });
    const main = middy(handler).use(
      deadLetterPermanentFailures({
        env: { DEAD_LETTER_QUEUE_URL: queueUrl },
        sender: () => async (letter) => {
          sent.push(letter);
        },
      }),
    );
    const answer = await main(snsEventWith('first message', 'boom', 'third message'), context);

    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
    expect(answer).toEqual({
      deadLettered: true,
      reason:
        "Records[1].Sns.Message: could not be turned into a notification: TypeError: Cannot read properties of undefined (reading 'state')",
    });
    expect(sent).toHaveLength(1);
    const { body, attributes } = deadLetterMessage(sent[0] as DeadLetter);
    expect(JSON.parse(body)).toMatchObject({
      requestContext: {
        condition: 'PermanentFailure',
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-alarm',
      },
      responsePayload: { errorType: 'InputError', errorMessage: expect.stringContaining('Records[1].Sns.Message') },
    });
    expect(attributes.reason.StringValue).toContain('TypeError');
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: 'ERROR', message: 'input record could not be read' }),
    );
  });
});
