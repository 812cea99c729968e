import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/lib/core/errors';
import { loadDeadLetterConfig } from '../../src/lib/dead-letter-config';

const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/notifier-dev-alarm-dlq';

describe('config: dead-letter queue', () => {
  it('is absent when DEAD_LETTER_QUEUE_URL is not set or blank', () => {
    expect(loadDeadLetterConfig({})).toBeUndefined();
    expect(loadDeadLetterConfig({ DEAD_LETTER_QUEUE_URL: ' ' })).toBeUndefined();
  });

  it('takes the region the queue URL names', () => {
    expect(loadDeadLetterConfig({ DEAD_LETTER_QUEUE_URL: queueUrl, AWS_REGION: 'us-east-1' })).toEqual({
      queueUrl,
      region: 'eu-west-1',
    });
  });

  it('else the function’s region (a local endpoint)', () => {
    const local = 'http://127.0.0.1:5000/123456789012/dlq';
    expect(loadDeadLetterConfig({ DEAD_LETTER_QUEUE_URL: local, AWS_REGION: 'ap-northeast-1' })).toEqual({
      queueUrl: local,
      region: 'ap-northeast-1',
    });
  });

  it.each([
    [{ DEAD_LETTER_QUEUE_URL: 'not a url' }, 'DEAD_LETTER_QUEUE_URL: "not a url" is not an SQS queue URL'],
    [{ DEAD_LETTER_QUEUE_URL: 'http://127.0.0.1:5000/q' }, 'AWS_REGION: is required to reach the dead-letter queue'],
  ])('names the variable that is wrong', (env, message) => {
    expect(() => loadDeadLetterConfig(env)).toThrow(new ConfigError(message));
  });
});
