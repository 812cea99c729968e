import { Readable } from 'node:stream';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { redriveCommand } from '../src/cli/commands/redrive';
import { createDeadLetterSender } from '../src/lib/adapters/dead-letter-queue';
import { DeliveryError } from '../src/lib/adapters/errors';
import { createQueueOpener } from '../src/lib/adapters/sqs-queue';
import { createQueue, drain, region, sqs, unique } from './moto';

/** `notifier redrive` with the real SQS client (through AWS_ENDPOINT_URL); Lambda is never reached here. */
async function redrive(args: string[]) {
  let stdout = '';
  const io = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: { write: () => true },
    stdin: Readable.from(['']),
  };
  const deps = {
    openQueue: (r: string) => createQueueOpener(r),
    lambda: (r: string) => new LambdaClient({ region: r }),
    env: { AWS_REGION: region },
  };
  const code = await redriveCommand(args, io as never, deps);
  return { code, lines: stdout.trimEnd().split('\n') };
}

/** A source queue whose messages move to `dlq` after one failed receive (SQS's redrive policy). */
async function queueWithDlq() {
  const dlq = await createQueue(unique('slack-dlq'));
  const source = await createQueue(unique('slack-queue'), {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }),
  });
  return { dlq, source };
}

describe('moto: notifier redrive against real SQS semantics', () => {
  it('moves a message SQS dead-lettered back to its queue, attributes and all, and empties the DLQ', async () => {
    const { dlq, source } = await queueWithDlq();
    const body = JSON.stringify({ Type: 'Notification', Subject: 'web-5xx is in ALARM', Message: '{}' });
    const attributes = { severity: { DataType: 'String', StringValue: 'critical' } };
    await sqs('SendMessage', { QueueUrl: source.url, MessageBody: body, MessageAttributes: attributes });
    // A consumer that fails: received once and not deleted, then moved to the DLQ on the next receive.
    await sqs('ReceiveMessage', { QueueUrl: source.url, VisibilityTimeout: 0 });
    await sqs('ReceiveMessage', { QueueUrl: source.url, VisibilityTimeout: 0 });

    // SQS names the source queue in the DeadLetterQueueSourceArn attribute, which moto 5 does not
    // set (the fake-SQS tests in tests/cli/redrive.test.ts cover it), so the queue is given here.
    const dry = await redrive(['--queue', dlq.url, '--to', source.url, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.lines).toEqual([
      expect.stringMatching(
        /^would redrive +\S+ +→ queue .*message: received \d+ times without success +"web-5xx is in ALARM"$/,
      ),
      '1 to redrive, 0 without a destination (dry run: nothing changed)',
    ]);

    const run = await redrive(['--queue', dlq.url, '--to', source.url]);
    expect([run.code, run.lines.at(-1)]).toEqual([0, '1 redriven, 0 kept in the queue']);
    const [back] = await drain(source.url);
    expect(back?.Body).toBe(body);
    expect(back?.MessageAttributes).toMatchObject({ severity: { StringValue: 'critical' } });
    expect(await drain(dlq.url)).toEqual([]);
  });

  it('lists what a function dead-lettered itself (SendMessage of its on-failure-shaped record), with the reason', async () => {
    const dlq = await createQueue(unique('alarm-dlq'));
    const send = createDeadLetterSender({ queueUrl: dlq.url, region }, sqs);
    await send({
      event: { 'detail-type': 'CloudWatch Alarm State Change', detail: { alarmName: 'web-5xx' } },
      error: new DeliveryError('SNS publish failed: AuthorizationError', { retryable: false }),
      context: { invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-moto-alarm' },
      at: new Date('2024-05-01T10:00:00Z'),
    });
    const { code, lines } = await redrive(['--queue', dlq.url, '--dry-run']);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(
      /^would redrive +\S+ +→ function notifier-moto-alarm +notifier-moto-alarm PermanentFailure: DeliveryError: SNS publish failed: AuthorizationError +"CloudWatch Alarm State Change: web-5xx"$/,
    );
    // A dry run leaves the message, visible at once.
    expect(await drain(dlq.url)).toHaveLength(1);
  });

  it('redrives a failed invocation’s event into a queue given with --to', async () => {
    const dlq = await createQueue(unique('alarm-dlq'));
    const target = await createQueue(unique('replay'));
    const event = { 'detail-type': 'CloudWatch Alarm State Change', detail: { alarmName: 'web-5xx' } };
    await createDeadLetterSender(
      { queueUrl: dlq.url, region },
      sqs,
    )({
      event,
      error: new DeliveryError('gave up', { retryable: false }),
      at: new Date('2024-05-01T10:00:00Z'),
    });
    const { code } = await redrive(['--queue', dlq.url, '--to', target.url]);
    expect(code).toBe(0);
    expect((await drain(target.url)).map((m) => JSON.parse(m.Body))).toEqual([event]);
    expect(await drain(dlq.url)).toEqual([]);
  });

  it('says in one line that a queue does not exist', async () => {
    await expect(redrive(['--queue', unique('nope')])).rejects.toThrow(
      /^redrive: queue "nope-\w+" does not exist in us-east-1$/,
    );
  });
});
