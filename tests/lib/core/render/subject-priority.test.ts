import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapCloudTrailRecord } from '../../../../src/lib/core/envelopes/cloudtrail';
import type { Locale } from '../../../../src/lib/core/locale';
import { type Notification, notificationSchema, type SubjectPart } from '../../../../src/lib/core/notification';
import { SNS_SUBJECT_MAX_CHARS } from '../../../../src/lib/core/publish/limits';
import { fullSubject, renderSubject } from '../../../../src/lib/core/render/subject';
import { cutPoints, ellipsizeAtBoundary } from '../../../../src/lib/core/render/word-cut';
import { sources } from '../../../../src/lib/core/sources';
import { processEvent } from '../../../../src/lib/pipeline';
import { albAlarm } from './sample-notifications';

type Raw = Record<string, unknown> & {
  userIdentity: Record<string, unknown>;
  requestParameters: Record<string, unknown>;
};
const record = (file: string): Raw =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/cloudtrail/records/${file}`, import.meta.url), 'utf8')) as Raw;

/** A real record whose caller is a role session with a long name, as CI systems and SSO make them. */
function asSession(file: string, role: string, session: string, change: (r: Raw) => void = () => {}): Raw {
  const r = structuredClone(record(file));
  r.userIdentity.arn = `arn:aws:sts::${String(r.userIdentity.accountId)}:assumed-role/${role}/${session}`;
  r.userIdentity.principalId = `AROAEXAMPLE:${session}`;
  const issuer = (r.userIdentity.sessionContext as { sessionIssuer?: Record<string, unknown> } | undefined)
    ?.sessionIssuer;
  if (issuer) issuer.userName = role;
  change(r);
  return r;
}

/**
 * The five kinds of subject the issue found cut in the middle (actor, target or "failed" lost), built
 * from real fixtures with the long role, session, bucket and user names real accounts have. `before`
 * is what the subject read before it kept what matters.
 */
const cases: Array<{
  name: string;
  raw: () => Raw;
  actor: string;
  action: string;
  outcome: Readonly<Record<Locale, string | undefined>>;
  before: Readonly<Record<Locale, string>>;
  after: Readonly<Record<Locale, string>>;
}> = [
  {
    name: 'a failed StopLogging by a CI session',
    raw: () =>
      asSession(
        'panther-StopLogging-error-InvalidTrailNameException.json',
        'terraform-production-deployer',
        'terraform-apply-production-pipeline-20240315',
      ),
    actor: 'terraform-apply-production-pipeline-20240315',
    action: 'StopLogging',
    outcome: { en: 'failed', ja: '失敗' },
    before: {
      en: '[WARNING] StopLogging on trail example-trail by …0315 failed: InvalidTrailNameException (us-west-2)',
      ja: '[警告] terraform-apply-production-pipeline-20240…gging を実行（失敗: InvalidTrailNameException） (us-west-2)',
    },
    after: {
      en: '[WARNING] StopLogging on trail example-trail by terraform-apply-production-pipeline-20240315 failed',
      ja: '[警告] terraform-apply-production-pipeline-20240315 が StopLogging を実行（失敗: InvalidTrailNameException）',
    },
  },
  {
    name: 'a denied PutBucketAcl on a long bucket name',
    raw: () =>
      asSession(
        'panther-PutBucketAcl-AccessDenied.json',
        'github-actions-deploy',
        'GitHubActions-deploy-workflow-8812345',
        (r) => {
          r.requestParameters.bucketName = 'company-production-cloudtrail-logs-archive-123456789012-us-west-2';
        },
      ),
    actor: 'GitHubActions-deploy-workflow-8812345',
    action: 'PutBucketAcl',
    outcome: { en: 'failed: AccessDenied', ja: '失敗: AccessDenied' },
    before: {
      en: '[WARNING] PutBucketAcl on bucket company-product…-workflow-8812345 failed: AccessDenied (us-west-2)',
      ja: '[警告] GitHubActions-deploy-workflow-8812345 が バ…ch… に PutBucketAcl を実行（失敗: AccessDenied） (us-west-2)',
    },
    after: {
      en: '[WARNING] PutBucketAcl by GitHubActions-deploy-workflow-8812345 failed: AccessDenied (us-west-2)',
      ja: '[警告] GitHubActions-deploy-workflow-8812345 が バケット company… に PutBucketAcl を実行（失敗: AccessDenied）',
    },
  },
  {
    name: 'AdministratorAccess attached to a long user name',
    raw: () =>
      asSession(
        'elastic-AttachUserPolicy-AdministratorAccess-assumed-role.json',
        'ec2-instance-role',
        'i-06815aa7cf7d21f8f',
        (r) => {
          r.requestParameters.userName = 'pwncloud-backdoor-user-for-persistence-in-production';
        },
      ),
    actor: 'i-06815aa7cf7d21f8f',
    action: 'AttachUserPolicy',
    outcome: { en: undefined, ja: undefined },
    before: {
      en: '[CRITICAL] AttachUserPolicy on user pwncloud-back…-persistence-… by i-06815aa7cf7d21f8f (us-east-1)',
      ja: '[重大] i-06815aa7cf7d21f8f が ユーザー pwncloud-backd…for-persistence-… に AttachUserPolicy を実行 (us-east-1)',
    },
    after: {
      en: '[CRITICAL] AttachUserPolicy on user pwncloud-backdoor-user-for-persistence… by i-06815aa7cf7d21f8f',
      ja: '[重大] i-06815aa7cf7d21f8f が ユーザー pwncloud-backdoor-user-for-persistence-in… に AttachUserPolicy を実行',
    },
  },
  {
    name: 'a failed Identity Center console sign-in',
    raw: () =>
      asSession(
        'panther-ConsoleLogin-sso-assumed-role.json',
        'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
        'firstname.lastname@example-company.co.jp',
        (r) => {
          r.responseElements = { ConsoleLogin: 'Failure' };
          r.errorMessage = 'Failed authentication';
        },
      ),
    actor: 'firstname.lastname@example-company.co.jp',
    action: 'ConsoleLogin',
    outcome: { en: 'failed: Failed authentication', ja: '失敗: Failed authentication' },
    before: {
      en: '[WARNING] ConsoleLogin by firstname.lastname@exa… no MFA) failed: Failed authentication (us-east-2)',
      ja: '[警告] firstname.lastname@example-company.co.jp（…soleLogin を実行（失敗: Failed authentication） (us-east-2)',
    },
    after: {
      en: '[WARNING] ConsoleLogin by firstname.lastname@example-company.co.jp failed: Failed authentication',
      ja: '[警告] firstname.lastname@example-company.co.jp が ConsoleLogin を実行（失敗: Failed authentication）',
    },
  },
  {
    name: 'a denied call by a long SDK session',
    raw: () =>
      asSession(
        'autoops-DescribeTags-Client.UnauthorizedOperation-assumed-role.json',
        'karpenter-controller-production',
        'karpenter-controller-production-botocore-session-1659034591',
      ),
    actor: 'karpenter-controller-production-botocore-session-1659034591',
    action: 'DescribeTags',
    outcome: { en: 'failed', ja: '失敗' },
    before: {
      en: '[WARNING] DescribeTags by karpenter-controller…ailed: Client.UnauthorizedOperation (ap-northeast-1)',
      ja: '[警告] karpenter-controller-production-botoco… を実行（失敗: Client.UnauthorizedOperation） (ap-northeast-1)',
    },
    after: {
      en: '[WARNING] DescribeTags by karpenter-controller-production-botocore-session-1659034591 failed',
      ja: '[警告] karpenter-controller-production-botocore-session-1659034591 が DescribeTags を実行（失敗）',
    },
  },
];

async function notification(raw: Raw, locale: Locale): Promise<Notification> {
  const { notifications } = await processEvent(wrapCloudTrailRecord(raw), {
    sources,
    ctx: { locale, timeZone: 'UTC', now: new Date('2025-01-01T00:00:00Z') },
  });
  expect(notifications).toHaveLength(1);
  return notificationSchema.parse(notifications[0]);
}

/** The words of a subject as a reader sees them (for "no word was cut"). */
const words = (text: string) => text.split(/[\s…（）()、:]+/u).filter(Boolean);

describe('render: subjects keep what matters', () => {
  describe.each(['en', 'ja'] as const)('%s', (locale) => {
    it.each(cases)('$name: actor, action and outcome stay whole', async (c) => {
      const n = await notification(c.raw(), locale);
      const subject = renderSubject(n);
      expect(subject).toBe(c.after[locale]);
      expect(subject.length).toBeLessThanOrEqual(SNS_SUBJECT_MAX_CHARS);
      expect(subject).toContain(c.actor);
      expect(subject).toContain(c.action);
      if (c.outcome[locale]) expect(subject).toContain(c.outcome[locale]);
      // Every word shown is a word of the full subject, or the start of one cut at a break: none is
      // cut inside.
      const full = words(`${fullSubject(n)} ${n.region ?? ''}`);
      for (const word of words(subject)) expect(full.some((w) => w === word || w.startsWith(word))).toBe(true);
      expect(subject).not.toBe(c.before[locale]);
    });
  });

  it('keeps the title the parts make, and the parts in the Notification for other subscribers', async () => {
    const n = await notification(cases[0]!.raw(), 'en');
    expect(n.subjectParts?.map((p) => p.role)).toEqual(['action', 'target', 'actor', 'outcome']);
    expect(n.subjectParts?.map((p) => `${p.lead ?? ''}${p.value}${p.tail ?? ''}`).join('')).toBe(n.title);
  });

  it('gives the region back when the shortened subject leaves room for it', () => {
    const parts: SubjectPart[] = [
      { role: 'action', value: 'StopLogging' },
      { role: 'target', lead: ' on trail ', value: 'x'.repeat(80) },
      { role: 'actor', lead: ' by ', value: 'alice' },
    ];
    const n = { ...albAlarm, category: 'api-call' as const, subjectParts: parts, title: '' };
    expect(renderSubject(n)).toBe('[CRITICAL] StopLogging by alice (us-east-2)');
  });
});

describe('render: cuts at word breaks', () => {
  it.each([
    ['terraform-apply-production-pipeline-20240315', 25, 'terraform-apply…'],
    ['AWSReservedSSO_AdministratorAccess_0123', 30, 'AWSReservedSSO…'],
    ['ルートユーザーのサインインが失敗しました', 14, 'ルートユーザーのサインイン…'],
    ['セキュリティグループが変更されました', 12, 'セキュリティグループが…'],
    ['バケット company-production-logs', 20, 'バケット company…'],
  ])('%s in %i characters: %s', (text, max, expected) => {
    expect(ellipsizeAtBoundary(text, max)).toBe(expected);
  });

  it('breaks Japanese where the script changes, and never inside a surrogate pair', () => {
    const text = '𠮷野家の𠮷田さんが😀ログイン';
    const points = cutPoints(text);
    for (const p of points) expect(text.charCodeAt(p)).not.toSatisfy((c: number) => c >= 0xdc00 && c <= 0xdfff);
    expect(points.map((p) => text.slice(0, p))).toContain('𠮷野家');
    for (let max = 1; max < text.length; max++) {
      const cut = ellipsizeAtBoundary(text, max);
      expect(cut).not.toMatch(/\p{Cs}/u);
      expect(cut.length).toBeLessThanOrEqual(max);
    }
  });

  const role = fc.constantFrom('actor' as const, 'action' as const, 'outcome' as const, 'target' as const);
  const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 120 }));
  const part = fc.record(
    { role, value: text, lead: text, tail: text, short: text },
    { requiredKeys: ['role', 'value'] },
  );

  it('always gives one non-empty line of at most 99 characters, whatever the parts', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), fc.constantFrom('en' as const, 'ja' as const), (parts, locale) => {
        const subject = renderSubject({ ...albAlarm, locale, subjectParts: parts, title: 'fallback' });
        expect(subject.length).toBeGreaterThan(0);
        expect(subject.length).toBeLessThanOrEqual(SNS_SUBJECT_MAX_CHARS);
        expect(subject).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u);
        expect(subject).toBe(subject.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('keeps short actor, action and outcome whole while a long target gives way', () => {
    const short = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
    fc.assert(
      fc.property(
        short,
        short,
        short,
        fc.string({ minLength: 100, maxLength: 300 }),
        (actor, action, reason, target) => {
          const parts: SubjectPart[] = [
            { role: 'action', value: action },
            { role: 'target', lead: ' on ', value: target },
            { role: 'actor', lead: ' by ', value: actor },
            { role: 'outcome', lead: ' failed: ', value: reason, short: ' failed' },
          ];
          const subject = renderSubject({ ...albAlarm, subjectParts: parts, title: '' });
          expect(subject).toContain(`${action} `);
          expect(subject).toContain(` by ${actor}`);
          expect(subject).toContain(` failed: ${reason}`);
        },
      ),
    );
  });
});
