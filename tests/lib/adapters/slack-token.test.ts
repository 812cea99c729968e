import { clearCaches } from '@aws-lambda-powertools/parameters';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { resolveSlackToken } from '../../../src/lib/adapters/slack-token';
import { ConfigError } from '../../../src/lib/core/errors';

const ssm = mockClient(SSMClient);
beforeEach(() => {
  ssm.reset();
  clearCaches();
});

const parameter = '/notifier/slack-bot-token';
const fakeToken = 'xoxb-0000000000-1111111111-notasecretatall';
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('should have failed'),
    (e: unknown) => e as Error,
  );

describe('adapters: slack bot token', () => {
  it('reads the SSM SecureString parameter decrypted, once per container', async () => {
    ssm
      .on(GetParameterCommand)
      .resolves({ Parameter: { Name: parameter, Type: 'SecureString', Value: ` ${fakeToken}\n` } });
    expect(await resolveSlackToken(parameter)).toBe(fakeToken);
    expect(await resolveSlackToken(parameter)).toBe(fakeToken);
    expect(ssm).toHaveReceivedCommandWith(GetParameterCommand, { Name: parameter, WithDecryption: true });
    expect(ssm).toHaveReceivedCommandTimes(GetParameterCommand, 1);
  });

  it('refuses a value that is not a bot token without repeating it', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: parameter, Value: 'xoxp-user-token-not-a-bot' } });
    const error = await rejection(resolveSlackToken(parameter));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      `SSM parameter "${parameter}" (Slack bot token) does not hold an xoxb- bot token (value not shown)`,
    );
  });

  it('says a missing parameter is a configuration error, and throttling a retryable one', async () => {
    ssm.on(GetParameterCommand).rejects(new ParameterNotFound({ message: 'not found', $metadata: {} }));
    expect(await rejection(resolveSlackToken(parameter))).toBeInstanceOf(ConfigError);
    clearCaches();
    ssm.reset();
    ssm.on(GetParameterCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const error = await rejection(resolveSlackToken(parameter));
    expect([error instanceof DeliveryError, (error as DeliveryError).retryable]).toEqual([true, true]);
  });
});
