import { describe, expect, it } from 'vitest';
import { loadConfig, loadPublishConfig, loadSlackConfig } from '../../src/lib/config';
import { ConfigError } from '../../src/lib/core/errors';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:notifications';

function configError(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  return expect.unreachable('should have thrown a ConfigError');
}

describe('config', () => {
  it('has defaults for everything optional', () => {
    expect(loadConfig({})).toEqual({
      locale: 'en',
      timeZone: 'UTC',
      alarmNamePrefixes: [],
      targetHealthTimeoutMs: 2000,
      findingsMinSeverity: 'warning',
      accessDeniedBurst: { threshold: 5, windowMinutes: 10 },
      accountNames: { configured: new Map(), lookUp: false },
      quietAlarms: {
        reportInsufficientDataToOk: false,
        reportActionsDisabled: false,
        excludedAlarmNamePrefixes: ['TargetTracking-'],
      },
      flapping: { threshold: 4, windowMs: 600_000 },
    });
  });

  it('reads every setting', () => {
    const env = {
      NOTIFIER_LOCALE: 'ja',
      NOTIFIER_TIME_ZONE: 'Asia/Tokyo',
      ALARM_NAME_PREFIXES: ' prod-, ,stg-',
      TARGET_HEALTH_TIMEOUT_MS: '500',
      FINDINGS_MIN_SEVERITY: 'critical',
      ACCESS_DENIED_BURST_THRESHOLD: '3',
      ACCESS_DENIED_BURST_WINDOW_MINUTES: '30',
      REPORT_INSUFFICIENT_DATA_TO_OK: 'true',
      REPORT_ALARMS_WITH_ACTIONS_DISABLED: 'true',
      EXCLUDED_ALARM_NAME_PREFIXES: 'TargetTracking-, ,scratch-',
      ACCOUNT_NAMES: '111122223333=prod',
      LOOK_UP_ACCOUNT_NAMES: 'true',
      FLAP_THRESHOLD: '0',
      FLAP_WINDOW_MINUTES: '30',
    };
    expect(loadConfig(env)).toEqual({
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      alarmNamePrefixes: ['prod-', 'stg-'],
      targetHealthTimeoutMs: 500,
      findingsMinSeverity: 'critical',
      accessDeniedBurst: { threshold: 3, windowMinutes: 30 },
      accountNames: { configured: new Map([['111122223333', 'prod']]), lookUp: true },
      quietAlarms: {
        reportInsufficientDataToOk: true,
        reportActionsDisabled: true,
        excludedAlarmNamePrefixes: ['TargetTracking-', 'scratch-'],
      },
      flapping: { threshold: 0, windowMs: 1_800_000 },
    });
  });

  it('treats empty values (an unset serverless.yml parameter) as unset', () => {
    expect(loadConfig({ NOTIFIER_LOCALE: '', NOTIFIER_TIME_ZONE: ' ', TARGET_HEALTH_TIMEOUT_MS: '' })).toEqual(
      loadConfig({}),
    );
  });

  it('is frozen, lists included', () => {
    const config = loadConfig({ ALARM_NAME_PREFIXES: 'prod-' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.alarmNamePrefixes)).toBe(true);
  });

  it.each([
    [{ NOTIFIER_TIME_ZONE: 'Asia/Tokio' }, 'NOTIFIER_TIME_ZONE: "Asia/Tokio" is not an IANA time zone'],
    [{ NOTIFIER_LOCALE: 'fr' }, 'NOTIFIER_LOCALE: "fr" is not one of en, ja'],
    [{ TARGET_HEALTH_TIMEOUT_MS: 'soon' }, 'TARGET_HEALTH_TIMEOUT_MS: "soon" is not a whole number of milliseconds'],
    [{ TARGET_HEALTH_TIMEOUT_MS: '1.5' }, 'TARGET_HEALTH_TIMEOUT_MS: "1.5" is not a whole number of milliseconds'],
    [{ TARGET_HEALTH_TIMEOUT_MS: '0' }, 'TARGET_HEALTH_TIMEOUT_MS: must be at least 1'],
    [{ TARGET_HEALTH_TIMEOUT_MS: '60000' }, 'TARGET_HEALTH_TIMEOUT_MS: must be at most 10000'],
    [{ DEDUPE_TTL_SECONDS: '2d' }, 'DEDUPE_TTL_SECONDS: "2d" is not a whole number of seconds'],
    [{ DEDUPE_TTL_SECONDS: '0' }, 'DEDUPE_TTL_SECONDS: must be at least 1'],
    [
      { REPORT_INSUFFICIENT_DATA_TO_OK: 'yes' },
      'REPORT_INSUFFICIENT_DATA_TO_OK: "yes" is not true or false (report INSUFFICIENT_DATA → OK)',
    ],
    [
      { ACCOUNT_NAMES: 'prod=111122223333' },
      'ACCOUNT_NAMES: "prod=111122223333" is not ACCOUNT_ID=NAME (a 12-digit account id, then a name)',
    ],
    [{ ACCESS_DENIED_BURST_THRESHOLD: 'five' }, 'ACCESS_DENIED_BURST_THRESHOLD: "five" is not a whole number of calls'],
    [{ ACCESS_DENIED_BURST_THRESHOLD: '0' }, 'ACCESS_DENIED_BURST_THRESHOLD: must be at least 1'],
    [{ ACCESS_DENIED_BURST_THRESHOLD: '51' }, 'ACCESS_DENIED_BURST_THRESHOLD: must be at most 50'],
    [{ ACCESS_DENIED_BURST_WINDOW_MINUTES: '2000' }, 'ACCESS_DENIED_BURST_WINDOW_MINUTES: must be at most 1440'],
    [{ FLAP_THRESHOLD: 'four' }, 'FLAP_THRESHOLD: "four" is not a whole number of state changes'],
    [{ FLAP_THRESHOLD: '64' }, 'FLAP_THRESHOLD: must be at most 63'],
    [{ FLAP_WINDOW_MINUTES: '0' }, 'FLAP_WINDOW_MINUTES: must be at least 1'],
    [{ FLAP_WINDOW_MINUTES: '1441' }, 'FLAP_WINDOW_MINUTES: must be at most 1440'],
  ])('names the bad variable in one line: %o', (env, message) => {
    expect(configError(() => loadConfig(env))).toBe(message);
  });

  it('excludes no alarm with EXCLUDED_ALARM_NAME_PREFIXES=none, and TargetTracking- when it is empty', () => {
    expect(loadConfig({ EXCLUDED_ALARM_NAME_PREFIXES: 'none' }).quietAlarms.excludedAlarmNamePrefixes).toEqual([]);
    expect(loadConfig({ EXCLUDED_ALARM_NAME_PREFIXES: '' }).quietAlarms.excludedAlarmNamePrefixes).toEqual([
      'TargetTracking-',
    ]);
  });

  describe('dedupe store', () => {
    it('is off without DEDUPE_TABLE (local runs), also when it is empty', () => {
      expect(loadConfig({}).dedupe).toBeUndefined();
      expect(loadConfig({ DEDUPE_TABLE: ' ', DEDUPE_TTL_SECONDS: '60' }).dedupe).toBeUndefined();
    });

    it('keeps keys 48 hours by default, past EventBridge and Lambda retry windows', () => {
      expect(loadConfig({ DEDUPE_TABLE: 'notifier-dev-dedupe' }).dedupe).toEqual({
        tableName: 'notifier-dev-dedupe',
        ttlSeconds: 48 * 60 * 60,
      });
    });

    it('reads DEDUPE_TTL_SECONDS, frozen', () => {
      const { dedupe } = loadSlackConfig({
        SLACK_WEBHOOK_URL: 'https://example.invalid/x',
        DEDUPE_TABLE: 't',
        DEDUPE_TTL_SECONDS: '600',
      });
      expect(dedupe).toEqual({ tableName: 't', ttlSeconds: 600 });
      expect(Object.isFrozen(dedupe)).toBe(true);
    });
  });

  describe('alarm handler', () => {
    it('requires the topic ARN', () => {
      expect(loadPublishConfig({ NOTIFICATIONS_TOPIC_ARN: topicArn }).topicArn).toBe(topicArn);
      expect(configError(() => loadPublishConfig({}))).toBe(
        'NOTIFICATIONS_TOPIC_ARN: is required (the SNS topic notifications are published to)',
      );
      expect(configError(() => loadPublishConfig({ NOTIFICATIONS_TOPIC_ARN: 'notifications' }))).toBe(
        'NOTIFICATIONS_TOPIC_ARN: "notifications" is not an SNS topic ARN',
      );
    });

    it('checks the common settings too', () => {
      expect(
        configError(() => loadPublishConfig({ NOTIFICATIONS_TOPIC_ARN: topicArn, NOTIFIER_LOCALE: 'de' })),
      ).toMatch(/^NOTIFIER_LOCALE:/);
    });
  });

  describe('slack handler', () => {
    it('prefers the SSM parameter over the URL', () => {
      const env = { SLACK_WEBHOOK_PARAMETER: '/notifier/slack', SLACK_WEBHOOK_URL: 'https://example.invalid/x' };
      expect(loadSlackConfig(env).webhook).toEqual({ parameter: '/notifier/slack' });
    });

    it('falls back to the URL when the parameter is empty', () => {
      const env = { SLACK_WEBHOOK_PARAMETER: '', SLACK_WEBHOOK_URL: 'https://example.invalid/x' };
      expect(loadSlackConfig(env).webhook).toEqual({ url: 'https://example.invalid/x' });
    });

    it('requires one of them', () => {
      expect(configError(() => loadSlackConfig({}))).toBe(
        'SLACK_WEBHOOK_PARAMETER: is required (or SLACK_WEBHOOK_URL): where the Slack webhook URL is',
      );
    });
  });
});
