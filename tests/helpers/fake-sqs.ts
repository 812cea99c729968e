import { type AwsJsonCall, AwsServiceError } from '../../src/lib/adapters/aws-json';

/** One message in a fake queue. */
export interface FakeMessage {
  id: string;
  body: string;
  attributes?: Record<string, string>;
  messageAttributes?: Record<string, { DataType: string; StringValue: string }>;
}

interface Stored extends FakeMessage {
  receipt?: string;
  hidden: boolean;
  receives: number;
}

/**
 * An in-memory SQS speaking the calls the redrive makes (GetQueueUrl, ReceiveMessage, SendMessage,
 * DeleteMessage, ChangeMessageVisibility) as an {@link AwsJsonCall}; visibility is on/off (no clock).
 * Real SQS semantics are checked against moto in tests-moto/.
 */
export function fakeSqs(account = '123456789012', region = 'us-east-1') {
  const queues = new Map<string, Stored[]>();
  const calls: Array<{ operation: string; input: Record<string, unknown> }> = [];
  let receipts = 0;
  const urlOf = (name: string) => `https://sqs.${region}.amazonaws.com/${account}/${name}`;
  const queueAt = (url: unknown) => {
    const name = String(url).split('/').at(-1) ?? '';
    const queue = queues.get(name);
    if (!queue) throw new AwsServiceError('QueueDoesNotExist', 'The specified queue does not exist.', 400);
    return queue;
  };
  const failures = new Map<string, unknown>();

  const call: AwsJsonCall = async (operation, rawInput) => {
    const input = rawInput as Record<string, unknown>;
    calls.push({ operation, input });
    const failure = failures.get(operation);
    if (failure) throw failure;
    switch (operation) {
      case 'GetQueueUrl': {
        if (!queues.has(String(input.QueueName))) {
          throw new AwsServiceError('QueueDoesNotExist', 'The specified queue does not exist.', 400);
        }
        return { QueueUrl: urlOf(String(input.QueueName)) };
      }
      case 'ReceiveMessage': {
        const visible = queueAt(input.QueueUrl).filter((m) => !m.hidden);
        const taken = visible.slice(0, Number(input.MaxNumberOfMessages ?? 1));
        for (const m of taken) {
          m.hidden = true;
          m.receives += 1;
          m.receipt = `receipt-${++receipts}`;
        }
        return {
          Messages: taken.map((m) => ({
            MessageId: m.id,
            ReceiptHandle: m.receipt,
            Body: m.body,
            Attributes: { ...m.attributes, ApproximateReceiveCount: String(m.receives) },
            ...(m.messageAttributes ? { MessageAttributes: m.messageAttributes } : {}),
          })),
        };
      }
      case 'SendMessage': {
        const queue = queueAt(input.QueueUrl);
        const id = `sent-${queue.length + 1}`;
        const messageAttributes = input.MessageAttributes as FakeMessage['messageAttributes'];
        queue.push({
          id,
          body: String(input.MessageBody),
          hidden: false,
          receives: 0,
          ...(messageAttributes ? { messageAttributes } : {}),
        });
        return { MessageId: id };
      }
      case 'DeleteMessage': {
        const queue = queueAt(input.QueueUrl);
        const index = queue.findIndex((m) => m.receipt === input.ReceiptHandle);
        if (index >= 0) queue.splice(index, 1);
        return {};
      }
      case 'ChangeMessageVisibility': {
        const message = queueAt(input.QueueUrl).find((m) => m.receipt === input.ReceiptHandle);
        if (message && Number(input.VisibilityTimeout) === 0) message.hidden = false;
        return {};
      }
      default:
        throw new AwsServiceError('InvalidAction', `${operation} is not faked`, 400);
    }
  };

  return {
    call,
    calls,
    urlOf,
    /** Creates a queue holding `messages`. */
    queue(name: string, messages: FakeMessage[] = []) {
      queues.set(
        name,
        messages.map((m) => ({ ...m, hidden: false, receives: 0 })),
      );
    },
    /** The bodies a queue holds now, visible or not. */
    bodies: (name: string) => (queues.get(name) ?? []).map((m) => m.body),
    /** Makes every call of `operation` fail with `error`. */
    fail(operation: string, error: unknown) {
      failures.set(operation, error);
    },
  };
}
