import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wrapCloudTrailRecord } from '../../../../../src/lib/core/envelopes/cloudtrail';
import type { Locale } from '../../../../../src/lib/core/locale';
import {
  defaultRuleSet,
  defaultRules,
  eventPatterns,
  matchesEventPattern,
} from '../../../../../src/lib/core/sources/cloudtrail';
import { field, notificationOf, record, ruleIdOf } from './through-pipeline';

type Raw = Record<string, unknown>;
type Texts = Readonly<Record<Locale, string>>;

/**
 * A real record of another call turned into `eventSource`/`eventName` (the Powertools way), for the
 * calls no public sample was found of: GuardDuty, Security Hub, Access Analyzer and the account-level
 * S3 Block Public Access (see tests/fixtures/SOURCES.md, "Not found").
 */
function asCall(file: string, eventSource: string, eventName: string, requestParameters: unknown): Raw {
  return { ...structuredClone(record(file)), eventSource, eventName, requestParameters };
}
const changed = (file: string, change: (raw: Raw) => void): Raw => {
  const raw = structuredClone(record(file));
  change(raw);
  return raw;
};
/** An AWS docs record by IAM user Alice in us-west-2 (KMS DisableKeyRotation), the base of the clones. */
const DOCS_CALL = 'docs-kms-DisableKeyRotation.json';
const ok: Texts = { en: 'Success', ja: '成功' };

interface Case {
  readonly raw: () => Raw;
  readonly rule: string;
  readonly severity: 'critical' | 'warning';
  readonly title: Texts;
  readonly result?: Texts;
}

const cases: Record<string, Case> = {
  "another user's password reset (UpdateLoginProfile)": {
    raw: () => record('panther-UpdateLoginProfile-other-user.json'),
    rule: 'iam-other-user-credentials',
    severity: 'critical',
    title: { en: 'UpdateLoginProfile on user bob by alice', ja: 'alice が ユーザー bob に UpdateLoginProfile を実行' },
  },
  'a console password created for another user (CreateLoginProfile)': {
    raw: () => record('stratus-CreateLoginProfile-other-user.json'),
    rule: 'iam-other-user-credentials',
    severity: 'critical',
    title: {
      en: 'CreateLoginProfile on user stratus-red-team-login-profile-user by christophe',
      ja: 'christophe が ユーザー stratus-red-team-login-profile-user に CreateLoginProfile を実行',
    },
  },
  "another user's access key (CreateAccessKey)": {
    raw: () => record('panther-CreateAccessKey-for-other-user.json'),
    rule: 'iam-other-user-credentials',
    severity: 'critical',
    title: { en: 'CreateAccessKey on user user2 by user1', ja: 'user1 が ユーザー user2 に CreateAccessKey を実行' },
  },
  "another user's access key re-enabled (UpdateAccessKey, cloned)": {
    raw: () =>
      changed('panther-CreateAccessKey-for-other-user.json', (r) => {
        r.eventName = 'UpdateAccessKey';
        r.requestParameters = { userName: 'user2', accessKeyId: 'AKIA-EXAMPLE-KEY-ID', status: 'Active' };
      }),
    rule: 'iam-other-user-credentials',
    severity: 'critical',
    title: { en: 'UpdateAccessKey on user user2 by user1', ja: 'user1 が ユーザー user2 に UpdateAccessKey を実行' },
  },
  'a console password for oneself stays a warning (cloned)': {
    raw: () =>
      changed('stratus-CreateLoginProfile-other-user.json', (r) => {
        (r.requestParameters as Raw).userName = 'christophe';
      }),
    rule: 'iam-credential-change',
    severity: 'warning',
    title: {
      en: 'CreateLoginProfile on user christophe by christophe',
      ja: 'christophe が ユーザー christophe に CreateLoginProfile を実行',
    },
  },
  'an EBS snapshot made public': {
    raw: () => record('panther-ModifySnapshotAttribute-public.json'),
    rule: 'ec2-snapshot-or-image-made-public',
    severity: 'critical',
    title: {
      en: 'ModifySnapshotAttribute on snapshot snap-1111 by example-user',
      ja: 'example-user が スナップショット snap-1111 に ModifySnapshotAttribute を実行',
    },
  },
  'an AMI made public': {
    raw: () => record('panther-ModifyImageAttribute-public.json'),
    rule: 'ec2-snapshot-or-image-made-public',
    severity: 'critical',
    title: {
      en: 'ModifyImageAttribute on AMI ami-1111 by example-user',
      ja: 'example-user が AMI ami-1111 に ModifyImageAttribute を実行',
    },
  },
  'a failed attempt to make an AMI public (cloned)': {
    raw: () =>
      changed('panther-ModifyImageAttribute-public.json', (r) => {
        r.errorCode = 'Client.UnauthorizedOperation';
      }),
    rule: 'ec2-snapshot-or-image-shared',
    severity: 'warning',
    title: {
      en: 'ModifyImageAttribute on AMI ami-1111 by example-user failed: Client.UnauthorizedOperation',
      ja: 'example-user が AMI ami-1111 に ModifyImageAttribute を実行（失敗: Client.UnauthorizedOperation）',
    },
    result: { en: 'Client.UnauthorizedOperation', ja: 'Client.UnauthorizedOperation' },
  },
  'an RDS snapshot shared with another account': {
    raw: () => record('stratus-ModifyDBSnapshotAttribute-shared.json'),
    rule: 'rds-snapshot-shared',
    severity: 'warning',
    title: {
      en: 'ModifyDBSnapshotAttribute on DB snapshot exfiltration by christophe',
      ja: 'christophe が DB スナップショット exfiltration に ModifyDBSnapshotAttribute を実行',
    },
  },
  'an RDS snapshot made public (the same real call, valuesToAdd "all")': {
    raw: () =>
      changed('stratus-ModifyDBSnapshotAttribute-shared.json', (r) => {
        (r.requestParameters as Raw).valuesToAdd = ['all'];
      }),
    rule: 'rds-snapshot-made-public',
    severity: 'critical',
    title: {
      en: 'ModifyDBSnapshotAttribute on DB snapshot exfiltration by christophe',
      ja: 'christophe が DB スナップショット exfiltration に ModifyDBSnapshotAttribute を実行',
    },
  },
  'an RDS cluster snapshot made public (cloned)': {
    raw: () =>
      changed('stratus-ModifyDBSnapshotAttribute-shared.json', (r) => {
        r.eventName = 'ModifyDBClusterSnapshotAttribute';
        r.requestParameters = {
          attributeName: 'restore',
          dBClusterSnapshotIdentifier: 'exfiltration',
          valuesToAdd: ['all'],
        };
      }),
    rule: 'rds-snapshot-made-public',
    severity: 'critical',
    title: {
      en: 'ModifyDBClusterSnapshotAttribute on DB cluster snapshot exfiltration by christophe',
      ja: 'christophe が DB クラスタースナップショット exfiltration に ModifyDBClusterSnapshotAttribute を実行',
    },
  },
  'VPC flow logs deleted': {
    raw: () => record('panther-DeleteFlowLogs-assumed-role.json'),
    rule: 'vpc-flow-logs-deleted',
    severity: 'critical',
    title: {
      en: 'DeleteFlowLogs on flow log fl-0ef673ef70c4f07cc by leroy.jenkins',
      ja: 'leroy.jenkins が フローログ fl-0ef673ef70c4f07cc に DeleteFlowLogs を実行',
    },
  },
  'a KMS key policy replaced': {
    raw: () => record('docs-kms-PutKeyPolicy.json'),
    rule: 'kms-key-policy-changed',
    severity: 'warning',
    title: {
      en: 'PutKeyPolicy on key 1234abcd-12ab-34cd-56ef-1234567890ab by Alice',
      ja: 'Alice が キー 1234abcd-12ab-34cd-56ef-1234567890ab に PutKeyPolicy を実行',
    },
  },
  'KMS key rotation disabled': {
    raw: () => record('docs-kms-DisableKeyRotation.json'),
    rule: 'kms-key-rotation-disabled',
    severity: 'warning',
    title: {
      en: 'DisableKeyRotation on key 1234abcd-12ab-34cd-56ef-1234567890ab by Alice',
      ja: 'Alice が キー 1234abcd-12ab-34cd-56ef-1234567890ab に DisableKeyRotation を実行',
    },
  },
  'a KMS key disabled (now critical)': {
    raw: () => record('docs-kms-DisableKey.json'),
    rule: 'kms-key-disabled',
    severity: 'critical',
    title: {
      en: 'DisableKey on key 1234abcd-12ab-34cd-56ef-1234567890ab by Alice',
      ja: 'Alice が キー 1234abcd-12ab-34cd-56ef-1234567890ab に DisableKey を実行',
    },
  },
  'an account closed in the organization': {
    raw: () => record('docs-organizations-CloseAccount.json'),
    rule: 'organizations-account-left',
    severity: 'critical',
    title: {
      en: 'CloseAccount on account 555555555555 by my-session-id',
      ja: 'my-session-id が アカウント 555555555555 に CloseAccount を実行',
    },
  },
  'the GuardDuty detector deleted (cloned)': {
    raw: () =>
      asCall(DOCS_CALL, 'guardduty.amazonaws.com', 'DeleteDetector', {
        detectorId: '12abc34d567e8fa901bc2d34e56789f0',
      }),
    rule: 'guardduty-disabled',
    severity: 'critical',
    title: {
      en: 'DeleteDetector on detector 12abc34d567e8fa901bc2d34e56789f0 by Alice',
      ja: 'Alice が ディテクター 12abc34d567e8fa901bc2d34e56789f0 に DeleteDetector を実行',
    },
  },
  'the GuardDuty detector switched off (cloned)': {
    raw: () => asCall(DOCS_CALL, 'guardduty.amazonaws.com', 'UpdateDetector', { detectorId: 'd-1', enable: false }),
    rule: 'guardduty-disabled',
    severity: 'critical',
    title: { en: 'UpdateDetector on detector d-1 by Alice', ja: 'Alice が ディテクター d-1 に UpdateDetector を実行' },
  },
  'an account leaving its GuardDuty administrator (cloned)': {
    raw: () =>
      asCall(DOCS_CALL, 'guardduty.amazonaws.com', 'DisassociateFromAdministratorAccount', { detectorId: 'd-1' }),
    rule: 'guardduty-disabled',
    severity: 'critical',
    title: {
      en: 'DisassociateFromAdministratorAccount on detector d-1 by Alice',
      ja: 'Alice が ディテクター d-1 に DisassociateFromAdministratorAccount を実行',
    },
  },
  'a GuardDuty setting that keeps the detector on (cloned)': {
    raw: () =>
      asCall(DOCS_CALL, 'guardduty.amazonaws.com', 'UpdateDetector', {
        detectorId: 'd-1',
        findingPublishingFrequency: 'SIX_HOURS',
      }),
    rule: 'guardduty-change',
    severity: 'warning',
    title: { en: 'UpdateDetector on detector d-1 by Alice', ja: 'Alice が ディテクター d-1 に UpdateDetector を実行' },
  },
  'Security Hub disabled (cloned)': {
    raw: () => asCall(DOCS_CALL, 'securityhub.amazonaws.com', 'DisableSecurityHub', null),
    rule: 'security-hub-disabled',
    severity: 'critical',
    title: { en: 'DisableSecurityHub by Alice', ja: 'Alice が DisableSecurityHub を実行' },
  },
  'Security Hub standards disabled (cloned)': {
    raw: () =>
      asCall(DOCS_CALL, 'securityhub.amazonaws.com', 'BatchDisableStandards', {
        standardsSubscriptionArns: [
          'arn:aws:securityhub:us-west-2:111122223333:subscription/cis-aws-foundations-benchmark/v/1.2.0',
        ],
      }),
    rule: 'security-hub-disabled',
    severity: 'critical',
    title: {
      en: 'BatchDisableStandards on standard cis-aws-foundations-benchmark/v/1.2.0 by Alice',
      ja: 'Alice が セキュリティ標準 cis-aws-foundations-benchmark/v/1.2.0 に BatchDisableStandards を実行',
    },
  },
  'IAM Access Analyzer deleted (cloned)': {
    raw: () =>
      asCall(DOCS_CALL, 'access-analyzer.amazonaws.com', 'DeleteAnalyzer', { analyzerName: 'ConsoleAnalyzer-1' }),
    rule: 'access-analyzer-deleted',
    severity: 'critical',
    title: {
      en: 'DeleteAnalyzer on analyzer ConsoleAnalyzer-1 by Alice',
      ja: 'Alice が アナライザー ConsoleAnalyzer-1 に DeleteAnalyzer を実行',
    },
  },
  'the account-level S3 Block Public Access deleted (cloned)': {
    raw: () => asCall(DOCS_CALL, 's3.amazonaws.com', 'DeleteAccountPublicAccessBlock', null),
    rule: 's3-account-public-access-block-removed',
    severity: 'critical',
    title: { en: 'DeleteAccountPublicAccessBlock by Alice', ja: 'Alice が DeleteAccountPublicAccessBlock を実行' },
  },
  'the account-level S3 Block Public Access weakened (cloned)': {
    raw: () =>
      asCall(DOCS_CALL, 's3.amazonaws.com', 'PutAccountPublicAccessBlock', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: false,
          RestrictPublicBuckets: false,
        },
      }),
    rule: 's3-account-public-access-block-removed',
    severity: 'critical',
    title: { en: 'PutAccountPublicAccessBlock by Alice', ja: 'Alice が PutAccountPublicAccessBlock を実行' },
  },
  'the account-level S3 Block Public Access fully on (cloned)': {
    raw: () =>
      asCall(DOCS_CALL, 's3.amazonaws.com', 'PutAccountPublicAccessBlock', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    rule: 's3-account-public-access-block-change',
    severity: 'warning',
    title: { en: 'PutAccountPublicAccessBlock by Alice', ja: 'Alice が PutAccountPublicAccessBlock を実行' },
  },
};

const patterns = eventPatterns(defaultRuleSet);
const table = Object.entries(cases);

describe('cloudtrail: high-value rules beyond CIS', () => {
  describe.each(['en', 'ja'] as const)('%s', (locale) => {
    it.each(table)('%s', async (_name, c) => {
      const n = await notificationOf(c.raw(), locale);
      const rule = defaultRules.find((r) => r.id === c.rule)!;
      expect([ruleIdOf(n), n.severity, n.title, field(n, 'result')]).toEqual([
        c.rule,
        c.severity,
        c.title[locale],
        (c.result ?? ok)[locale],
      ]);
      // The rule's own title, in the reader's language, opens the summary.
      expect(n.summary.startsWith(rule.title[locale])).toBe(true);
    });
  });

  it.each(table)('delivers %s through the generated EventBridge patterns', (_name, c) => {
    const event = wrapCloudTrailRecord(c.raw());
    expect(patterns.some((p) => matchesEventPattern(p.pattern, event))).toBe(true);
  });

  it('says who a snapshot or AMI was shared with', async () => {
    const n = await notificationOf(record('panther-ModifySnapshotAttribute-public.json'), 'en');
    expect(field(n, 'target')).toContain('shared with: all');
    expect(n.summary).toMatch(/^EBS snapshot or AMI made public \(all\)\./);
  });

  it('names the more specific rule when the root user makes a key for someone else, and notes root activity', async () => {
    const raw = {
      ...structuredClone(record('panther-CreateAccessKey-root-console.json')),
      requestParameters: { userName: 'example-user' },
    };
    const n = await notificationOf(raw, 'en');
    expect([ruleIdOf(n), n.severity, n.title]).toEqual([
      'iam-other-user-credentials',
      'critical',
      'CreateAccessKey on user example-user by root',
    ]);
    expect(n.notes).toEqual(['Also matches: root-activity']);
  });

  it('documents every built-in rule in the rules README', () => {
    const readme = readFileSync(
      new URL('../../../../../src/lib/core/sources/cloudtrail/README.md', import.meta.url),
      'utf8',
    );
    expect(defaultRules.map((r) => r.id).filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });
});
