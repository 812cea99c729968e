import { describe, expect, it } from 'vitest';
import { wrapCloudTrailRecord } from '../../../../../src/lib/core/envelopes/cloudtrail';
import type { Locale } from '../../../../../src/lib/core/locale';
import { defaultRuleSet, eventPatterns, matchesEventPattern } from '../../../../../src/lib/core/sources/cloudtrail';
import { field, notificationOf, record, ruleIdOf, throughPipeline } from './through-pipeline';

type Raw = Record<string, unknown>;
const patterns = eventPatterns(defaultRuleSet);
const delivered = (raw: Raw) => patterns.some((p) => matchesEventPattern(p.pattern, wrapCloudTrailRecord(raw)));

/** A real sign-in record turned into another sign-in step, the Powertools way (no sample of it exists). */
function asStep(file: string, eventName: string, outcome: 'Success' | 'Failure'): Raw {
  const raw = structuredClone(record(file));
  delete raw.errorMessage;
  return { ...raw, eventName, responseElements: { [eventName]: outcome } };
}
const root = () => structuredClone(record('docs-ConsoleLogin-root-failure.json').userIdentity);

interface Expected {
  readonly rule: string;
  readonly severity: 'critical' | 'warning';
  readonly title: Readonly<Record<Locale, string>>;
  readonly result: Readonly<Record<Locale, string>>;
}

const failure = { en: 'Failure', ja: '失敗' } as const;
const notified: Array<[string, () => Raw, Expected]> = [
  [
    'a failed root PasswordUpdated',
    () => record('panther-PasswordUpdated-root-failure.json'),
    {
      rule: 'root-console-sign-in-failure',
      severity: 'warning',
      title: {
        en: 'PasswordUpdated by root (root user) failed',
        ja: 'root（ルートユーザー） が PasswordUpdated を実行（失敗）',
      },
      result: failure,
    },
  ],
  [
    'a failed root ExternalIdPDirectoryLogin, its error message kept',
    () => record('panther-ExternalIdPDirectoryLogin-root-failure.json'),
    {
      rule: 'root-console-sign-in-failure',
      severity: 'warning',
      title: {
        en: 'ExternalIdPDirectoryLogin by root (root user) failed: Not a valid response for the provided request id: aws_ccV60redacted',
        ja: 'root（ルートユーザー） が ExternalIdPDirectoryLogin を実行（失敗: Not a valid response for the provided request id: aws_ccV60redacted）',
      },
      result: {
        en: 'Failure: Not a valid response for the provided request id: aws_ccV60redacted',
        ja: '失敗: Not a valid response for the provided request id: aws_ccV60redacted',
      },
    },
  ],
  [
    'a failed Identity Center CredentialVerification (outcome in serviceEventDetails)',
    () => record('docs-sso-CredentialVerification-password-failure.json'),
    {
      rule: 'console-sign-in-failure',
      severity: 'warning',
      title: {
        en: 'CredentialVerification by user1 (unknown principal) failed',
        ja: 'user1（不明なプリンシパル） が CredentialVerification を実行（失敗）',
      },
      result: failure,
    },
  ],
  [
    'a failed root ConsoleLogin',
    () => record('docs-ConsoleLogin-root-failure.json'),
    {
      rule: 'root-console-sign-in-failure',
      severity: 'warning',
      title: {
        en: 'ConsoleLogin by root (root user, no MFA) failed: Failed authentication',
        ja: 'root（ルートユーザー、MFA なし） が ConsoleLogin を実行（失敗: Failed authentication）',
      },
      result: { en: 'Failure: Failed authentication', ja: '失敗: Failed authentication' },
    },
  ],
  [
    'a successful root PasswordUpdated (root activity)',
    () => record('docs-PasswordUpdated-root.json'),
    {
      rule: 'root-activity',
      severity: 'critical',
      title: { en: 'PasswordUpdated by root (root user)', ja: 'root（ルートユーザー） が PasswordUpdated を実行' },
      result: { en: 'Success', ja: '成功' },
    },
  ],
  [
    'a failed CheckMfa (cloned from the docs CheckMfa)',
    () => asStep('docs-CheckMfa-iam-user-single-device.json', 'CheckMfa', 'Failure'),
    {
      rule: 'console-sign-in-failure',
      severity: 'warning',
      title: { en: 'CheckMfa by anaya (IAM user) failed', ja: 'anaya（IAM ユーザー） が CheckMfa を実行（失敗）' },
      result: failure,
    },
  ],
  [
    'a failed root CheckMfa',
    () => ({ ...asStep('docs-CheckMfa-iam-user-single-device.json', 'CheckMfa', 'Failure'), userIdentity: root() }),
    {
      rule: 'root-console-sign-in-failure',
      severity: 'warning',
      title: { en: 'CheckMfa by root (root user) failed', ja: 'root（ルートユーザー） が CheckMfa を実行（失敗）' },
      result: failure,
    },
  ],
  [
    'a failed SwitchRole (cloned from a real assumed-role sign-in)',
    () => asStep('elastic-ConsoleLogin-assumed-role-failure.json', 'SwitchRole', 'Failure'),
    {
      rule: 'console-sign-in-failure',
      severity: 'warning',
      title: {
        en: 'SwitchRole by MySessionName (assumed role RoleToBeAssumed, no MFA) failed',
        ja: 'MySessionName（引き受けたロール RoleToBeAssumed、MFA なし） が SwitchRole を実行（失敗）',
      },
      result: failure,
    },
  ],
  [
    'a failed RenewRoleSession',
    () => asStep('elastic-ConsoleLogin-assumed-role-failure.json', 'RenewRoleSession', 'Failure'),
    {
      rule: 'console-sign-in-failure',
      severity: 'warning',
      title: {
        en: 'RenewRoleSession by MySessionName (assumed role RoleToBeAssumed, no MFA) failed',
        ja: 'MySessionName（引き受けたロール RoleToBeAssumed、MFA なし） が RenewRoleSession を実行（失敗）',
      },
      result: failure,
    },
  ],
];

describe('cloudtrail: sign-in outcomes for every sign-in event type', () => {
  describe.each(['en', 'ja'] as const)('%s', (locale) => {
    it.each(notified)('%s', async (_name, raw, expected) => {
      const n = await notificationOf(raw(), locale);
      expect([ruleIdOf(n), n.severity, n.title, field(n, 'result')]).toEqual([
        expected.rule,
        expected.severity,
        expected.title[locale],
        expected.result[locale],
      ]);
    });
  });

  it.each(notified)('delivers %s to the function through the generated EventBridge patterns', (_name, raw) => {
    expect(delivered(raw())).toBe(true);
  });

  it.each([
    ['docs-sso-CredentialChallenge-password.json', () => record('docs-sso-CredentialChallenge-password.json')],
    [
      'docs-workspaces-UserAuthentication-smartcard.json',
      () => record('docs-workspaces-UserAuthentication-smartcard.json'),
    ],
    ['docs-CheckMfa-iam-user-single-device.json', () => record('docs-CheckMfa-iam-user-single-device.json')],
    [
      'a successful SwitchRole',
      () => asStep('elastic-ConsoleLogin-assumed-role-failure.json', 'SwitchRole', 'Success'),
    ],
  ])('lets a successful step that is not a root or MFA-less console sign-in pass quietly: %s', async (_name, raw) => {
    for (const locale of ['en', 'ja'] as const) {
      const { notifications, ignored } = await throughPipeline(raw(), locale);
      expect(notifications).toEqual([]);
      expect(ignored.map((i) => i.rule)).toEqual(['no-rule-matches']);
    }
  });

  it('reads Identity Center steps delivered as "AWS Service Event via CloudTrail", and only sign-in ones', async () => {
    const step = record('docs-sso-CredentialVerification-password-failure.json');
    expect(wrapCloudTrailRecord(step)['detail-type']).toBe('AWS Service Event via CloudTrail');
    const other = { ...structuredClone(step), eventSource: 'kms.amazonaws.com', eventName: 'RotateKey' };
    const { notifications } = await throughPipeline(other, 'en');
    expect(notifications.map((n) => n.category)).toEqual(['event']);
  });
});
