import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import {
  SDK_CONNECTION_TIMEOUT_MS,
  SDK_MAX_ATTEMPTS,
  SDK_REQUEST_TIMEOUT_MS,
  sdkClientConfig,
} from '../../../src/lib/adapters/sdk-client';

/** What the SDK's Node HTTP handler resolved its options to. */
const handlerConfig = (client: SNSClient | DynamoDBClient) =>
  (client.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> }).configProvider;

describe('adapters: sdk client config', () => {
  it.each([
    ['SNS', () => new SNSClient(sdkClientConfig())],
    ['DynamoDB', () => new DynamoDBClient(sdkClientConfig({ region: 'eu-west-1' }))],
  ])('gives an %s client connection and request timeouts that throw', async (_, make) => {
    const client = make();
    expect(await handlerConfig(client)).toMatchObject({
      connectionTimeout: SDK_CONNECTION_TIMEOUT_MS,
      requestTimeout: SDK_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    });
    expect(await client.config.maxAttempts()).toBe(SDK_MAX_ATTEMPTS);
  });

  it('keeps the region it is given', async () => {
    expect(await new SNSClient(sdkClientConfig({ region: 'ap-northeast-1' })).config.region()).toBe('ap-northeast-1');
  });
});
