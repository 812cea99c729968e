import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { costMetrics } from '../../src/lib/cost-config';
import { deployDefaults } from '../helpers/deploy-params';

/** infra/*.cjs are CommonJS for osls' `${file()}` resolver; these are the parts under test. */
interface ParamsModule {
  deriveParams(raw: Record<string, string>, ownAlarmPrefix: string): Record<string, unknown>;
}
interface DigestParamsModule {
  COST_METRICS: string[];
}
interface SubscriptionsModule {
  emailSubscriptions(emails: string[], filterPolicy: object): { Resources: Record<string, { Properties: object }> };
}

const require = createRequire(import.meta.url);
const { deriveParams } = require('../../infra/params.cjs') as ParamsModule;
const { emailSubscriptions } = require('../../infra/email-subscriptions.cjs') as SubscriptionsModule;
const { COST_METRICS } = require('../../infra/digest-params.cjs') as DigestParamsModule;

/** serverless.yml's `params.default`, with the digest schedule as the parameters derive it. */
const DEFAULTS = { ...deployDefaults(), digestSchedule: 'cron(0 9 * * ? *)' };
const derive = (overrides: Partial<Record<string, string>>) =>
  deriveParams({ ...DEFAULTS, ...overrides }, 'notifier-dev-');

describe('infra: params', () => {
  it('accepts the defaults: no email, every alarm, every severity to Slack', () => {
    expect(derive({})).toMatchObject({
      alertEmails: [],
      alarmNamePrefixes: '',
      slackFilterPolicy: { severity: ['critical', 'warning', 'info', 'ok'] },
      emailFilterPolicy: {
        $or: [
          { category: ['api-call'], severity: ['critical'] },
          { category: ['finding'], severity: ['critical'] },
          { category: [{ 'anything-but': ['api-call', 'finding'] }], severity: ['critical', 'warning', 'ok'] },
        ],
      },
      targetHealthTimeoutMs: '2000',
      flapThreshold: '4',
      flapWindowMinutes: '10',
      findingsMinSeverity: 'warning',
      accessDeniedBurstThreshold: '5',
      accessDeniedBurstWindowMinutes: '10',
      excludedAlarmNamePrefixes: 'TargetTracking-',
      reportInsufficientDataToOk: 'false',
      reportAlarmsWithActionsDisabled: 'false',
      rulesFile: '',
      routesFile: '',
      digestState: 'ENABLED',
      digestSchedule: 'cron(0 9 * * ? *)',
      digestTimeZone: 'UTC',
      digestTopN: '5',
      costMetric: 'UnblendedCost',
      includeCreditsAndRefunds: 'false',
    });
  });

  it('runs the digest in the time zone of the notifications unless digestTimeZone says otherwise', () => {
    expect(derive({ timeZone: 'Europe/Berlin' }).digestTimeZone).toBe('Europe/Berlin');
    expect(derive({ timeZone: 'Europe/Berlin', digestTimeZone: 'Asia/Tokyo' }).digestTimeZone).toBe('Asia/Tokyo');
  });

  it.each([
    ['cron(30 8 ? * MON-FRI *)', 'ENABLED'],
    ['rate(1 day)', 'ENABLED'],
  ])('accepts the schedule %s', (digestSchedule) => {
    expect(derive({ digestSchedule }).digestSchedule).toBe(digestSchedule);
  });

  it('turns the digest schedule off with digestEnabled=false', () => {
    expect(derive({ digestEnabled: 'FALSE' }).digestState).toBe('DISABLED');
  });

  it('knows the same cost metrics as the digest function', () => {
    expect(COST_METRICS).toEqual([...costMetrics]);
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
    ['emailApiCallSeverities', { emailApiCallSeverities: '' }, /emailApiCallSeverities.*empty/],
    ['emailFindingSeverities', { emailFindingSeverities: 'urgent' }, /emailFindingSeverities.*unknown severity urgent/],
    [
      'findingsMinSeverity',
      { findingsMinSeverity: 'ok' },
      /findingsMinSeverity.*"ok" is not one of critical, warning, info/,
    ],
    ['slackSeverities', { slackSeverities: ' , ' }, /slackSeverities.*empty/],
    ['accountNames', { accountNames: '111122223333=prod,prod=444455556666' }, /accountNames.*"prod=444455556666"/],
    ['lookUpAccountNames', { lookUpAccountNames: 'yes' }, /lookUpAccountNames/],
    ['excludedAlarmNamePrefixes', { excludedAlarmNamePrefixes: ' , ' }, /excludedAlarmNamePrefixes.*neither none/],
    ['reportInsufficientDataToOk', { reportInsufficientDataToOk: 'yes' }, /reportInsufficientDataToOk.*"yes"/],
    ['reportAlarmsWithActionsDisabled', { reportAlarmsWithActionsDisabled: '' }, /reportAlarmsWithActionsDisabled/],
    ['accessDeniedBurstThreshold', { accessDeniedBurstThreshold: '0' }, /accessDeniedBurstThreshold.*from 1 to 50/],
    ['accessDeniedBurstThreshold', { accessDeniedBurstThreshold: '51' }, /accessDeniedBurstThreshold/],
    ['accessDeniedBurstWindowMinutes', { accessDeniedBurstWindowMinutes: '1.5' }, /accessDeniedBurstWindowMinutes/],
    ['accessDeniedBurstWindowMinutes', { accessDeniedBurstWindowMinutes: '1441' }, /from 1 to 1440/],
    ['locale', { locale: 'fr' }, /locale.*"fr"/],
    ['timeZone', { timeZone: 'Mars/Olympus' }, /timeZone.*Mars\/Olympus/],
    ['targetHealthTimeoutMs', { targetHealthTimeoutMs: '2.5' }, /targetHealthTimeoutMs/],
    ['targetHealthTimeoutMs', { targetHealthTimeoutMs: '60000' }, /targetHealthTimeoutMs/],
    ['flapThreshold', { flapThreshold: '-1' }, /flapThreshold.*from 0 to 63/],
    ['flapThreshold', { flapThreshold: '64' }, /flapThreshold.*from 0 to 63/],
    ['flapWindowMinutes', { flapWindowMinutes: '0' }, /flapWindowMinutes.*from 1 to 1440/],
    ['flapWindowMinutes', { flapWindowMinutes: '1.5' }, /flapWindowMinutes/],
    ['slackWebhookParameter', { slackWebhookParameter: 'has space' }, /slackWebhookParameter/],
    ['logLevel', { logLevel: 'LOUD' }, /logLevel/],
    ['digestSchedule', { digestSchedule: 'cron(0 9 * * *)' }, /digestSchedule.*5 cron fields, not 6/],
    ['digestSchedule', { digestSchedule: 'cron(0 9 * * MON *)' }, /digestSchedule.*"\?"/],
    ['digestSchedule', { digestSchedule: 'at(2026-01-01T09:00:00)' }, /digestSchedule.*not a cron\(\) or rate\(\)/],
    ['digestSchedule', { digestSchedule: 'rate(0 days)' }, /digestSchedule/],
    ['digestTimeZone', { digestTimeZone: 'Tokyo' }, /digestTimeZone.*"Tokyo"/],
    ['digestTopN', { digestTopN: '0' }, /digestTopN.*from 1 to 20/],
    ['digestTopN', { digestTopN: '21' }, /digestTopN/],
    ['costMetric', { costMetric: 'unblendedcost' }, /costMetric.*UnblendedCost, BlendedCost/],
    ['digestEnabled', { digestEnabled: 'yes' }, /digestEnabled.*"yes" is not true or false/],
    ['includeCreditsAndRefunds', { includeCreditsAndRefunds: '1' }, /includeCreditsAndRefunds/],
  ])('rejects a bad %s with a message naming it and an example', (_name, overrides, message) => {
    expect(() => derive(overrides)).toThrow(message);
    expect(() => derive(overrides)).toThrow(/Example: --param="/);
  });
});

describe('infra: params for security findings', () => {
  /** What osls prints for a failed resolver: the error's stack. */
  const failureOf = (overrides: Partial<Record<string, string>>): Error => {
    try {
      derive(overrides);
    } catch (error) {
      return error as Error;
    }
    throw new Error(`accepted ${JSON.stringify(overrides)}`);
  };

  it.each([
    ['findingsMinSeverity', { findingsMinSeverity: 'high' }, '"high" is not one of critical, warning, info'],
    ['findingsMinSeverity', { findingsMinSeverity: 'ok' }, '"ok" is not one of critical, warning, info'],
    ['findingsMinSeverity', { findingsMinSeverity: '' }, '"" is not one of critical, warning, info'],
    ['findingsMinSeverity', { findingsMinSeverity: 'critical,warning' }, '"critical,warning" is not one of'],
    ['emailFindingSeverities', { emailFindingSeverities: 'critical,high' }, 'unknown severity high'],
    ['emailFindingSeverities', { emailFindingSeverities: ' , ' }, 'empty (allowed: critical, warning, info, ok)'],
  ])('rejects a bad %s (%j) in one line that names it', (name, overrides, problem) => {
    const error = failureOf(overrides);
    expect(error.name).toBe('ParameterError');
    expect(error.stack).toBe(`ParameterError: ${error.message}`);
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(new RegExp(`^Invalid parameter "${name}": `));
    expect(error.message).toContain(problem);
    expect(error.message).toMatch(new RegExp(`Example: --param="${name}=[a-z,]+"$`));
  });

  it.each([
    ['CRITICAL', 'critical'],
    [' info ', 'info'],
    ['Warning', 'warning'],
  ])('reads findingsMinSeverity %j as %j, as the lists are read', (findingsMinSeverity, expected) => {
    expect(derive({ findingsMinSeverity }).findingsMinSeverity).toBe(expected);
  });

  it('emails findings at the severities emailFindingSeverities lists, and only those', () => {
    const policy = derive({ emailFindingSeverities: 'Critical, warning,critical' }).emailFilterPolicy as {
      $or: Array<{ category: unknown[]; severity: string[] }>;
    };
    expect(policy.$or.filter((branch) => branch.category.includes('finding'))).toEqual([
      { category: ['finding'], severity: ['critical', 'warning'] },
    ]);
    expect(policy.$or.at(-1)?.category).toEqual([{ 'anything-but': ['api-call', 'finding'] }]);
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
    expect(ids(['a@example.com'])).toEqual([
      'EmailQueueSubscription',
      expect.stringMatching(/^EmailSubscription[0-9a-f]{12}$/),
    ]);
  });
});
