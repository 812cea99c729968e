import { Readable } from 'node:stream';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { redriveCommand } from '../../src/cli/commands/redrive';
import { reportError } from '../../src/cli/main';
import { deadLetterMessage } from '../../src/lib/adapters/dead-letter-queue';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { createQueueOpener } from '../../src/lib/adapters/sqs-queue';
import { fakeSqs } from '../helpers/fake-sqs';
import { fixture, snsEventWith } from '../helpers/fixtures';
import { cli } from './memory-io';

const lambda = mockClient(LambdaClient);
let sqs: ReturnType<typeof fakeSqs>;
beforeEach(() => {
  lambda.reset();
  lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
  sqs = fakeSqs();
});

const alarmArn = 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-alarm';
const alarmEvent = () => fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');

/** What Lambda's on-failure destination writes after the retries of an asynchronous invocation. */
const onFailureRecord = (payload: unknown, message = 'SNS publish failed: ThrottledException: Rate exceeded') =>
  JSON.stringify({
    version: '1.0',
    timestamp: '2024-05-01T10:00:00.000Z',
    requestContext: {
      requestId: 'e4b46cbf-b738-xmpl-8880-a18cdf61200e',
      functionArn: `${alarmArn}:$LATEST`,
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
    },
    requestPayload: payload,
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: { errorType: 'DeliveryError', errorMessage: message },
  });

/** An SNS→Lambda event of the notifications topic, as the slack function receives it. */
function notificationsTopicEvent(subject: string) {
  const event = snsEventWith(JSON.stringify({ title: subject }));
  (event.Records[0] as { Sns: Record<string, unknown> }).Sns.Subject = subject;
  return event;
}

/** What the slack function writes itself for a permanent failure (src/lib/adapters/dead-letter-queue.ts). */
const permanentFailure = () =>
  deadLetterMessage({
    event: notificationsTopicEvent('ServerCpuTooHigh is in ALARM'),
    error: new DeliveryError('Slack webhook (hooks.slack.com) answered 404: no_service', { retryable: false }),
    context: {
      awsRequestId: 'r-1',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-slack',
    },
    at: new Date('2024-05-01T10:00:00Z'),
  }).body;

async function run(args: string[], env: Record<string, string> = { AWS_REGION: 'us-east-1' }) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    },
    stdin: Readable.from(['']),
  };
  const deps = {
    openQueue: (region: string) => createQueueOpener(region, sqs.call),
    lambda: (region: string) => new LambdaClient({ region }),
    env,
  };
  const code = await redriveCommand(args, io as never, deps).catch((error: unknown) =>
    reportError(error, io as never, {}),
  );
  return { code, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}

describe('cli: notifier redrive', () => {
  it('lists each message in a dry run (function, why, about what) and changes nothing', async () => {
    sqs.queue('notifier-dev-alarm-dlq', [
      { id: 'm-1', body: onFailureRecord(alarmEvent()) },
      { id: 'm-2', body: permanentFailure() },
    ]);
    const { code, lines } = await run(['--queue', 'notifier-dev-alarm-dlq', '--dry-run']);
    expect(code).toBe(0);
    expect(lines).toEqual([
      'would redrive  m-1  → function notifier-dev-alarm  notifier-dev-alarm RetriesExhausted: DeliveryError: SNS publish failed: ThrottledException: Rate exceeded  "CloudWatch Alarm State Change: ServerCpuTooHigh"',
      'would redrive  m-2  → function notifier-dev-slack  notifier-dev-slack PermanentFailure: DeliveryError: Slack webhook (hooks.slack.com) answered 404: no_service  "ServerCpuTooHigh is in ALARM"',
      '2 to redrive, 0 without a destination (dry run: nothing changed)',
    ]);
    expect(lambda).toHaveReceivedCommandTimes(InvokeCommand, 0);
    expect(sqs.bodies('notifier-dev-alarm-dlq')).toHaveLength(2);
    expect(sqs.calls.filter((c) => c.operation === 'ChangeMessageVisibility')).toHaveLength(2);
  });

  it('re-invokes the function asynchronously with the original event, then deletes the message', async () => {
    sqs.queue('notifier-dev-alarm-dlq', [{ id: 'm-1', body: onFailureRecord(alarmEvent()) }]);
    const { code, lines } = await run(['--queue', sqs.urlOf('notifier-dev-alarm-dlq')]);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('1 redriven, 0 kept in the queue');
    expect(lambda).toHaveReceivedCommandWith(InvokeCommand, {
      FunctionName: 'notifier-dev-alarm',
      InvocationType: 'Event',
    });
    const payload = lambda.commandCalls(InvokeCommand)[0]?.args[0].input.Payload as Uint8Array;
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(alarmEvent());
    expect(sqs.bodies('notifier-dev-alarm-dlq')).toEqual([]);
  });

  it('keeps the message, visible again, when the re-invoke fails, and exits 1', async () => {
    lambda.on(InvokeCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    sqs.queue('notifier-dev-alarm-dlq', [{ id: 'm-1', body: onFailureRecord(alarmEvent()) }]);
    const { code, lines } = await run(['--queue', 'notifier-dev-alarm-dlq']);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^kept +m-1 .*\(not redriven: TooManyRequestsException: Rate exceeded\)$/);
    expect(lines.at(-1)).toBe('0 redriven, 1 kept in the queue');
    expect(sqs.bodies('notifier-dev-alarm-dlq')).toHaveLength(1);
    expect(sqs.calls.map((c) => c.operation)).not.toContain('DeleteMessage');
    expect(sqs.calls.at(-1)).toMatchObject({ operation: 'ChangeMessageVisibility', input: { VisibilityTimeout: 0 } });
  });

  it('redrives at most --max messages', async () => {
    const messages = Array.from({ length: 25 }, (_, i) => ({ id: `m-${i}`, body: onFailureRecord({ n: i }) }));
    sqs.queue('notifier-dev-alarm-dlq', messages);
    const { code, lines } = await run(['--queue', 'notifier-dev-alarm-dlq', '--max', '12']);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('12 redriven, 0 kept in the queue');
    expect(lambda).toHaveReceivedCommandTimes(InvokeCommand, 12);
    expect(sqs.bodies('notifier-dev-alarm-dlq')).toHaveLength(13);
  });

  it('sends a queue’s message back to the queue it was dead-lettered from, with its attributes', async () => {
    const body = JSON.stringify({ Type: 'Notification', Subject: 'web-5xx is in ALARM', Message: '{}' });
    const messageAttributes = { severity: { DataType: 'String', StringValue: 'critical' } };
    sqs.queue('notifier-dev-slack-queue');
    sqs.queue('notifier-dev-slack-dlq', [
      {
        id: 'm-1',
        body,
        messageAttributes,
        attributes: { DeadLetterQueueSourceArn: 'arn:aws:sqs:us-east-1:123456789012:notifier-dev-slack-queue' },
      },
    ]);
    const { code, lines } = await run(['--queue', 'notifier-dev-slack-dlq']);
    expect(code).toBe(0);
    expect(lines[0]).toBe(
      'redriven       m-1  → queue arn:aws:sqs:us-east-1:123456789012:notifier-dev-slack-queue  message: received 1 times without success  "web-5xx is in ALARM"',
    );
    expect(sqs.bodies('notifier-dev-slack-queue')).toEqual([body]);
    expect(sqs.calls.find((c) => c.operation === 'SendMessage')?.input.MessageAttributes).toEqual(messageAttributes);
    expect(sqs.bodies('notifier-dev-slack-dlq')).toEqual([]);
  });

  it('keeps a message with no known destination and says to give --to', async () => {
    sqs.queue('q-dlq', [{ id: 'm-1', body: 'plain text' }]);
    const { code, lines } = await run(['--queue', 'q-dlq']);
    expect(code).toBe(1);
    expect(lines[0]).toContain('(no destination known: give --to FUNCTION|QUEUE)');
  });

  it('never prints a webhook’s path, only its host', async () => {
    const leak = onFailureRecord({}, 'POST https://hooks.slack.com/services/T000/B000/XXXXSECRET failed: 500');
    sqs.queue('q-dlq', [{ id: 'm-1', body: leak }]);
    const { stdout } = await run(['--queue', 'q-dlq', '--dry-run']);
    expect(stdout).toContain('POST hooks.slack.com failed: 500');
    expect(stdout).not.toContain('XXXXSECRET');
    expect(stdout).not.toContain('/services/');
  });

  it.each([
    [['--queue', 'nope-dlq'], 1, 'notifier: redrive: queue "nope-dlq" does not exist in us-east-1\n'],
    [['--queue', 'q', '--max', '0'], 2, 'notifier: --max: "0" is not a whole number from 1 to 10000\n'],
    [[], 2, 'notifier: redrive: --queue is required (the dead-letter queue, e.g. notifier-dev-alarm-dlq)\n'],
  ])('%j: one line, exit %i', async (args, exitCode, stderr) => {
    const result = await run(args);
    expect([result.code, result.stderr]).toEqual([exitCode, stderr]);
  });

  it('without credentials, exits 2 and says how to fix it', async () => {
    sqs.fail(
      'GetQueueUrl',
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
    );
    const { code, stderr } = await run(['--queue', 'notifier-dev-alarm-dlq']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'notifier: redrive: no AWS credentials found; set AWS_PROFILE (after "aws sso login") or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n',
    );
  });

  it('is a command of notifier, with its usage in the help', async () => {
    const { code, stdout } = await cli(['redrive', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: notifier redrive --queue NAME\|URL/);
    expect((await cli(['help'])).stdout).toContain('notifier redrive --queue NAME');
  });

  it('needs a region', async () => {
    expect((await run(['--queue', 'q'], {})).stderr).toBe(
      'notifier: redrive: --region is required (or set AWS_REGION)\n',
    );
  });
});
