import { describe, expect, it } from 'vitest';
import { renderSubject } from '../../../../../src/lib/core/render/subject';
import { sources } from '../../../../../src/lib/core/sources';
import { accessKindOf } from '../../../../../src/lib/core/sources/access-analyzer/interpret';
import { accessAnalyzerSeverities } from '../../../../../src/lib/core/sources/access-analyzer/severity';
import { processEvent } from '../../../../../src/lib/pipeline';
import { fixture } from '../../../../helpers/fixtures';
import { contexts, fieldOf, notificationOf, notificationsOf } from '../../../../helpers/render-fixture';

const ACTIVE = 'access-analyzer/eventbridge-access-analyzer-s3-cross-account-ACTIVE-docs.json';
const ERROR = 'access-analyzer/eventbridge-access-analyzer-s3-error-ACCESS_DENIED-docs.json';

describe('source: access-analyzer', () => {
  it.each([
    [{ id: 'f', isPublic: true }, 'public', 'critical'],
    [{ id: 'f', isPublic: false, principal: { AWS: '1' } }, 'external', 'warning'],
    [{ id: 'f', findingType: 'UnusedIAMRole' }, 'unused', 'info'],
    [{ id: 'f', error: 'ACCESS_DENIED' }, 'error', 'info'],
    [{ id: 'f', isPublic: true, status: 'RESOLVED' }, 'resolved', 'ok'],
  ])('severity table: %j is %s access, %s', (finding, kind, severity) => {
    expect(accessKindOf(finding)).toBe(kind);
    expect(accessAnalyzerSeverities[kind as keyof typeof accessAnalyzerSeverities]).toBe(severity);
  });

  it.each([
    ['en', ACTIVE, 'warning', 'IAM Access Analyzer: External access to AWS::S3::Bucket my-bucket'],
    ['ja', ACTIVE, 'warning', 'IAM Access Analyzer: AWS::S3::Bucket my-bucket に外部からアクセス可能'],
    ['en', ERROR, 'info', 'IAM Access Analyzer: Could not analyze AWS::S3::Bucket my-bucket'],
    ['ja', ERROR, 'info', 'IAM Access Analyzer: AWS::S3::Bucket my-bucket を分析できません'],
  ] as const)('(%s) %s', async (locale, file, severity, title) => {
    const n = await notificationOf(file, locale);
    expect(n).toMatchObject({ category: 'finding', severity, title, account: '111122223333', region: 'us-west-2' });
    expect(n.links[0]?.url).toBe(
      'https://us-west-2.console.aws.amazon.com/access-analyzer/home?region=us-west-2#/findings/details/arn%3Aaws%3Aaccess-analyzer%3Aus-west-2%3A111122223333%3Aanalyzer%2FMyAnalyzer/22222222-dcba-4444-dcba-333333333333',
    );
  });

  it.each([
    [
      'access-analyzer/eventbridge-access-analyzer-kms-key-public-isPublic-ACTIVE-lunatic-def.json',
      'critical',
      '[CRITICAL] IAM Access Analyzer: Public access to AWS::KMS::Key 4ab85425-3ede-4dd1-9f17-914a7e2f33d7',
    ],
    [
      'access-analyzer/eventbridge-access-analyzer-iam-role-cross-account-AssumeRole-ACTIVE-primeharbor.json',
      'warning',
      '[WARNING] IAM Access Analyzer: External access to AWS::IAM::Role fnord (us-east-1)',
    ],
  ] as const)(
    'names the exposed resource by its type and name, whole, in the subject of %s',
    async (file, severity, subject) => {
      const [n] = await notificationsOf(file);
      expect(n).toMatchObject({ severity });
      expect(n && renderSubject(n)).toBe(subject);
      expect(n?.fields.find((f) => f.value.startsWith('arn:'))?.value).toMatch(/^arn:aws:(kms|iam):/);
    },
  );

  it.each([
    [
      'en',
      ACTIVE,
      'AWS::S3::Bucket arn:aws:s3:::my-bucket is shared outside your zone of trust, with AWS: 999988887777.',
    ],
    [
      'ja',
      ACTIVE,
      'AWS::S3::Bucket arn:aws:s3:::my-bucket は信頼ゾーン外のプリンシパル（AWS: 999988887777）と共有されています。',
    ],
    ['en', ERROR, 'IAM Access Analyzer could not analyze AWS::S3::Bucket arn:aws:s3:::my-bucket (ACCESS_DENIED).'],
    [
      'ja',
      ERROR,
      'IAM Access Analyzer は AWS::S3::Bucket arn:aws:s3:::my-bucket を分析できませんでした（ACCESS_DENIED）。',
    ],
  ] as const)(
    '(%s) says in a sentence what access %s reports, with no severity it does not have',
    async (locale, file, summary) => {
      const n = await notificationOf(file, locale);
      expect(n.summary).toBe(summary);
      expect(fieldOf(n, locale === 'en' ? 'Severity' : '重要度')).toBeUndefined();
    },
  );

  it.each([
    ['en', 'Access', 'public (anyone)', 'Anyone can access AWS::S3::Bucket arn:aws:s3:::my-bucket.'],
    [
      'ja',
      'アクセス',
      '公開（誰でもアクセス可能）',
      'AWS::S3::Bucket arn:aws:s3:::my-bucket には誰でもアクセスできます。',
    ],
  ] as const)('(%s) says a public resource is public', async (locale, label, access, summary) => {
    const event = structuredClone(fixture<{ detail: Record<string, unknown> }>(ACTIVE));
    Object.assign(event.detail, { isPublic: true, principal: { AWS: '*' } });
    const result = await processEvent(event, { ctx: contexts[locale], sources });
    const [n] = result.notifications;
    expect(n).toMatchObject({ severity: 'critical', summary });
    expect(n && fieldOf(n, label)).toBe(access);
  });

  it('names who the resource is shared with and what they may do', async () => {
    const n = await notificationOf(ACTIVE);
    expect([fieldOf(n, 'Principal'), fieldOf(n, 'Action')]).toEqual(['AWS: 999988887777', 's3:GetObject']);
  });

  it.each([
    [{ status: 'ARCHIVED' }, 'finding-archived'],
    [{ isDeleted: true }, 'finding-deleted'],
  ])('ignores %j by name', async (change, rule) => {
    const event = fixture<{ detail: Record<string, unknown> }>(ACTIVE);
    Object.assign(event.detail, change);
    const result = await processEvent(event, { ctx: contexts.en, sources });
    expect(result.ignored.map((i) => i.rule)).toEqual([rule]);
  });
});
