import { describe, expect, it } from 'vitest';
import { MIN_SECRET_CHARS, REDACTED, redact, redactError, webhookSecrets } from '../../../src/lib/adapters/redact';

const url = 'https://hooks.slack.com/services/T0123ABCD/B0456EFGH/not-a-secret-token';

describe('adapters: redact', () => {
  it('counts the URL, its path and each long path segment as secrets', () => {
    expect(webhookSecrets(url)).toEqual(
      expect.arrayContaining([url, '/services/T0123ABCD/B0456EFGH/not-a-secret-token', 'T0123ABCD', 'B0456EFGH']),
    );
    expect(webhookSecrets(url)).toContain('not-a-secret-token');
  });

  it(`leaves segments shorter than ${MIN_SECRET_CHARS} characters alone (v1, api)`, () => {
    expect(webhookSecrets('https://example.invalid/api/v1/abcdef123')).not.toContain('api');
  });

  it('counts query values, a password and bearer tokens as secrets, raw and decoded', () => {
    const secrets = webhookSecrets('https://user:p%40ssword@example.invalid/hook?sig=abc123xyz&x=1', {
      authorization: 'Bearer tok3n-value',
    });
    expect(secrets).toEqual(expect.arrayContaining(['abc123xyz', 'p@ssword', 'p%40ssword', 'Bearer tok3n-value']));
    expect(secrets).toContain('tok3n-value');
  });

  it('replaces the longest secret first, so a whole URL becomes one marker', () => {
    expect(redact(`POST ${url} failed`, webhookSecrets(url))).toBe(`POST ${REDACTED} failed`);
    expect(redact('no route for /services/T0123ABCD/B0456EFGH/not-a-secret-token', webhookSecrets(url))).toBe(
      `no route for ${REDACTED}`,
    );
    expect(redact('token not-a-secret-token is revoked', webhookSecrets(url))).toBe(`token ${REDACTED} is revoked`);
  });

  it('redacts a segment percent-encoded differently from the URL', () => {
    const encoded = 'https://example.invalid/hook/%E3%83%88%E3%83%BC%E3%82%AF%E3%83%B3abc';
    expect(redact('no hook トークンabc', webhookSecrets(encoded))).toBe(`no hook ${REDACTED}`);
  });

  it('copies an error with message, code, cause chain and AggregateError members redacted, names kept', () => {
    const original = new TypeError(`request to ${url} failed`, {
      cause: new AggregateError([Object.assign(new Error('at T0123ABCD'), { code: 'E_not-a-secret-token' })], 'many'),
    });
    const copy = redactError(original, webhookSecrets(url));
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe(`request to ${REDACTED} failed`);
    const aggregate = copy.cause as AggregateError;
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect(aggregate.errors[0]).toMatchObject({ message: `at ${REDACTED}`, code: `E_${REDACTED}` });
    expect(JSON.stringify([copy.stack, aggregate.stack, aggregate.errors[0].stack])).not.toMatch(/T0123|secret/);
  });
});
