import type { Context } from 'aws-lambda';
import type { DeadLetterConfig } from '../dead-letter-config';
import { describeAwsError, isRetryableAwsError } from './aws-errors';
import { type AwsJsonCall, createAwsJsonClient } from './aws-json';
import { DeliveryError } from './errors';
import { withTimeout } from './timeout';

/**
 * Largest SQS message (body and attributes), in bytes; a bigger record is left to Lambda's own
 * retries and on-failure destination.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
 */
export const MAX_SQS_MESSAGE_BYTES = 262_144;
/** Most characters of the reason kept in the `reason` message attribute (the body has all of it). */
const MAX_REASON_ATTRIBUTE_CHARS = 1_000;
/** Longest wait for SendMessage; the queue normally answers in milliseconds. */
export const DEAD_LETTER_TIMEOUT_MS = 3_000;

/** What failed for good: the invocation's event, why, and which invocation. */
export interface DeadLetter {
  readonly event: unknown;
  readonly error: Error;
  readonly context?: Partial<Pick<Context, 'awsRequestId' | 'invokedFunctionArn' | 'functionName'>>;
  readonly at: Date;
}

/** Sends one dead letter; throws DeliveryError when the queue did not take it. */
export type DeadLetterSender = (letter: DeadLetter) => Promise<void>;

/**
 * The message for a dead letter, shaped like the record Lambda's on-failure destination writes to
 * the same queue (so one redrive reads both), with condition `PermanentFailure` and the reason in
 * message attributes a console or a filter can read without parsing the body.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
export function deadLetterMessage(letter: DeadLetter) {
  const { error, context } = letter;
  const body = JSON.stringify({
    version: '1.0',
    timestamp: letter.at.toISOString(),
    requestContext: {
      requestId: context?.awsRequestId ?? '',
      functionArn: context?.invokedFunctionArn ?? '',
      condition: 'PermanentFailure',
      approximateInvokeCount: 1,
    },
    requestPayload: letter.event ?? null,
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Handled' },
    responsePayload: { errorType: error.name, errorMessage: error.message },
  });
  const text = (value: string) => ({ DataType: 'String', StringValue: value || '-' });
  const attributes = {
    reason: text(error.message.slice(0, MAX_REASON_ATTRIBUTE_CHARS)),
    errorType: text(error.name),
    functionName: text(context?.functionName ?? ''),
  };
  return { body, attributes };
}

/**
 * Creates the sender of a function's dead-letter queue: SQS SendMessage (JSON 1.0 protocol, signed
 * with the function's role, which may send to its own queue only).
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 * @example await createDeadLetterSender(config)({ event, error, context, at: new Date() });
 */
export function createDeadLetterSender(config: DeadLetterConfig, call?: AwsJsonCall): DeadLetterSender {
  const sqs =
    call ??
    createAwsJsonClient({
      endpoint: new URL(config.queueUrl).origin,
      region: config.region,
      service: 'sqs',
      targetPrefix: 'AmazonSQS',
    });
  return async function sendDeadLetter(letter) {
    const { body, attributes } = deadLetterMessage(letter);
    const bytes = Buffer.byteLength(body, 'utf8') + Buffer.byteLength(JSON.stringify(attributes), 'utf8');
    if (bytes > MAX_SQS_MESSAGE_BYTES) {
      throw new DeliveryError(`dead letter of ${bytes} bytes exceeds SQS's ${MAX_SQS_MESSAGE_BYTES}`, {
        retryable: true,
      });
    }
    const input = { QueueUrl: config.queueUrl, MessageBody: body, MessageAttributes: attributes };
    try {
      await withTimeout(DEAD_LETTER_TIMEOUT_MS, (signal) => sqs('SendMessage', input, signal));
    } catch (error) {
      throw new DeliveryError(`SQS SendMessage to the dead-letter queue failed: ${describeAwsError(error)}`, {
        retryable: isRetryableAwsError(error),
        cause: error,
      });
    }
  };
}
