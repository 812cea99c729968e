/**
 * An SQS→Lambda event as the event source mapping delivers it, one record per body, each with the
 * message id a partial batch response names it by (`message-0`, …).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 */
export function sqsEventWith(...bodies: string[]) {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `message-${i}`,
      receiptHandle: `receipt-${i}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1764388800000',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1764388800001',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs' as const,
      eventSourceARN: 'arn:aws:sqs:ap-northeast-1:123456789012:notifier-dev-slack',
      awsRegion: 'ap-northeast-1',
    })),
  };
}

/** The message ids of a partial batch response. */
export const failedIds = (response: unknown) =>
  (response as { batchItemFailures: { itemIdentifier: string }[] }).batchItemFailures.map((f) => f.itemIdentifier);
