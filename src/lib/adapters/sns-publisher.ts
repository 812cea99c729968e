import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { SnsPublishInput } from '../core/publish/sns-message';
import { describeAwsError, isRetryableAwsError } from './aws-errors';
import { DeliveryError } from './errors';
import { withTimeout } from './timeout';

/** Options of {@link publishNotification}. */
export interface PublishOptions {
  /** Time left for the publish, SDK retries included (from the invocation's deadline); past it, it is aborted. */
  readonly timeoutMs?: number;
}

/**
 * Publishes one rendered notification to the notifications topic.
 * @returns the SNS MessageId
 * @throws DeliveryError, `retryable` for throttling, 5xx, network errors and running out of time
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 * @example await publishNotification(new SNSClient(sdkClientConfig()), topicArn, buildSnsPublish(n), { timeoutMs });
 */
export async function publishNotification(
  client: SNSClient,
  topicArn: string,
  input: SnsPublishInput,
  options: PublishOptions = {},
): Promise<string> {
  const command = new PublishCommand({ TopicArn: topicArn, ...input });
  try {
    const output =
      options.timeoutMs === undefined
        ? await client.send(command)
        : await withTimeout(options.timeoutMs, (abortSignal) => client.send(command, { abortSignal }));
    return output.MessageId ?? '';
  } catch (error) {
    throw new DeliveryError(`SNS publish to ${topicArn} failed: ${describeAwsError(error)}`, {
      retryable: isRetryableAwsError(error),
      cause: error,
    });
  }
}
