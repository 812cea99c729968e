import { describe, expect, it } from 'vitest';
import { sources } from '../../../../../src/lib/core/sources';
import { guardDutyLevel, guardDutySeverityLevels } from '../../../../../src/lib/core/sources/guardduty/severity';
import { guardDutySource } from '../../../../../src/lib/core/sources/guardduty/source';
import { processEvent } from '../../../../../src/lib/pipeline';
import { fixture } from '../../../../helpers/fixtures';
import { contexts, fieldOf, notificationOf } from '../../../../helpers/render-fixture';

const EB = 'guardduty/eventbridge-guardduty-Policy-S3-BucketBlockPublicAccessDisabled-severity-2-hmrc.json';
const SNS = 'guardduty/sns-event-guardduty-Policy-S3-BucketBlockPublicAccessDisabled-severity-2-hmrc.json';

describe('source: guardduty', () => {
  describe('severity table (GuardDuty levels → ours)', () => {
    it.each([
      [10, 'Critical', 'critical'],
      [9, 'Critical', 'critical'],
      [8.9, 'High', 'critical'],
      [7, 'High', 'critical'],
      [6.9, 'Medium', 'warning'],
      [4, 'Medium', 'warning'],
      [3.9, 'Low', 'info'],
      [1, 'Low', 'info'],
      [0, 'Low', 'info'],
    ])('severity %s is %s, notified as %s', (value, level, severity) => {
      expect(guardDutyLevel(value)).toMatchObject({ level, severity });
    });

    it('lists the levels most severe first, as documented', () => {
      expect(guardDutySeverityLevels.map((l) => l.from)).toEqual([9, 7, 4, 0]);
    });
  });

  describe.each([
    ['EventBridge', EB, '987654321098'],
    ['SNS → Lambda', SNS, '123456789012'],
  ])('a real finding delivered by %s', (_, file, account) => {
    it.each(['en', 'ja'] as const)(
      'reads title, severity, resources, account, region and link (%s)',
      async (locale) => {
        const n = await notificationOf(file, locale);
        expect(n).toMatchObject({
          category: 'finding',
          severity: 'info',
          account,
          region: 'eu-west-2',
          title:
            'GuardDuty: Amazon S3 Block Public Access was disabled for S3 bucket test-gd-324237984731208478901374.',
        });
        expect(n.summary).toMatch(/^Amazon S3 Block Public Access was disabled/);
        const labels = locale === 'en' ? ['Severity', 'Type', 'Resources'] : ['重要度', '種類', 'リソース'];
        expect(labels.map((l) => fieldOf(n, l))).toEqual([
          'Low (2)',
          'Policy:S3/BucketBlockPublicAccessDisabled',
          'arn:aws:s3:::test-gd-324237984731208478901374\nAssumedRole RoleSandboxAccess (ASIAUN7WV6J25JBV2AW4)',
        ]);
        expect(n.links[0]?.url).toBe(
          'https://eu-west-2.console.aws.amazon.com/guardduty/home?region=eu-west-2#/findings?macros=current&fId=a6bfa2f07893be4f3c3174d5af7e2f80',
        );
      },
    );
  });

  it('keeps an update of the same finding apart from the first report (updatedAt and count in the key)', async () => {
    const first = await notificationOf(EB);
    const event = fixture<{ detail: { updatedAt: string; service: { count: number } } }>(EB);
    event.detail.updatedAt = '2022-03-01T20:27:24.071Z';
    event.detail.service.count = 2;
    const { notifications } = await processEvent(event, { ctx: contexts.en, sources });
    expect(first.dedupeKey).toBe(
      'finding:guardduty:arn:aws:guardduty:eu-west-2:123456789012:detector/30bb9f186bb1f62568740093ffcee96b/finding/a6bfa2f07893be4f3c3174d5af7e2f80:2022-03-01T14:27:24.071Z:1',
    );
    expect(notifications[0]?.dedupeKey).not.toBe(first.dedupeKey);
  });

  // No real finding above Low was found (tests/fixtures/SOURCES.md): the real one, at other severities.
  it.each([
    ['en', 5, 'warning', 'Medium (5)'],
    ['ja', 5, 'warning', 'Medium (5)'],
    ['en', 8, 'critical', 'High (8)'],
    ['ja', 8, 'critical', 'High (8)'],
    ['ja', 9.5, 'critical', 'Critical (9.5)'],
  ] as const)(
    '(%s) reads a real finding at severity %s as %s, passing the default threshold',
    async (locale, severity, ours, theirs) => {
      const event = structuredClone(fixture<{ detail: { severity: number } }>(EB));
      event.detail.severity = severity;
      const result = await processEvent(event, { ctx: contexts[locale], sources, findingsMinSeverity: 'warning' });
      expect(result.ignored).toEqual([]);
      const [n] = result.notifications;
      expect(n).toMatchObject({ category: 'finding', severity: ours });
      expect(n && fieldOf(n, locale === 'en' ? 'Severity' : '重要度')).toBe(theirs);
    },
  );

  it.each([
    ['below the threshold', { findingsMinSeverity: 'warning' as const }, {}, 'finding-below-threshold'],
    ['archived', {}, { archived: true }, 'finding-archived'],
  ])('ignores a finding %s by a named rule', async (_, settings, service, rule) => {
    const event = fixture<{ detail: { service: Record<string, unknown> } }>(EB);
    Object.assign(event.detail.service, service);
    const result = await processEvent(event, { ctx: contexts.en, sources, ...settings });
    expect(result.ignored.map((i) => i.rule)).toEqual([rule]);
  });

  it.each([
    ['critical', { numeric: ['>=', 7] }],
    ['warning', { numeric: ['>=', 4] }],
  ] as const)('deploys a rule filtering severity at %s', (findingsMinSeverity, filter) => {
    const [rule] = guardDutySource.deploy?.eventPatterns?.({ findingsMinSeverity }) ?? [];
    expect(rule?.pattern).toEqual({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Finding'],
      detail: { severity: [filter] },
    });
  });

  it('deploys an unfiltered rule at info', () => {
    const [rule] = guardDutySource.deploy?.eventPatterns?.({ findingsMinSeverity: 'info' }) ?? [];
    expect(rule?.pattern).toEqual({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] });
  });
});
