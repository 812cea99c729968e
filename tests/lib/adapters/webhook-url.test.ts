import { clearCaches } from '@aws-lambda-powertools/parameters';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { resolveWebhookUrl } from '../../../src/lib/adapters/webhook-url';
import { ConfigError } from '../../../src/lib/core/errors';

const ssm = mockClient(SSMClient);
beforeEach(() => {
  ssm.reset();
  clearCaches();
});

const parameter = '/notifier/slack-webhook-url';
const fakeUrl = 'https://example.invalid/services/TEST/TEST/not-a-secret';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('should have failed'),
    (e: unknown) => e as Error,
  );

describe('adapters: webhook url', () => {
  it('reads the SSM SecureString parameter decrypted', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: parameter, Type: 'SecureString', Value: fakeUrl } });
    expect(await resolveWebhookUrl({ parameter })).toBe(fakeUrl);
    expect(ssm).toHaveReceivedCommandWith(GetParameterCommand, { Name: parameter, WithDecryption: true });
  });

  it('reads the parameter once per container, then answers from the cache', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: parameter, Value: fakeUrl } });
    await resolveWebhookUrl({ parameter });
    await resolveWebhookUrl({ parameter });
    expect(ssm).toHaveReceivedCommandTimes(GetParameterCommand, 1);
  });

  it('takes the URL from the environment when no parameter is configured', async () => {
    expect(await resolveWebhookUrl({ url: ` ${fakeUrl} ` })).toBe(fakeUrl);
    expect(ssm).not.toHaveReceivedAnyCommand();
  });

  it.each(['http://127.0.0.1:8080/services/TEST/TEST/not-a-secret', 'http://localhost:9/x'])(
    'allows plain http for a local receiver: %s',
    async (url) => {
      expect(await resolveWebhookUrl({ url })).toBe(url);
    },
  );

  it.each([
    ['plain http to a remote host', 'http://example.invalid/services/TEST/TEST/not-a-secret-1'],
    ['not a URL', 'services/TEST/TEST/not-a-secret-2'],
    ['another scheme', 'ftp://example.invalid/not-a-secret-3'],
  ])('rejects %s without repeating the value', async (_, url) => {
    const error = await rejection(resolveWebhookUrl({ url }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('SLACK_WEBHOOK_URL does not hold an https URL (value not shown: it is a secret)');
  });

  it('rejects a parameter that does not hold an https URL, naming the parameter but not the value', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: parameter, Value: 'not-a-secret-4' } });
    const error = await rejection(resolveWebhookUrl({ parameter }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(parameter);
    expect(error.message).not.toContain('not-a-secret-4');
  });

  it('reports a missing parameter as a ConfigError', async () => {
    ssm.on(GetParameterCommand).rejects(new ParameterNotFound({ message: '', $metadata: { httpStatusCode: 400 } }));
    const error = await rejection(resolveWebhookUrl({ parameter }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      `SLACK_WEBHOOK_PARAMETER: SSM parameter "${parameter}" could not be read: ParameterNotFound`,
    );
  });

  it('reports SSM throttling as a retryable DeliveryError', async () => {
    ssm
      .on(GetParameterCommand)
      .rejects(
        Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }),
      );
    const error = await rejection(resolveWebhookUrl({ parameter }));
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).retryable).toBe(true);
  });

  it('reports SSM giving no answer in time as a retryable DeliveryError, not a function timeout', async () => {
    const error = await rejection(resolveWebhookUrl({ parameter }, () => new Promise(() => {}), 1_500));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: true, message: expect.stringContaining('no answer within 1500 ms') });
  });

  it('accepts a custom parameter reader (the CLI, tests)', async () => {
    expect(await resolveWebhookUrl({ parameter }, async (name) => (name === parameter ? fakeUrl : undefined))).toBe(
      fakeUrl,
    );
  });
});
