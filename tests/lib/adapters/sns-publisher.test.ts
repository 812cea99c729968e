import { InternalErrorException, PublishCommand, SNSClient, ThrottledException } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { publishNotification } from '../../../src/lib/adapters/sns-publisher';
import type { SnsPublishInput } from '../../../src/lib/core/publish/sns-message';

const sns = mockClient(SNSClient);
const client = new SNSClient({ region: 'us-east-1' });
beforeEach(() => sns.reset());

const topicArn = 'arn:aws:sns:us-east-1:123456789012:notifications';
const input: SnsPublishInput = {
  Subject: 'ALARM: ServerCpuTooHigh',
  Message: JSON.stringify({ default: 'ALARM', email: 'ALARM body', lambda: '{}' }),
  MessageStructure: 'json',
  MessageAttributes: {
    category: { DataType: 'String', StringValue: 'alarm' },
    severity: { DataType: 'String', StringValue: 'critical' },
  },
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('publish should have failed'),
    (e: unknown) => e as DeliveryError,
  );

describe('adapters: sns publisher', () => {
  it('publishes the rendered input to the topic and returns the MessageId', async () => {
    sns.on(PublishCommand).resolves({ MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e' });
    expect(await publishNotification(client, topicArn, input)).toBe('95df01b4-ee98-5cb9-9903-4c221d41eb5e');
    expect(sns).toHaveReceivedCommandExactlyOnceWith(PublishCommand, { TopicArn: topicArn, ...input });
  });

  it.each([
    ['throttling', new ThrottledException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }), true],
    [
      'an SNS server fault',
      new InternalErrorException({ message: 'Internal error', $metadata: { httpStatusCode: 500 } }),
      true,
    ],
    ['a network error', Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' }), true],
    [
      'a missing topic',
      Object.assign(new Error('Topic does not exist'), {
        name: 'NotFoundException',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
      }),
      false,
    ],
    [
      'AuthorizationError',
      Object.assign(new Error('not authorized to perform SNS:Publish'), {
        name: 'AuthorizationErrorException',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      }),
      false,
    ],
  ])('wraps %s in a DeliveryError saying whether to retry', async (_, error, retryable) => {
    sns.on(PublishCommand).rejects(error);
    const thrown = await failure(publishNotification(client, topicArn, input));
    expect(thrown).toBeInstanceOf(DeliveryError);
    expect(thrown.retryable).toBe(retryable);
    expect(thrown.cause).toBe(error);
    expect(thrown.message).toBe(`SNS publish to ${topicArn} failed: ${error.name}: ${error.message}`);
  });

  it('aborts a publish that gets no answer within its time, as a retryable DeliveryError', async () => {
    sns.on(PublishCommand).callsFake(() => new Promise(() => {}));
    const signals: AbortSignal[] = [];
    const watched = {
      send: (command: PublishCommand, options: { abortSignal: AbortSignal }) => {
        signals.push(options.abortSignal);
        return client.send(command, options);
      },
    } as unknown as SNSClient;
    const thrown = await failure(publishNotification(watched, topicArn, input, { timeoutMs: 1_500 }));
    expect(thrown.retryable).toBe(true);
    expect(thrown.message).toBe(`SNS publish to ${topicArn} failed: TimeoutError: no answer within 1500 ms`);
    expect(signals.map((s) => s.aborted)).toEqual([true]);
  });
});
