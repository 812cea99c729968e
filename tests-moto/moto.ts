import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { type AwsJsonCall, createAwsJsonClient } from '../src/lib/adapters/aws-json';

/** The moto_server `.ci/moto` started; the SDK clients find it through AWS_ENDPOINT_URL themselves. */
export const endpoint = (() => {
  const url = process.env.AWS_ENDPOINT_URL;
  if (!url) throw new Error('AWS_ENDPOINT_URL is not set: run these tests with .ci/moto');
  return url;
})();
export const region = 'us-east-1';
const credentials = async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' });

/** A name no other test uses, so tests share one server without sharing resources. */
export const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

/** SQS over its JSON protocol (the project has no SQS SDK package: see src/lib/adapters/aws-json.ts). */
export const sqs: AwsJsonCall = createAwsJsonClient({
  endpoint,
  region,
  service: 'sqs',
  targetPrefix: 'AmazonSQS',
  credentials,
});
export const sns = () => new SNSClient({ region, maxAttempts: 1 });
export const dynamodb = () => new DynamoDBClient({ region, maxAttempts: 1 });

/** Creates a queue (with `attributes`), answering its URL and ARN. */
export async function createQueue(name: string, attributes: Record<string, string> = {}) {
  const { QueueUrl } = (await sqs('CreateQueue', { QueueName: name, Attributes: attributes })) as { QueueUrl: string };
  const { Attributes } = (await sqs('GetQueueAttributes', { QueueUrl, AttributeNames: ['QueueArn'] })) as {
    Attributes: { QueueArn: string };
  };
  return { url: QueueUrl, arn: Attributes.QueueArn };
}

/** Every message a queue holds now (received, not deleted). */
export async function drain(
  url: string,
): Promise<Array<{ Body: string; MessageAttributes?: Record<string, unknown> }>> {
  const all: Array<{ Body: string; MessageAttributes?: Record<string, unknown> }> = [];
  for (;;) {
    const { Messages } = (await sqs('ReceiveMessage', {
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      MessageAttributeNames: ['All'],
      VisibilityTimeout: 30,
    })) as { Messages?: Array<{ Body: string; MessageAttributes?: Record<string, unknown> }> };
    if (!Messages || Messages.length === 0) return all;
    all.push(...Messages);
  }
}

/** A table shaped like the deployed DedupeTable (infra/tables.yml). */
export async function createDedupeTable(client: DynamoDBClient, name = unique('dedupe')) {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return name;
}
