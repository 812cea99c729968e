import { describe, expect, it } from 'vitest';
import { sources } from '../../../../../src/lib/core/sources';
import { inspectorSeverities } from '../../../../../src/lib/core/sources/inspector/severity';
import { processEvent } from '../../../../../src/lib/pipeline';
import { fixture } from '../../../../helpers/fixtures';
import { contexts, fieldOf, notificationOf } from '../../../../helpers/render-fixture';

const f = (name: string) => `inspector/eventbridge-inspector2-${name}-docs.json`;

describe('source: inspector', () => {
  it.each([
    ['CRITICAL', 'critical'],
    ['HIGH', 'critical'],
    ['MEDIUM', 'warning'],
    ['LOW', 'info'],
    ['INFORMATIONAL', 'info'],
    ['UNTRIAGED', 'info'],
  ])('severity table: %s is %s', (label, severity) => {
    expect(inspectorSeverities[label as keyof typeof inspectorSeverities]).toBe(severity);
  });

  describe.each([
    [f('lambda-code-vulnerability-CRITICAL'), 'critical', 'Inspector: CWE-798 - Hardcoded credentials', 'CRITICAL'],
    [f('lambda-package-vulnerability-HIGH'), 'critical', 'Inspector: CVE-2023-30861 - flask', 'HIGH (7.5)'],
    [
      f('ec2-network-reachability-MEDIUM'),
      'warning',
      'Inspector: Port 22 is reachable from an Internet Gateway - TCP',
      'MEDIUM',
    ],
    [f('ec2-package-vulnerability-MEDIUM-CLOSED'), 'ok', 'Inspector: CVE-2024-29069 - snapd', 'MEDIUM (4.8)'],
  ])('%s', (file, severity, title, productSeverity) => {
    it.each(['en', 'ja'] as const)('is %s, with title, account, region, resource and link (%s)', async (locale) => {
      const n = await notificationOf(file, locale);
      expect(n).toMatchObject({
        category: 'finding',
        severity,
        title,
        account: '123456789012',
        region: 'eu-central-1',
      });
      expect(fieldOf(n, locale === 'en' ? 'Severity' : '重要度')).toBe(productSeverity);
      expect(fieldOf(n, locale === 'en' ? 'Resources' : 'リソース')).toMatch(/^AWS_(EC2_INSTANCE|LAMBDA_FUNCTION) /);
      expect(n.links[0]?.url).toMatch(
        /^https:\/\/eu-central-1\.console\.aws\.amazon\.com\/inspector\/v2\/home\?region=eu-central-1#\/findings\/all\?search=findingArn%3D/,
      );
    });
  });

  it('reads Inspector’s own timestamp format into the occurrence time and the dedupe key', async () => {
    const n = await notificationOf(f('ec2-package-vulnerability-MEDIUM-CLOSED'));
    expect(n.occurredAt).toBe('2024-09-04T17:00:36.951Z');
    expect(n.dedupeKey).toBe(
      'finding:inspector:arn:aws:inspector2:eu-central-1:123456789012:finding/{{FINDING_ID}}:Wed Sep 04 17:00:36.951 UTC 2024:CLOSED',
    );
  });

  it.each([
    ['en', 'lambda-package-vulnerability-HIGH', ['Fix available', 'Exploit available'], ['YES', 'YES']],
    ['ja', 'lambda-package-vulnerability-HIGH', ['修正版', 'エクスプロイト'], ['あり', 'あり']],
    ['ja', 'ec2-package-vulnerability-MEDIUM-CLOSED', ['修正版', 'エクスプロイト'], ['あり', 'なし']],
  ] as const)('(%s) says whether a fix and an exploit exist (%s)', async (locale, name, labels, values) => {
    const n = await notificationOf(f(name), locale);
    expect(labels.map((label) => fieldOf(n, label))).toEqual(values);
  });

  it('shows the vulnerable package and its fix, and the open network path', async () => {
    expect(fieldOf(await notificationOf(f('lambda-package-vulnerability-HIGH')), 'Packages')).toBe(
      'flask 2.0.0 → 2.3.2',
    );
    expect(fieldOf(await notificationOf(f('ec2-network-reachability-MEDIUM')), 'Network path')).toBe(
      'TCP 22\nigw-261bab4d → acl-171b527d → sg-0d34debf87410f2d9 → eni-094ad651219472857 → i-12345678901234567',
    );
  });

  it('ignores a suppressed finding by name', async () => {
    const event = fixture<{ detail: { status: string } }>(f('ec2-network-reachability-MEDIUM'));
    event.detail.status = 'SUPPRESSED';
    const result = await processEvent(event, { ctx: contexts.en, sources });
    expect(result.ignored.map((i) => i.rule)).toEqual(['finding-suppressed']);
  });
});
