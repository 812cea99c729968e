import { describe, expect, it } from 'vitest';
import type { RenderContext } from '../../../../../src/lib/core/locale';
import { type Notification, notificationSchema } from '../../../../../src/lib/core/notification';
import { sources } from '../../../../../src/lib/core/sources';
import { defaultRuleSet } from '../../../../../src/lib/core/sources/cloudtrail';
import { type PipelineResult, processEvent } from '../../../../../src/lib/pipeline';
import { cloudTrailFixtureFiles } from './fixtures';

/*
 * Every CloudTrail fixture file, as it is, through the production path (processEvent → classify →
 * the API-call route with the default rule set). What people read (email, Slack, en and ja) is in
 * the fixture table, tests/cli/render-fixtures.test.ts; here each fixture states what it becomes.
 */

const ctx = (locale: 'en' | 'ja', timeZone = 'UTC'): RenderContext => ({
  locale,
  timeZone,
  now: new Date('2025-01-01T00:00:00Z'),
});
const files = cloudTrailFixtureFiles();
const run = (input: unknown, c = ctx('en')) => processEvent(input, { sources, ctx: c, ruleSet: defaultRuleSet });
const input = (name: string) => structuredClone(files.find((f) => f.name === name)!.input);

/** The id of the rule that made an API-call notification (its "Rule" field: `id (reference)`). */
const ruleOf = (n: Notification) => n.fields.find((f) => f.label === 'Rule')?.value.split(' ')[0];

/** One line per record: `severity rule-id` for an API call, `category severity` otherwise, or why it was ignored. */
const outcomes = (result: PipelineResult) => [
  ...result.notifications.map((n) =>
    n.category === 'api-call' ? `${n.severity} ${ruleOf(n)}` : `${n.category} ${n.severity}`,
  ),
  ...result.ignored.map((i) => `ignored: ${i.reason}`),
];

/** What each fixture becomes with the default rules, record by record. */
const expected: Record<string, string[]> = {
  'records/autoops-DescribeTags-Client.UnauthorizedOperation-assumed-role.json': ['warning unauthorized-api-call'],
  'records/beats-UpdateTrail-log-validation-disabled-iam-user-console.json': ['warning cloudtrail-change'],
  'records/c7n-RunInstances-assumed-role.json': ['ignored: no rule matches ec2.amazonaws.com RunInstances'],
  'records/c7n-RunInstances-root.json': ['ignored: no rule matches ec2.amazonaws.com RunInstances'],
  'records/docs-CheckMfa-iam-user-multiple-devices.json': ['ignored: no rule matches signin.amazonaws.com CheckMfa'],
  'records/docs-CheckMfa-iam-user-single-device.json': ['ignored: no rule matches signin.amazonaws.com CheckMfa'],
  'records/docs-ConsoleLogin-iam-user-failure.json': ['warning console-sign-in-failure'],
  'records/docs-ConsoleLogin-iam-user-success-mfa.json': ['ignored: no rule matches signin.amazonaws.com ConsoleLogin'],
  'records/docs-ConsoleLogin-iam-user-success-no-mfa.json': ['critical console-sign-in-without-mfa'],
  'records/docs-ConsoleLogin-root-failure.json': ['warning root-console-sign-in-failure'],
  'records/docs-ConsoleLogin-root-success-mfa.json': ['critical root-console-sign-in'],
  'records/docs-ConsoleLogin-root-success-no-mfa.json': ['critical root-console-sign-in'],
  'records/docs-EnableMFADevice-root.json': ['critical root-activity'],
  'records/docs-PasswordUpdated-root.json': ['critical root-activity'],
  'records/docs-iam-AssumeRole-cross-account-AWSAccount.json': [
    'ignored: no rule matches sts.amazonaws.com AssumeRole',
  ],
  'records/docs-iam-AssumeRole-cross-account-iam-user.json': ['ignored: no rule matches sts.amazonaws.com AssumeRole'],
  'records/docs-iam-AssumeRole-role-chaining-AssumedRole.json': [
    'ignored: no rule matches sts.amazonaws.com AssumeRole',
  ],
  'records/docs-iam-ConsoleLogin-failure-HIDDEN_DUE_TO_SECURITY_REASONS.json': ['warning console-sign-in-failure'],
  'records/docs-iam-DeleteBucket-assumed-role-service-invoked.json': [
    'ignored: no rule matches s3.amazonaws.com DeleteBucket',
  ],
  'records/docs-kms-DisableKey.json': ['critical kms-key-disabled'],
  'records/docs-kms-DisableKeyRotation.json': ['warning kms-key-rotation-disabled'],
  'records/docs-kms-PutKeyPolicy.json': ['warning kms-key-policy-changed'],
  'records/docs-kms-ScheduleKeyDeletion.json': ['critical kms-key-deletion'],
  'records/docs-log-file-AddUserToGroup.json': ['warning iam-credential-change'],
  'records/docs-log-file-CreateUser.json': ['warning iam-credential-change'],
  'records/docs-log-file-Insights-ApiCallRateInsight.json': ['event info', 'event info'],
  'records/docs-log-file-StartInstances.json': ['ignored: no rule matches ec2.amazonaws.com StartInstances'],
  'records/docs-log-file-UpdateTrail-TrailNotFoundException.json': ['warning cloudtrail-change'],
  'records/docs-organizations-CloseAccount.json': ['critical organizations-account-left'],
  'records/docs-sso-CredentialChallenge-password.json': [
    'ignored: no rule matches signin.amazonaws.com CredentialChallenge',
  ],
  'records/docs-sso-CredentialVerification-password-failure.json': ['warning console-sign-in-failure'],
  'records/docs-workspaces-UserAuthentication-smartcard.json': [
    'ignored: no rule matches signin.amazonaws.com UserAuthentication',
  ],
  'records/elastic-AttachUserPolicy-AdministratorAccess-assumed-role.json': ['critical iam-admin-policy-attached'],
  'records/elastic-AuthorizeSecurityGroupIngress-ssh-iam-user.json': ['warning security-group-change'],
  'records/elastic-ConsoleLogin-assumed-role-failure.json': ['warning console-sign-in-failure'],
  'records/elastic-CreateAccessKey-iam-user-console.json': ['critical iam-other-user-credentials'],
  'records/elastic-CreateTrail-iam-user-console.json': ['warning cloudtrail-change'],
  'records/elastic-DeleteTrail-iam-user-cli.json': ['critical cloudtrail-logging-stopped'],
  'records/elastic-ScheduleKeyDeletion-iam-user-cli.json': ['critical kms-key-deletion'],
  'records/elastic-StopLogging-iam-user-console.json': ['critical cloudtrail-logging-stopped'],
  'records/fivexl-UpdateFunctionCode.json': [
    'ignored: no rule matches lambda.amazonaws.com UpdateFunctionCode20150331v2',
  ],
  'records/fivexl-UpdateFunctionConfiguration.json': [
    'ignored: no rule matches lambda.amazonaws.com UpdateFunctionConfiguration20150331v2',
  ],
  'records/fivexl-access_denied.json': ['warning unauthorized-api-call'],
  'records/fivexl-cloudtrail_delete_trail.json': ['critical cloudtrail-logging-stopped'],
  'records/fivexl-cloudtrail_stop_logging.json': ['critical cloudtrail-logging-stopped'],
  'records/fivexl-cloudtrail_update_trail.json': ['warning cloudtrail-change'],
  'records/fivexl-console_login_without_MFA_and_SSO.json': ['critical console-sign-in-without-mfa'],
  'records/fivexl-non_read_action_by_root.json': ['critical root-console-sign-in'],
  'records/fivexl-unauthorized_operation.json': ['warning unauthorized-api-call'],
  'records/panther-AttachInternetGateway.json': ['warning network-gateway-change'],
  'records/panther-AttachUserPolicy-AdministratorAccess.json': ['critical iam-admin-policy-attached'],
  'records/panther-AuthorizeSecurityGroupEgress-0.0.0.0-0-terraform.json': ['warning security-group-change'],
  'records/panther-AuthorizeSecurityGroupIngress-0.0.0.0-0.json': ['critical security-group-open-to-world'],
  'records/panther-AuthorizeSecurityGroupIngress-UnauthorizedOperation.json': ['warning security-group-change'],
  'records/panther-ConsoleLogin-iam-user-no-mfa.json': ['critical console-sign-in-without-mfa'],
  'records/panther-ConsoleLogin-root-failure.json': ['warning root-console-sign-in-failure'],
  'records/panther-ConsoleLogin-root-success.json': ['critical root-console-sign-in'],
  'records/panther-ConsoleLogin-sso-assumed-role.json': ['ignored: no rule matches signin.amazonaws.com ConsoleLogin'],
  'records/panther-CreateAccessKey-for-other-user.json': ['critical iam-other-user-credentials'],
  'records/panther-CreateAccessKey-root-console.json': ['critical root-activity'],
  'records/panther-CreateNetworkAclEntry-0.0.0.0-0.json': ['warning network-acl-change'],
  'records/panther-CreateRoute.json': ['warning route-table-change'],
  'records/panther-CreateServiceLinkedRole-AccessDenied.json': ['warning unauthorized-api-call'],
  'records/panther-CreateTrail-assumed-role.json': ['warning cloudtrail-change'],
  'records/panther-CreateUser-assumed-role.json': ['warning iam-credential-change'],
  'records/panther-CreateVpc.json': ['warning vpc-change'],
  'records/panther-DeleteFlowLogs-assumed-role.json': ['critical vpc-flow-logs-deleted'],
  'records/panther-DeleteTrail-assumed-role.json': ['critical cloudtrail-logging-stopped'],
  'records/panther-DisableKey.json': ['critical kms-key-disabled'],
  'records/panther-ExternalIdPDirectoryLogin-root-failure.json': ['warning root-console-sign-in-failure'],
  'records/panther-ModifyImageAttribute-public.json': ['critical ec2-snapshot-or-image-made-public'],
  'records/panther-ModifySnapshotAttribute-public.json': ['critical ec2-snapshot-or-image-made-public'],
  'records/panther-PasswordUpdated-root-failure.json': ['warning root-console-sign-in-failure'],
  'records/panther-PutBucketAcl-AccessDenied.json': ['warning s3-bucket-policy-change'],
  'records/panther-PutBucketAcl.json': ['warning s3-bucket-policy-change'],
  'records/panther-PutBucketPolicy-public.json': ['critical s3-bucket-made-public'],
  'records/panther-PutBucketVersioning-root.json': ['critical root-activity'],
  'records/panther-PutUserPolicy-AWSCompromisedKeyQuarantineV3.json': ['warning iam-policy-change'],
  'records/panther-ScheduleKeyDeletion.json': ['critical kms-key-deletion'],
  'records/panther-StopLogging-assumed-role.json': ['critical cloudtrail-logging-stopped'],
  'records/panther-StopLogging-error-InvalidTrailNameException.json': ['warning cloudtrail-change'],
  'records/panther-UpdateLoginProfile-other-user.json': ['critical iam-other-user-credentials'],
  'records/stratus-CreateLoginProfile-other-user.json': ['critical iam-other-user-credentials'],
  'records/stratus-ModifyDBSnapshotAttribute-shared.json': ['warning rds-snapshot-shared'],
  'eventbridge-AttachVolume-iam-user-console-session-autoops.json': [
    'ignored: no rule matches ec2.amazonaws.com AttachVolume',
  ],
  'eventbridge-ConsoleLogin-root-success-no-mfa-docs.json': ['critical root-console-sign-in'],
  'eventbridge-CreateBucket-assumed-role-c7n.json': ['ignored: no rule matches s3.amazonaws.com CreateBucket'],
  'eventbridge-CreateBucket-root-c7n.json': ['critical root-activity'],
  'eventbridge-CreateBucket-root-docs.json': ['critical root-activity'],
  'eventbridge-DeleteTransitGatewayVpcAttachment-assumed-role-c7n.json': [
    'ignored: no rule matches ec2.amazonaws.com DeleteTransitGatewayVpcAttachment',
  ],
  'eventbridge-glue-PutResourcePolicy-iam-user-c7n.json': [
    'ignored: no rule matches glue.amazonaws.com PutResourcePolicy',
  ],
};

describe('cloudtrail: every fixture through processEvent with the default rules', () => {
  it('lists every fixture file', () => {
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files.map((f) => [f.name, f.input] as const))('%s', async (name, event) => {
    const result = await run(event);
    expect(result.errors).toEqual([]);
    for (const n of result.notifications) expect(notificationSchema.parse(n)).toEqual(n);
    expect(outcomes(result)).toEqual(expected[name]);
  });

  it('notifies for most fixtures and ignores the routine ones (summary)', async () => {
    const results = await Promise.all(files.map(async (f) => [f.name, await run(f.input)] as const));
    const notifications = results.flatMap(([, r]) => r.notifications);
    const count = (values: string[]) =>
      Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));
    expect({
      files: results.length,
      records: notifications.length + results.reduce((sum, [, r]) => sum + r.ignored.length, 0),
      notified: notifications.length,
      bySeverity: count(notifications.map((n) => n.severity)),
      byCategory: count(notifications.map((n) => n.category)),
      ignored: results.flatMap(([name, r]) => r.ignored.map(() => name)),
    }).toEqual({
      files: 91,
      records: 92,
      notified: 73,
      bySeverity: { critical: 37, info: 2, warning: 34 },
      byCategory: { 'api-call': 71, event: 2 },
      ignored: [
        'records/c7n-RunInstances-assumed-role.json',
        'records/c7n-RunInstances-root.json',
        'records/docs-CheckMfa-iam-user-multiple-devices.json',
        'records/docs-CheckMfa-iam-user-single-device.json',
        'records/docs-ConsoleLogin-iam-user-success-mfa.json',
        'records/docs-iam-AssumeRole-cross-account-AWSAccount.json',
        'records/docs-iam-AssumeRole-cross-account-iam-user.json',
        'records/docs-iam-AssumeRole-role-chaining-AssumedRole.json',
        'records/docs-iam-DeleteBucket-assumed-role-service-invoked.json',
        'records/docs-log-file-StartInstances.json',
        'records/docs-sso-CredentialChallenge-password.json',
        'records/docs-workspaces-UserAuthentication-smartcard.json',
        'records/fivexl-UpdateFunctionCode.json',
        'records/fivexl-UpdateFunctionConfiguration.json',
        'records/panther-ConsoleLogin-sso-assumed-role.json',
        'eventbridge-AttachVolume-iam-user-console-session-autoops.json',
        'eventbridge-CreateBucket-assumed-role-c7n.json',
        'eventbridge-DeleteTransitGatewayVpcAttachment-assumed-role-c7n.json',
        'eventbridge-glue-PutResourcePolicy-iam-user-c7n.json',
      ],
    });
  });

  it('renders a CloudTrail Insights log file as one generic event notification per record, naming the API', async () => {
    const result = await run(input('records/docs-log-file-Insights-ApiCallRateInsight.json'));
    expect(result.ignored).toEqual([]);
    expect(result.notifications).toHaveLength(2);
    for (const n of result.notifications) {
      expect(n).toMatchObject({
        category: 'event',
        severity: 'info',
        source: { type: 'aws.cloudtrail/AWS Insight via CloudTrail' },
      });
      expect(n.fields).toContainEqual({ label: 'insightDetails.eventName', value: 'UpdateInstanceInformation' });
    }
    expect(result.notifications.map((n) => n.fields.find((f) => f.label === 'insightDetails.state')?.value)).toEqual([
      'Start',
      'End',
    ]);
  });

  it.each([
    ['records/elastic-StopLogging-iam-user-console.json', 'Alice が 証跡 TEST-trail に StopLogging を実行'],
    [
      'records/panther-AuthorizeSecurityGroupIngress-0.0.0.0-0.json',
      'ryan@example.com が セキュリティグループ sg-0d921df5d84f7270a に AuthorizeSecurityGroupIngress を実行',
    ],
    ['records/panther-ConsoleLogin-root-success.json', 'root（ルートユーザー、MFA なし） が ConsoleLogin を実行'],
    [
      'records/fivexl-access_denied.json',
      'XXXXXXXXXXXXXXXXXXXXX が DescribeEventAggregates を実行（失敗: AccessDenied）',
    ],
    [
      'records/panther-PutBucketAcl-AccessDenied.json',
      'tester が バケット bucket に PutBucketAcl を実行（失敗: AccessDenied）',
    ],
  ])('%s in Japanese has the title %s', async (name, title) => {
    const { notifications } = await run(input(name), ctx('ja', 'Asia/Tokyo'));
    expect(notifications.map((n) => [n.locale, n.title])).toEqual([['ja', title]]);
  });
});
