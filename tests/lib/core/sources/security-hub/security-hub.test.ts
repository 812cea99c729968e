import { describe, expect, it } from 'vitest';
import { sources } from '../../../../../src/lib/core/sources';
import { labelOf, severityOf } from '../../../../../src/lib/core/sources/security-hub/interpret';
import { securityHubSource } from '../../../../../src/lib/core/sources/security-hub/source';
import { processEvent } from '../../../../../src/lib/pipeline';
import { fixture } from '../../../../helpers/fixtures';
import { contexts, fieldOf, notificationOf } from '../../../../helpers/render-fixture';

const dir = 'security-hub/';
const CONTROL = `${dir}eventbridge-securityhub-custom-action-EC2.8-HIGH-FAILED-forensic-orchestrator.json`;
const MACIE_LOW = `${dir}eventbridge-securityhub-imported-macie-normalized-15-LOW-notify-slack.json`;

describe('source: security-hub', () => {
  describe('severity table (ASFF label → ours)', () => {
    it.each([
      ['CRITICAL', 'critical'],
      ['HIGH', 'critical'],
      ['MEDIUM', 'warning'],
      ['LOW', 'info'],
      ['INFORMATIONAL', 'info'],
    ])('%s is %s', (Label, severity) => {
      expect(severityOf({ Severity: { Label } })).toBe(severity);
    });

    it.each([
      [95, 'CRITICAL'],
      [90, 'CRITICAL'],
      [71, 'HIGH'],
      [60, 'MEDIUM'],
      [40, 'MEDIUM'],
      [15, 'LOW'],
      [0, 'INFORMATIONAL'],
    ])('a finding with only Normalized %s reads as %s', (Normalized, label) => {
      expect(labelOf({ Severity: { Normalized } })).toBe(label);
    });

    it.each([
      [{ Workflow: { Status: 'RESOLVED' } }, 'ok'],
      [{ RecordState: 'ARCHIVED' }, 'ok'],
      [{ Workflow: { Status: 'SUPPRESSED' } }, 'ignored'],
      [{ Workflow: { Status: 'NEW' }, RecordState: 'ACTIVE' }, 'critical'],
    ])('closed states win over the label: %j is %s', (state, severity) => {
      expect(severityOf({ Severity: { Label: 'CRITICAL' }, ...state })).toBe(severity);
    });
  });

  describe.each([
    [
      CONTROL,
      'critical',
      'Security Hub: EC2.8 EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)',
      '123456789012',
      'ap-southeast-2',
      'HIGH',
    ],
    [
      MACIE_LOW,
      'info',
      'Security Hub (Macie): Google Suite Two-Factor Backup Codes uploaded to S3',
      '123456789012',
      'us-west-2',
      'LOW',
    ],
    [
      `${dir}eventbridge-securityhub-imported-macie-no-Id-normalized-71-HIGH-notify-slack.json`,
      'critical',
      'Security Hub (Macie): Google Suite Two-Factor Backup Codes uploaded to S3',
      '123456789012',
      'us-west-2',
      'HIGH',
    ],
    [
      `${dir}eventbridge-securityhub-imported-macie-no-Id-no-GeneratorId-normalized-60-notify-slack.json`,
      'warning',
      'Security Hub (Macie): Google Suite Two-Factor Backup Codes uploaded to S3',
      '123456789012',
      'us-west-2',
      'MEDIUM',
    ],
  ])('%s', (file, severity, title, account, region, label) => {
    it.each(['en', 'ja'] as const)(
      'is a %s finding with its title, account, region, resource and link (%s)',
      async (locale) => {
        const n = await notificationOf(file, locale);
        expect(n).toMatchObject({ category: 'finding', severity, title, account, region });
        expect(fieldOf(n, locale === 'en' ? 'Severity' : '重要度')).toBe(label);
        expect(fieldOf(n, locale === 'en' ? 'Resources' : 'リソース')).toMatch(/^Aws(Ec2Instance|S3Bucket) arn:aws:/);
        expect(n.links[0]?.url).toMatch(
          new RegExp(
            `^https://${region}\\.console\\.aws\\.amazon\\.com/securityhub/home\\?region=${region}#/findings\\?search=Id%3D`,
          ),
        );
      },
    );
  });

  it('names the product that reported an imported finding', async () => {
    const n = await notificationOf(MACIE_LOW);
    expect(fieldOf(n, 'Reported by')).toBe('Macie');
    expect(fieldOf(await notificationOf(CONTROL), 'Reported by')).toBeUndefined();
  });

  it('reads the control and its compliance status', async () => {
    const n = await notificationOf(CONTROL);
    expect([fieldOf(n, 'Control'), fieldOf(n, 'Compliance'), fieldOf(n, 'Status')]).toEqual([
      'EC2.8',
      'FAILED',
      'NEW / ACTIVE',
    ]);
  });

  it('sends one notification per finding of an event, and leaves suppressed ones out', async () => {
    const event = fixture<{ detail: { findings: Array<Record<string, unknown>> } }>(CONTROL);
    const [finding] = event.detail.findings;
    event.detail.findings = [
      finding!,
      { ...finding, Id: 'second', Title: 'Second' },
      { ...finding, Id: 'third', Workflow: { Status: 'SUPPRESSED' } },
    ];
    const { notifications } = await processEvent(event, { ctx: contexts.en, sources });
    expect(notifications.map((n) => n.title)).toEqual([
      'Security Hub: EC2.8 EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)',
      'Security Hub: Second',
    ]);
    expect(new Set(notifications.map((n) => n.dedupeKey)).size).toBe(2);
  });

  it('a custom action is reported whatever the threshold (a person sent it on purpose)', async () => {
    const event = fixture<{ detail: { findings: Array<{ Severity: { Label: string } }> } }>(CONTROL);
    event.detail.findings[0]!.Severity.Label = 'LOW';
    const result = await processEvent(event, { ctx: contexts.en, sources, findingsMinSeverity: 'critical' });
    expect(result.notifications).toHaveLength(1);
  });

  it('ignores an imported event whose findings are all below the threshold, by name', async () => {
    const result = await processEvent(fixture(MACIE_LOW), {
      ctx: contexts.en,
      sources,
      findingsMinSeverity: 'warning',
    });
    expect(result.ignored.map((i) => i.rule)).toEqual(['finding-below-threshold']);
  });

  it.each([
    ['critical', ['CRITICAL', 'HIGH']],
    ['warning', ['CRITICAL', 'HIGH', 'MEDIUM']],
  ] as const)('deploys the imported-findings rule with labels at %s', (findingsMinSeverity, labels) => {
    const [imported] = securityHubSource.deploy?.eventPatterns?.({ findingsMinSeverity }) ?? [];
    expect(imported?.pattern).toMatchObject({ detail: { findings: { Severity: { Label: labels } } } });
  });
});
