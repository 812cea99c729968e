import { describe, expect, it } from 'vitest';
import { field, notificationOf, record, ruleIdOf } from './through-pipeline';

const EGRESS = 'panther-AuthorizeSecurityGroupEgress-0.0.0.0-0-terraform.json';
/** A console ingress call whose ports are strings ("443"), as the EC2 console records them. */
const STRING_PORTS = 'panther-AuthorizeSecurityGroupIngress-UnauthorizedOperation.json';

describe('cloudtrail: security-group permissions read right', () => {
  it.each(['en', 'ja'] as const)(
    'says an egress rule goes "to" 0.0.0.0/0, where traffic may go (%s)',
    async (locale) => {
      const n = await notificationOf(record(EGRESS), locale);
      expect([ruleIdOf(n), n.severity, n.title, field(n, 'result')]).toEqual([
        'security-group-change',
        'warning',
        {
          en: 'AuthorizeSecurityGroupEgress on security group sg-03eee825d6bb78f54 by ryan@example.com',
          ja: 'ryan@example.com が セキュリティグループ sg-03eee825d6bb78f54 に AuthorizeSecurityGroupEgress を実行',
        }[locale],
        { en: 'Success', ja: '成功' }[locale],
      ]);
      expect(field(n, 'target')).toBe('groupId: sg-03eee825d6bb78f54\npermission 1: all traffic to 0.0.0.0/0');
      expect(n.summary).toContain('(all traffic to 0.0.0.0/0)');
      expect(JSON.stringify(n)).not.toContain('from 0.0.0.0/0');
    },
  );

  it.each(['en', 'ja'] as const)('reads ports given as strings (%s)', async (locale) => {
    const n = await notificationOf(record(STRING_PORTS), locale);
    expect(field(n, 'target')).toBe('groupId: sg-04f0b44316f7d2471\npermission 1: tcp 443 from 0.0.0.0/16');
  });

  it('names string ports opened to the internet (the same real call, succeeded, from 0.0.0.0/0)', async () => {
    const raw = structuredClone(record(STRING_PORTS));
    delete raw.errorCode;
    const permission = (raw.requestParameters as { ipPermissions: { items: Array<Record<string, unknown>> } })
      .ipPermissions.items[0]!;
    permission.ipRanges = { items: [{ cidrIp: '0.0.0.0/0' }] };
    const n = await notificationOf(raw, 'en');
    expect([ruleIdOf(n), n.severity]).toEqual(['security-group-open-to-world', 'critical']);
    expect(n.summary).toMatch(/^Security group opened to the internet \(tcp 443 from 0\.0\.0\.0\/0\)\./);
  });
});
