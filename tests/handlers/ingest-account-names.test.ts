import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAlarmHandler } from '../../src/handlers/alarm';
import { fixture } from '../helpers/fixtures';

const sns = mockClient(SNSClient);
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

/** The Lambda context of a function in account 123456789012 (its ARN is where the handler learns its account). */
const context = {
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-alarm',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

describe('handlers: account names in what is published', () => {
  it('asks for the accounts of the notifications, saying which is its own, and shows the name in every rendering', async () => {
    const asked: unknown[] = [];
    const handler = createAlarmHandler({
      env: { NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:notifications' },
      accountNames: async (ids, own) => {
        asked.push([ids, own]);
        return new Map([['123456789012', 'acme-prod']]);
      },
    });
    await handler(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'), context);
    expect(asked).toEqual([[['123456789012'], '123456789012']]);
    const message = JSON.parse(String(sns.commandCalls(PublishCommand)[0]?.args[0].input.Message)) as {
      email: string;
      lambda: string;
    };
    expect(message.email).toContain('123456789012 (acme-prod)');
    expect(JSON.parse(message.lambda)).toMatchObject({ account: '123456789012', accountName: 'acme-prod' });
  });

  it('publishes with the bare id when no name is known', async () => {
    const handler = createAlarmHandler({
      env: { NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:notifications' },
      accountNames: async () => new Map(),
    });
    await handler(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'), context);
    const message = JSON.parse(String(sns.commandCalls(PublishCommand)[0]?.args[0].input.Message)) as {
      lambda: string;
    };
    expect(JSON.parse(message.lambda).accountName).toBeUndefined();
  });
});
