import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/lib/core/errors';
import { loadCostDigestConfig } from '../../src/lib/cost-config';

const NOTIFICATIONS_TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:notifications';

describe('config: cost digest', () => {
  it('has defaults: daily, top 5, UnblendedCost, credits and refunds excluded, account from the context', () => {
    expect(loadCostDigestConfig({ NOTIFICATIONS_TOPIC_ARN })).toMatchObject({
      period: 'daily',
      topN: 5,
      metric: 'UnblendedCost',
      includeCreditsAndRefunds: false,
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(loadCostDigestConfig({ NOTIFICATIONS_TOPIC_ARN }).accountId).toBeUndefined();
  });

  it('treats a blank DIGEST_PERIOD as unset', () => {
    expect(loadCostDigestConfig({ NOTIFICATIONS_TOPIC_ARN, DIGEST_PERIOD: ' ' }).period).toBe('daily');
  });

  it('reads every setting, treating blank values as unset', () => {
    expect(
      loadCostDigestConfig({
        NOTIFICATIONS_TOPIC_ARN,
        DIGEST_PERIOD: 'weekly',
        DIGEST_TOP_N: '8',
        COST_METRIC: 'AmortizedCost',
        COST_INCLUDE_CREDITS_AND_REFUNDS: 'true',
        AWS_ACCOUNT_ID: '123456789012',
        NOTIFIER_LOCALE: '',
      }),
    ).toMatchObject({
      period: 'weekly',
      topN: 8,
      metric: 'AmortizedCost',
      includeCreditsAndRefunds: true,
      accountId: '123456789012',
      locale: 'en',
    });
  });

  it.each([
    [{ DIGEST_PERIOD: 'Weekly' }, 'DIGEST_PERIOD: "Weekly" is not one of daily, weekly, monthly'],
    [{ DIGEST_TOP_N: '21' }, 'DIGEST_TOP_N: must be at most 20'],
    [{ DIGEST_TOP_N: 'five' }, 'DIGEST_TOP_N: "five" is not a whole number'],
    [{ COST_INCLUDE_CREDITS_AND_REFUNDS: 'yes' }, 'COST_INCLUDE_CREDITS_AND_REFUNDS: "yes" is not true or false'],
    [{ AWS_ACCOUNT_ID: '1234' }, 'AWS_ACCOUNT_ID: "1234" is not a 12-digit account id'],
    [{ NOTIFICATIONS_TOPIC_ARN: '' }, /^NOTIFICATIONS_TOPIC_ARN: is required/],
  ])('names the variable in the error: %j', (env, message) => {
    expect(() => loadCostDigestConfig({ NOTIFICATIONS_TOPIC_ARN, ...env })).toThrow(ConfigError);
    expect(() => loadCostDigestConfig({ NOTIFICATIONS_TOPIC_ARN, ...env })).toThrow(message);
  });
});
