import { describe, expect, it } from 'vitest';
import { DeliveryError, redactUrl } from '../../../src/lib/adapters/errors';

const url = 'https://example.invalid/services/TEST/TEST/not-a-secret';

describe('adapters: errors', () => {
  it('DeliveryError carries retryable and cause', () => {
    const cause = new Error('root');
    const error = new DeliveryError('failed', { retryable: true, cause });
    expect(error).toMatchObject({ name: 'DeliveryError', message: 'failed', retryable: true, cause });
  });

  it.each([
    [url, 'example.invalid'],
    ['http://127.0.0.1:4567/services/x', '127.0.0.1:4567'],
    ['not a url', '(invalid URL)'],
  ])('redacts %s to %s', (input, shown) => {
    expect(redactUrl(input)).toBe(shown);
  });
});
