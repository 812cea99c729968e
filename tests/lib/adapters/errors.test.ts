import { describe, expect, it } from 'vitest';
import { DeliveryError, redactUrl, scrubError } from '../../../src/lib/adapters/errors';

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

  it('scrubs the secret from a whole cause chain, keeping names', () => {
    const original = new TypeError(`request to ${url} failed`, { cause: new Error(`at ${url}`) });
    const copy = scrubError(original, url);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('request to [redacted example.invalid] failed');
    expect((copy.cause as Error).message).toBe('at [redacted example.invalid]');
    expect(`${copy.stack}${(copy.cause as Error).stack}`).not.toContain('not-a-secret');
  });
});
