import { describe, expect, it } from 'vitest';
import { healthSeverity } from '../../../../../src/lib/core/sources/health/interpret';
import { fieldOf, notificationOf } from '../../../../helpers/render-fixture';

const h = (name: string) => `health/${name}.json`;

describe('source: health', () => {
  it.each([
    ['AWS Health Event', 'issue', 'open', 'EC2', 'warning'],
    ['AWS Health Event', 'issue', 'upcoming', 'EC2', 'warning'],
    ['AWS Health Event', 'issue', 'closed', 'EC2', 'ok'],
    ['AWS Health Event', 'scheduledChange', 'upcoming', 'EC2', 'warning'],
    ['AWS Health Event', 'scheduledChange', 'closed', 'EC2', 'ok'],
    ['AWS Health Event', 'accountNotification', 'open', 'EC2', 'info'],
    ['AWS Health Event', 'accountNotification', 'closed', 'EC2', 'ok'],
    ['AWS Health Event', 'issue', undefined, 'RISK', 'critical'],
    ['AWS Health Abuse Event', 'issue', 'open', 'ABUSE', 'critical'],
    ['AWS Health Abuse Event', 'issue', 'closed', 'ABUSE', 'ok'],
    ['AWS Health Event', 'somethingNew', 'open', 'EC2', 'info'],
  ])(
    'severity table: %s, %s, status %s, service %s is %s',
    (detailType, eventTypeCategory, statusCode, service, severity) => {
      expect(
        healthSeverity(detailType, {
          eventArn: 'a',
          eventTypeCategory,
          service,
          ...(statusCode ? { statusCode } : {}),
        }),
      ).toBe(severity);
    },
  );

  describe.each([
    [
      h('eventbridge-health-abuse-AWS_ABUSE_DOS_REPORT-docs-sample'),
      'critical',
      'AWS Health abuse report: AWS_ABUSE_DOS_REPORT',
      '123456789012',
      'us-west-2',
    ],
    [
      h('eventbridge-health-abuse-AWS_ABUSE_COPYRIGHT_DMCA_REPORT-docs-sample'),
      'critical',
      'AWS Health abuse report: AWS_ABUSE_COPYRIGHT_DMCA_REPORT',
      '123456789012',
      'us-west-2',
    ],
    [
      h('eventbridge-health-AWS_RISK_CREDENTIALS_EXPOSED-organization-view-hmrc'),
      'critical',
      'AWS Health: AWS_RISK_CREDENTIALS_EXPOSED (RISK)',
      '123456789012',
      'us-east-1',
    ],
    [
      h('eventbridge-health-ec2-instance-store-degraded-affected-entities-docs-sample'),
      'warning',
      'AWS Health: AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED (EC2)',
      '123456789012',
      'us-west-2',
    ],
    [
      h('eventbridge-health-ec2-operational-issue-PUBLIC-docs'),
      'warning',
      'AWS Health: AWS_EC2_OPERATIONAL_ISSUE (EC2)',
      '123456789012',
      'us-east-1',
    ],
    [h('eventbridge-health-ec2-instance-retirement-scheduledChange-c7n'), 'warning', undefined, undefined, undefined],
  ])('%s', (file, severity, title, account, region) => {
    it.each(['en', 'ja'] as const)('is a %s Health event with its link (%s)', async (locale) => {
      const n = await notificationOf(file, locale);
      expect(n).toMatchObject({ category: 'event', severity });
      if (title && locale === 'en') expect(n).toMatchObject({ title, account, region });
      expect(n.links[0]?.url).toMatch(
        /^https:\/\/[a-z0-9-]+\.console\.aws\.amazon\.com\/health\/home\?region=[a-z0-9-]+#\/account\/event-log\?eventID=arn%3Aaws%3Ahealth/,
      );
    });
  });

  it('in organization view, names the affected account and the account that received the event', async () => {
    const n = await notificationOf(h('eventbridge-health-AWS_RISK_CREDENTIALS_EXPOSED-organization-view-hmrc'));
    expect(n.account).toBe('123456789012');
    expect(fieldOf(n, 'Received in')).toBe('987654321098');
  });

  it('lists the affected resources with their status, in AWS’s terms in English and in words in Japanese', async () => {
    const file = h('eventbridge-health-abuse-AWS_ABUSE_DOS_REPORT-docs-sample');
    expect(fieldOf(await notificationOf(file, 'en'), 'Affected resources')).toBe(
      'arn:ec2-1-101002929 (IMPAIRED)\narn:ec2-1-101002930 (UNKNOWN)\narn:ec2-1-101002931 (UNIMPAIRED)\narn:ec2-1-101002932 (RESOLVED)',
    );
    expect(fieldOf(await notificationOf(file, 'ja'), '影響を受けるリソース')).toBe(
      'arn:ec2-1-101002929 (影響あり)\narn:ec2-1-101002930 (不明)\narn:ec2-1-101002931 (影響なし)\narn:ec2-1-101002932 (解決済み)',
    );
  });

  it.each([
    ['eventbridge-health-ec2-operational-issue-PUBLIC-docs', ['問題', '継続中', '公開（全体）']],
    ['eventbridge-health-ec2-instance-retirement-scheduledChange-c7n', ['予定されている変更', undefined, undefined]],
    [
      'eventbridge-health-ec2-instance-store-degraded-affected-entities-docs-sample',
      ['問題', '継続中', 'アカウント固有'],
    ],
  ])('says category, status and scope in Japanese words (%s)', async (name, expected) => {
    const n = await notificationOf(h(name), 'ja');
    expect(['カテゴリ', '状態', '範囲'].map((label) => fieldOf(n, label))).toEqual(expected);
    expect(n.title).toMatch(/^AWS Health: [A-Z0-9_]+ \(EC2\)$/);
  });
});
