import { describe, expect, it } from 'vitest';
import { describePrincipal, describeVia, type UserIdentity } from '../../../../../src/lib/core/sources/cloudtrail';
import { principalLabel } from '../../../../../src/lib/core/sources/cloudtrail/present';

const record = (userIdentity: UserIdentity, extra: Record<string, unknown> = {}) =>
  ({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', userIdentity, ...extra }) as Parameters<
    typeof describePrincipal
  >[0];

describe('cloudtrail: who made the call', () => {
  it.each<[string, UserIdentity, Record<string, unknown>, string, string]>([
    [
      'root with a long-term key',
      { type: 'Root', arn: 'arn:aws:iam::1:root', accessKeyId: 'AKIAROOT' },
      {},
      'root (root user, no MFA)',
      'root（ルートユーザー、MFA なし）',
    ],
    [
      'IAM user, console session with MFA',
      { type: 'IAMUser', userName: 'alice', sessionContext: { attributes: { mfaAuthenticated: 'true' } } },
      {},
      'alice (IAM user, MFA)',
      'alice（IAM ユーザー、MFA あり）',
    ],
    [
      'assumed role session',
      {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::1:assumed-role/Operator/ryan',
        sessionContext: { sessionIssuer: { userName: 'Operator' }, attributes: { mfaAuthenticated: 'false' } },
      },
      {},
      'ryan (assumed role Operator, no MFA)',
      'ryan（引き受けたロール Operator、MFA なし）',
    ],
    [
      'Identity Center permission set',
      {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::1:assumed-role/AWSReservedSSO_Admin_0123/kim@example.com',
        sessionContext: { sessionIssuer: { userName: 'AWSReservedSSO_Admin_0123' } },
      },
      {},
      'kim@example.com (IAM Identity Center user AWSReservedSSO_Admin_0123)',
      'kim@example.com（IAM Identity Center ユーザー AWSReservedSSO_Admin_0123）',
    ],
    [
      'federated user',
      { type: 'FederatedUser', arn: 'arn:aws:sts::1:federated-user/Bob' },
      {},
      'Bob (federated user)',
      'Bob（フェデレーティッドユーザー）',
    ],
    [
      'AWS service',
      { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' },
      {},
      'cloudtrail.amazonaws.com (AWS service)',
      'cloudtrail.amazonaws.com（AWS サービス）',
    ],
    [
      'another account',
      { type: 'AWSAccount', accountId: '777788889999' },
      {},
      '777788889999 (AWS account)',
      '777788889999（AWS アカウント）',
    ],
    [
      'Identity Center user',
      { type: 'IdentityCenterUser', onBehalfOf: { userId: 'u-123' } },
      {},
      'u-123 (IAM Identity Center user)',
      'u-123（IAM Identity Center ユーザー）',
    ],
    [
      'sign-in with MFA',
      { type: 'IAMUser', userName: 'alice' },
      { additionalEventData: { MFAUsed: 'YES' } },
      'alice (IAM user, MFA)',
      'alice（IAM ユーザー、MFA あり）',
    ],
    ['an unknown type', { type: 'SAMLUser', principalId: 'p-1' }, {}, 'p-1 (SAMLUser)', 'p-1（SAMLUser）'],
    ['no identity at all', {}, {}, 'unknown (unknown principal)', 'unknown（不明なプリンシパル）'],
  ])('%s', (_name, userIdentity, extra, en, ja) => {
    const p = describePrincipal(record(userIdentity, extra));
    expect([principalLabel(p, 'en'), principalLabel(p, 'ja')]).toEqual([en, ja]);
  });
});

describe('cloudtrail: how the call was made', () => {
  it.each([
    ['aws-cli/2.17.60 md/awscrt#0.21.2 ua/2.0', undefined, 'cli', 'aws-cli/2.17.60'],
    [
      'APN/1.0 HashiCorp/1.0 Terraform/1.9.5 (+https://www.terraform.io) terraform-provider-aws/5.70.0',
      undefined,
      'terraform',
      'Terraform/1.9.5',
    ],
    ['cloudformation.amazonaws.com', undefined, 'cloudformation', 'cloudformation.amazonaws.com'],
    ['Boto3/1.34.0 md/Botocore#1.34.0 Python/3.12', undefined, 'sdk', 'Boto3/1.34.0'],
    ['aws-sdk-go/1.24.1 (go1.14; darwin; amd64)', undefined, 'sdk', 'aws-sdk-go/1.24.1'],
    ['Mozilla/5.0 (Macintosh)', undefined, 'console', undefined],
    ['console.ec2.amazonaws.com', undefined, 'console', undefined],
    ['AWS Internal', 'true', 'console', undefined],
    ['AWS Internal', undefined, 'aws-internal', undefined],
    ['autoscaling.amazonaws.com', undefined, 'aws-service', 'autoscaling.amazonaws.com'],
    ['curl/8.0', undefined, 'other', 'curl/8.0'],
    [undefined, undefined, 'unknown', undefined],
  ])('%s (console session %s) is %s', (userAgent, sessionCredentialFromConsole, kind, excerpt) => {
    const via = describeVia({ userAgent, sessionCredentialFromConsole });
    expect([via.kind, via.userAgent]).toEqual([kind, excerpt]);
  });
});
