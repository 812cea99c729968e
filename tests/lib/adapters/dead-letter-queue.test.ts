import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsJsonClient } from '../../../src/lib/adapters/aws-json';
import {
  createDeadLetterSender,
  type DeadLetter,
  MAX_SQS_MESSAGE_BYTES,
} from '../../../src/lib/adapters/dead-letter-queue';
import { DeliveryError } from '../../../src/lib/adapters/errors';

const credentials = async () => ({ accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test-secret' });

/** A stand-in for SQS's JSON endpoint on 127.0.0.1: records requests, answers what the test set. */
const seen: Array<{ headers: IncomingHttpHeaders; body: Record<string, unknown> }> = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };
const server = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  seen.push({ headers: req.headers, body: JSON.parse(body) });
  res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(reply.body));
});
let queueUrl = '';
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  queueUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/123456789012/notifier-dev-slack-dlq`;
});
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
  reply = { status: 200, body: { MessageId: 'dlq-message-1' } };
});

const sender = () =>
  createDeadLetterSender(
    { queueUrl, region: 'us-east-1' },
    createAwsJsonClient({
      endpoint: new URL(queueUrl).origin,
      region: 'us-east-1',
      service: 'sqs',
      targetPrefix: 'AmazonSQS',
      credentials,
    }),
  );
const letter = (event: unknown = { Records: [{ Sns: { Message: '{"title":"ALARM"}' } }] }): DeadLetter => ({
  event,
  error: new DeliveryError('Slack webhook (hooks.slack.com) answered 404: no_service', { retryable: false }),
  context: {
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-slack',
    functionName: 'notifier-dev-slack',
  },
  at: new Date('2024-05-01T12:00:00.000Z'),
});

describe('adapters: dead-letter queue', () => {
  it('sends SQS SendMessage: the event in a Lambda on-failure record, the reason in attributes', async () => {
    await sender()(letter());
    const [request] = seen;
    expect(request?.headers['x-amz-target']).toBe('AmazonSQS.SendMessage');
    expect(request?.headers.authorization).toMatch(/Credential=AKIDTESTTESTTEST\/\d{8}\/us-east-1\/sqs\/aws4_request/);
    expect(request?.body.QueueUrl).toBe(queueUrl);
    expect(JSON.parse(String(request?.body.MessageBody))).toEqual({
      version: '1.0',
      timestamp: '2024-05-01T12:00:00.000Z',
      requestContext: {
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-slack',
        condition: 'PermanentFailure',
        approximateInvokeCount: 1,
      },
      requestPayload: { Records: [{ Sns: { Message: '{"title":"ALARM"}' } }] },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Handled' },
      responsePayload: {
        errorType: 'DeliveryError',
        errorMessage: 'Slack webhook (hooks.slack.com) answered 404: no_service',
      },
    });
    expect(request?.body.MessageAttributes).toEqual({
      reason: { DataType: 'String', StringValue: 'Slack webhook (hooks.slack.com) answered 404: no_service' },
      errorType: { DataType: 'String', StringValue: 'DeliveryError' },
      functionName: { DataType: 'String', StringValue: 'notifier-dev-slack' },
    });
  });

  it.each([
    [400, { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'no queue' }, false],
    [500, { __type: 'com.amazonaws.sqs#InternalError', message: 'oops' }, true],
  ])('reports SQS answering %i as a DeliveryError (retryable: %s)', async (status, body, retryable) => {
    reply = { status, body };
    const error = await sender()(letter()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({
      retryable,
      message: expect.stringContaining('SendMessage to the dead-letter queue'),
    });
  });

  it('sends nothing bigger than SQS takes (Lambda’s own retries and destination take over)', async () => {
    const error = await sender()(letter({ text: 'x'.repeat(MAX_SQS_MESSAGE_BYTES) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(seen).toEqual([]);
  });
});
