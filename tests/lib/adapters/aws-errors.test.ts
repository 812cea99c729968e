import { describe, expect, it } from 'vitest';
import { describeAwsError, isRetryableAwsError } from '../../../src/lib/adapters/aws-errors';

const awsError = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status } } : {}),
    ...extra,
  });

describe('adapters: aws errors', () => {
  it.each([
    ['ThrottlingException (400)', awsError('ThrottlingException', 400, { $fault: 'client' }), true],
    ['SDK-marked retryable', awsError('Whatever', 400, { $fault: 'client', $retryable: { throttling: true } }), true],
    ['server fault', awsError('InternalError', 500, { $fault: 'server' }), true],
    ['503 without fault', awsError('ServiceUnavailable', 503), true],
    ['429', awsError('TooMany', 429), true],
    ['network error (no status)', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['AccessDenied (403)', awsError('AccessDenied', 403, { $fault: 'client' }), false],
    ['ValidationError (400)', awsError('ValidationError', 400, { $fault: 'client' }), false],
  ])('%s retryable: %s', (_, error, retryable) => {
    expect(isRetryableAwsError(error)).toBe(retryable);
  });

  it.each([
    [awsError('AccessDenied', 403), 'AccessDenied: AccessDenied happened'],
    [Object.assign(new Error('ParameterNotFound'), { name: 'ParameterNotFound' }), 'ParameterNotFound'],
    [new Error('two\n  lines'), 'Error: two lines'],
    ['text', 'Error: text'],
    [undefined, 'Error: undefined'],
  ])('describes %o in one line', (error, line) => {
    expect(describeAwsError(error)).toBe(line);
  });
});
