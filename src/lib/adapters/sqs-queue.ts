import { type AwsJsonCall, createAwsJsonClient } from './aws-json';
import { withTimeout } from './timeout';

/**
 * Most messages one ReceiveMessage returns.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
 */
export const SQS_MAX_RECEIVE = 10;
/** Longest wait for one SQS call from the command line. */
export const SQS_CALL_TIMEOUT_MS = 10_000;

/** One received message, in our terms. */
export interface QueueMessage {
  readonly id: string;
  readonly receiptHandle: string;
  readonly body: string;
  /** SQS system attributes (ApproximateReceiveCount, DeadLetterQueueSourceArn, …) and string message attributes. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The message attributes as SQS gave them, to send on unchanged. */
  readonly messageAttributes: Readonly<Record<string, unknown>>;
}

/** The SQS calls the redrive makes on one queue (JSON protocol, SigV4 with the environment's credentials). */
export interface SqsQueue {
  readonly url: string;
  receive(max: number, visibilitySeconds: number): Promise<QueueMessage[]>;
  send(body: string, messageAttributes: Readonly<Record<string, unknown>>): Promise<void>;
  delete(receiptHandle: string): Promise<void>;
  /** Makes a received message visible again after `seconds` (0: at once). */
  release(receiptHandle: string, seconds?: number): Promise<void>;
}

/** Opens queues of one region: by URL, by name, or by ARN. */
export type QueueOpener = (nameUrlOrArn: string) => Promise<SqsQueue>;

/** Where SQS answers: the environment's endpoint override (a local server), else the region's. */
export function sqsEndpoint(region: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.AWS_ENDPOINT_URL_SQS ?? env.AWS_ENDPOINT_URL ?? `https://sqs.${region}.amazonaws.com`;
}

const stringAttributes = (attributes: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((attributes ?? {}) as Record<string, { StringValue?: unknown } | string>).flatMap(
      ([name, value]) => {
        const v = typeof value === 'string' ? value : value?.StringValue;
        return typeof v === 'string' ? [[name, v]] : [];
      },
    ),
  );

/**
 * Creates the opener of a region's queues on one SQS JSON caller (tests pass a fake `call`).
 * A queue URL is used as it is; a name (or an ARN's name and account) is looked up with GetQueueUrl.
 * @throws what SQS throws (e.g. QueueDoesNotExist), as AwsServiceError
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html
 * @example const queue = await createQueueOpener(region)('notifier-dev-alarm-dlq');
 */
export function createQueueOpener(
  region: string,
  call: AwsJsonCall = createAwsJsonClient({
    endpoint: sqsEndpoint(region),
    region,
    service: 'sqs',
    targetPrefix: 'AmazonSQS',
  }),
): QueueOpener {
  const sqs = (operation: string, input: unknown) =>
    withTimeout(SQS_CALL_TIMEOUT_MS, (signal) => call(operation, input, signal));

  function queueAt(url: string): SqsQueue {
    return {
      url,
      async receive(max, visibilitySeconds) {
        const answer = await sqs('ReceiveMessage', {
          QueueUrl: url,
          MaxNumberOfMessages: Math.min(SQS_MAX_RECEIVE, Math.max(1, max)),
          VisibilityTimeout: visibilitySeconds,
          WaitTimeSeconds: 1,
          MessageAttributeNames: ['All'],
          MessageSystemAttributeNames: ['All'],
          AttributeNames: ['All'],
        });
        const messages = Array.isArray(answer.Messages) ? (answer.Messages as Record<string, unknown>[]) : [];
        return messages.map((m) => ({
          id: String(m.MessageId ?? ''),
          receiptHandle: String(m.ReceiptHandle ?? ''),
          body: String(m.Body ?? ''),
          attributes: { ...stringAttributes(m.Attributes), ...stringAttributes(m.MessageAttributes) },
          messageAttributes: (m.MessageAttributes ?? {}) as Record<string, unknown>,
        }));
      },
      async send(body, messageAttributes) {
        const attributes = Object.keys(messageAttributes).length > 0 ? { MessageAttributes: messageAttributes } : {};
        await sqs('SendMessage', { QueueUrl: url, MessageBody: body, ...attributes });
      },
      async delete(receiptHandle) {
        await sqs('DeleteMessage', { QueueUrl: url, ReceiptHandle: receiptHandle });
      },
      async release(receiptHandle, seconds = 0) {
        await sqs('ChangeMessageVisibility', {
          QueueUrl: url,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: seconds,
        });
      },
    };
  }

  return async function openQueue(nameUrlOrArn) {
    if (/^https?:\/\//.test(nameUrlOrArn)) return queueAt(nameUrlOrArn);
    const arn = /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:(\d{12}):(.+)$/.exec(nameUrlOrArn);
    const input = arn ? { QueueName: arn[2], QueueOwnerAWSAccountId: arn[1] } : { QueueName: nameUrlOrArn };
    const answer = await sqs('GetQueueUrl', input);
    if (typeof answer.QueueUrl !== 'string') throw new Error(`GetQueueUrl gave no URL for "${nameUrlOrArn}"`);
    return queueAt(answer.QueueUrl);
  };
}
