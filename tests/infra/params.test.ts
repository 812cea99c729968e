import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** infra/*.cjs are CommonJS for osls' `${file()}` resolver; these are the parts under test. */
interface ParamsModule {
  deriveParams(raw: Record<string, string>, ownAlarmPrefix: string): Record<string, unknown>;
}
interface SubscriptionsModule {
  emailSubscriptions(emails: string[], filterPolicy: object): { Resources: Record<string, { Properties: object }> };
}

const require = createRequire(import.meta.url);
const { deriveParams } = require('../../infra/params.cjs') as ParamsModule;
const { emailSubscriptions } = require('../../infra/email-subscriptions.cjs') as SubscriptionsModule;

/** serverless.yml's `params.default`. */
const DEFAULTS = {
  alertEmail: '',
  slackWebhookParameter: '/notifier/slack-webhook-url',
  locale: 'en',
  timeZone: 'UTC',
  alarmNamePrefixes: '',
  emailSeverities: 'critical,warning,ok',
  slackSeverities: 'critical,warning,info,ok',
  targetHealthTimeoutMs: '2000',
  logLevel: 'INFO',
};
const derive = (overrides: Partial<typeof DEFAULTS>) => deriveParams({ ...DEFAULTS, ...overrides }, 'notifier-dev-');

describe('infra: params', () => {
  it('accepts the defaults: no email, every alarm, every severity to Slack', () => {
    expect(derive({})).toMatchObject({
      alertEmails: [],
      alarmNamePrefixes: '',
      alarmEventPattern: { source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'] },
      slackFilterPolicy: { severity: ['critical', 'warning', 'info', 'ok'] },
      emailFilterPolicy: { severity: ['critical', 'warning', 'ok'] },
      targetHealthTimeoutMs: '2000',
    });
  });

  it('trims and de-duplicates email addresses, keeping the first spelling', () => {
    expect(derive({ alertEmail: ' ops@example.com, OPS@example.com ,,oncall@example.org' }).alertEmails).toEqual([
      'ops@example.com',
      'oncall@example.org',
    ]);
  });

  it('builds the SSM parameter ARN for hierarchical and flat names', () => {
    const suffix = (name: string) => JSON.stringify(derive({ slackWebhookParameter: name }).slackWebhookParameterArn);
    expect(suffix('/notifier/slack-webhook-url')).toContain('":parameter/notifier/slack-webhook-url"');
    expect(suffix('slack-webhook-url')).toContain('":parameter/slack-webhook-url"');
  });

  it.each([
    ['alertEmail', { alertEmail: 'ops@example.com,not-an-address' }, /alertEmail.*not-an-address/],
    ['emailSeverities', { emailSeverities: 'critical,urgent' }, /emailSeverities.*urgent/],
    ['slackSeverities', { slackSeverities: ' , ' }, /slackSeverities.*empty/],
    ['locale', { locale: 'fr' }, /locale.*"fr"/],
    ['timeZone', { timeZone: 'Mars/Olympus' }, /timeZone.*Mars\/Olympus/],
    ['targetHealthTimeoutMs', { targetHealthTimeoutMs: '2.5' }, /targetHealthTimeoutMs/],
    ['targetHealthTimeoutMs', { targetHealthTimeoutMs: '60000' }, /targetHealthTimeoutMs/],
    ['slackWebhookParameter', { slackWebhookParameter: 'has space' }, /slackWebhookParameter/],
    ['logLevel', { logLevel: 'LOUD' }, /logLevel/],
  ])('rejects a bad %s with a message naming it and an example', (_name, overrides, message) => {
    expect(() => derive(overrides)).toThrow(message);
    expect(() => derive(overrides)).toThrow(/Example: --param="/);
  });
});

describe('infra: email subscriptions', () => {
  const policy = { severity: ['critical'] };

  it('creates none for no address', () => {
    expect(emailSubscriptions([], policy)).toEqual({ Resources: {} });
  });

  it('keys each subscription by its address, so reordering the list replaces nothing', () => {
    const ids = (emails: string[]) => Object.keys(emailSubscriptions(emails, policy).Resources).sort();
    expect(ids(['a@example.com', 'b@example.com'])).toEqual(ids(['b@example.com', 'a@example.com']));
    expect(ids(['a@example.com'])).not.toEqual(ids(['b@example.com']));
    expect(ids(['a@example.com'])[0]).toMatch(/^EmailSubscription[0-9a-f]{12}$/);
  });
});
