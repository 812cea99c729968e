import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { SnsPublishInput } from '../core/publish/sns-message';
import { describeAwsError, isRetryableAwsError } from './aws-errors';
import { DeliveryError } from './errors';

/**
 * Publishes one rendered notification to the notifications topic.
 * @returns the SNS MessageId
 * @throws DeliveryError, `retryable` for throttling, 5xx and network errors
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 * @example await publishNotification(new SNSClient({}), topicArn, buildSnsPublish(notification));
 */
export async function publishNotification(
  client: SNSClient,
  topicArn: string,
  input: SnsPublishInput,
): Promise<string> {
  try {
    const output = await client.send(new PublishCommand({ TopicArn: topicArn, ...input }));
    return output.MessageId ?? '';
  } catch (error) {
    throw new DeliveryError(`SNS publish to ${topicArn} failed: ${describeAwsError(error)}`, {
      retryable: isRetryableAwsError(error),
      cause: error,
    });
  }
}
