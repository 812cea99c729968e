import { describe, expect, it } from 'vitest';
import {
  defaultRuleSet,
  defaultRules,
  eventPatterns,
  matchesEventPattern,
  matchRules,
  parseCloudTrailEvent,
  ruleMatches,
} from '../../../../../src/lib/core/sources/cloudtrail';
import { byRoot, call, ingress, signIn } from './records';

type Event = ReturnType<typeof call>;
const failed = (code: string) => ({ errorCode: code, errorMessage: `${code} for test` });
/** Account-level Block Public Access with every switch on, or with BlockPublicPolicy off. */
const accountBlock = (allOn: boolean) => ({
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: allOn,
    RestrictPublicBuckets: true,
  },
});
const volumePermission = (grantee: Record<string, string>) => ({
  snapshotId: 'snap-1',
  attributeType: 'CREATE_VOLUME_PERMISSION',
  createVolumePermission: { add: { items: [grantee] } },
});
const restore = (value: string) => ({ dBSnapshotIdentifier: 'db-1', attributeName: 'restore', valuesToAdd: [value] });

/** A matching event and a near miss for every default rule; a rule missing here fails the table. */
const cases: Record<string, { match: Event; nearMiss: Event }> = {
  'root-console-sign-in': {
    match: signIn({ root: true, success: true, mfa: 'Yes' }),
    nearMiss: signIn({ root: true, success: false }),
  },
  'root-console-sign-in-failure': {
    match: signIn({ root: true, success: false }),
    nearMiss: signIn({ root: true, success: true }),
  },
  'console-sign-in-without-mfa': {
    match: signIn({ success: true, mfa: 'No' }),
    nearMiss: signIn({ success: true, mfa: 'Yes' }),
  },
  'console-sign-in-failure': { match: signIn({ success: false }), nearMiss: signIn({ success: true, mfa: 'Yes' }) },
  'root-activity': {
    match: byRoot('ec2.amazonaws.com', 'DescribeInstances'),
    nearMiss: byRoot('ec2.amazonaws.com', 'RunInstances', {
      userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', invokedBy: 'autoscaling.amazonaws.com' },
    }),
  },
  'unauthorized-api-call': {
    match: call('s3.amazonaws.com', 'GetObject', failed('AccessDenied')),
    nearMiss: call('ec2.amazonaws.com', 'DescribeInstances', failed('RequestLimitExceeded')),
  },
  'cloudtrail-logging-stopped': {
    match: call('cloudtrail.amazonaws.com', 'StopLogging', { requestParameters: { name: 'management-events' } }),
    nearMiss: call('cloudtrail.amazonaws.com', 'StopLogging', failed('InvalidTrailNameException')),
  },
  'cloudtrail-change': {
    match: call('cloudtrail.amazonaws.com', 'PutEventSelectors', {
      requestParameters: { trailName: 'management-events' },
    }),
    nearMiss: call('cloudtrail.amazonaws.com', 'DescribeTrails'),
  },
  'config-recording-stopped': {
    match: call('config.amazonaws.com', 'StopConfigurationRecorder', {
      requestParameters: { configurationRecorderName: 'default' },
    }),
    nearMiss: call('config.amazonaws.com', 'StartConfigurationRecorder'),
  },
  'config-change': {
    match: call('config.amazonaws.com', 'PutDeliveryChannel'),
    nearMiss: call('config.amazonaws.com', 'DescribeDeliveryChannels'),
  },
  'kms-key-deletion': {
    match: call('kms.amazonaws.com', 'ScheduleKeyDeletion', {
      requestParameters: { keyId: 'k-1', pendingWindowInDays: 7 },
    }),
    nearMiss: call('kms.amazonaws.com', 'CancelKeyDeletion'),
  },
  'kms-key-disabled': {
    match: call('kms.amazonaws.com', 'DisableKey', { requestParameters: { keyId: 'k-1' } }),
    nearMiss: call('kms.amazonaws.com', 'DisableKey', failed('KMSInvalidStateException')),
  },
  'kms-key-policy-changed': {
    match: call('kms.amazonaws.com', 'PutKeyPolicy', { requestParameters: { keyId: 'k-1', policyName: 'default' } }),
    nearMiss: call('kms.amazonaws.com', 'GetKeyPolicy'),
  },
  'kms-key-rotation-disabled': {
    match: call('kms.amazonaws.com', 'DisableKeyRotation', { requestParameters: { keyId: 'k-1' } }),
    nearMiss: call('kms.amazonaws.com', 'EnableKeyRotation'),
  },
  'kms-key-change': {
    match: call('kms.amazonaws.com', 'DisableKey', failed('KMSInvalidStateException')),
    nearMiss: call('kms.amazonaws.com', 'EnableKey'),
  },
  'iam-admin-policy-attached': {
    match: call('iam.amazonaws.com', 'AttachRolePolicy', {
      requestParameters: { roleName: 'ci', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    }),
    nearMiss: call('iam.amazonaws.com', 'AttachRolePolicy', {
      requestParameters: { roleName: 'ci', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    }),
  },
  'iam-policy-change': {
    match: call('iam.amazonaws.com', 'DetachUserPolicy'),
    nearMiss: call('iam.amazonaws.com', 'GetPolicy'),
  },
  'iam-other-user-credentials': {
    match: call('iam.amazonaws.com', 'UpdateLoginProfile', { requestParameters: { userName: 'bob' } }),
    nearMiss: call('iam.amazonaws.com', 'CreateAccessKey', { requestParameters: { userName: 'alice' } }),
  },
  'iam-credential-change': {
    match: call('iam.amazonaws.com', 'CreateUser', { requestParameters: { userName: 'bob' } }),
    nearMiss: call('iam.amazonaws.com', 'ListAccessKeys'),
  },
  's3-account-public-access-block-removed': {
    match: call('s3.amazonaws.com', 'PutAccountPublicAccessBlock', { requestParameters: accountBlock(false) }),
    nearMiss: call('s3.amazonaws.com', 'PutAccountPublicAccessBlock', { requestParameters: accountBlock(true) }),
  },
  's3-account-public-access-block-change': {
    match: call('s3.amazonaws.com', 'PutAccountPublicAccessBlock', { requestParameters: accountBlock(true) }),
    nearMiss: call('s3.amazonaws.com', 'GetAccountPublicAccessBlock'),
  },
  'ec2-snapshot-or-image-made-public': {
    match: call('ec2.amazonaws.com', 'ModifySnapshotAttribute', {
      requestParameters: volumePermission({ group: 'all' }),
    }),
    nearMiss: call('ec2.amazonaws.com', 'ModifySnapshotAttribute', {
      requestParameters: volumePermission({ userId: '444455556666' }),
    }),
  },
  'ec2-snapshot-or-image-shared': {
    match: call('ec2.amazonaws.com', 'ModifySnapshotAttribute', {
      requestParameters: volumePermission({ userId: '444455556666' }),
    }),
    nearMiss: call('ec2.amazonaws.com', 'DescribeSnapshotAttribute'),
  },
  'rds-snapshot-made-public': {
    match: call('rds.amazonaws.com', 'ModifyDBClusterSnapshotAttribute', { requestParameters: restore('all') }),
    nearMiss: call('rds.amazonaws.com', 'ModifyDBClusterSnapshotAttribute', {
      requestParameters: restore('444455556666'),
    }),
  },
  'rds-snapshot-shared': {
    match: call('rds.amazonaws.com', 'ModifyDBSnapshotAttribute', { requestParameters: restore('444455556666') }),
    nearMiss: call('rds.amazonaws.com', 'DescribeDBSnapshotAttributes'),
  },
  'vpc-flow-logs-deleted': {
    match: call('ec2.amazonaws.com', 'DeleteFlowLogs'),
    nearMiss: call('ec2.amazonaws.com', 'DeleteFlowLogs', failed('InvalidFlowLogId.NotFound')),
  },
  'guardduty-disabled': {
    match: call('guardduty.amazonaws.com', 'UpdateDetector', {
      requestParameters: { detectorId: 'd-1', enable: false },
    }),
    nearMiss: call('guardduty.amazonaws.com', 'UpdateDetector', {
      requestParameters: { detectorId: 'd-1', enable: true },
    }),
  },
  'guardduty-change': {
    match: call('guardduty.amazonaws.com', 'UpdateDetector', {
      requestParameters: { detectorId: 'd-1', findingPublishingFrequency: 'SIX_HOURS' },
    }),
    nearMiss: call('guardduty.amazonaws.com', 'ListDetectors'),
  },
  'security-hub-disabled': {
    match: call('securityhub.amazonaws.com', 'DisableSecurityHub'),
    nearMiss: call('securityhub.amazonaws.com', 'DisableSecurityHub', failed('InvalidAccessException')),
  },
  'security-hub-change': {
    match: call('securityhub.amazonaws.com', 'BatchDisableStandards', failed('InvalidInputException')),
    nearMiss: call('securityhub.amazonaws.com', 'BatchEnableStandards'),
  },
  'access-analyzer-deleted': {
    match: call('access-analyzer.amazonaws.com', 'DeleteAnalyzer', { requestParameters: { analyzerName: 'a-1' } }),
    nearMiss: call('access-analyzer.amazonaws.com', 'DeleteAnalyzer', failed('ConflictException')),
  },
  'access-analyzer-change': {
    match: call('access-analyzer.amazonaws.com', 'DeleteAnalyzer', failed('ConflictException')),
    nearMiss: call('access-analyzer.amazonaws.com', 'CreateAnalyzer'),
  },
  's3-bucket-made-public': {
    match: call('s3.amazonaws.com', 'DeleteBucketPublicAccessBlock', { requestParameters: { bucketName: 'b' } }),
    nearMiss: call('s3.amazonaws.com', 'PutBucketPolicy', {
      requestParameters: {
        bucketName: 'b',
        bucketPolicy: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
            },
          ],
        },
      },
    }),
  },
  's3-bucket-policy-change': {
    match: call('s3.amazonaws.com', 'PutBucketLifecycle'),
    nearMiss: call('s3.amazonaws.com', 'GetBucketPolicy'),
  },
  'security-group-open-to-world': {
    match: call('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', { requestParameters: ingress('::/0', 3389) }),
    nearMiss: call('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', {
      requestParameters: ingress('10.0.0.0/8', 22),
    }),
  },
  'security-group-change': {
    match: call('ec2.amazonaws.com', 'RevokeSecurityGroupEgress'),
    nearMiss: call('ec2.amazonaws.com', 'DescribeSecurityGroups'),
  },
  'network-acl-change': {
    match: call('ec2.amazonaws.com', 'ReplaceNetworkAclAssociation'),
    nearMiss: call('ec2.amazonaws.com', 'DescribeNetworkAcls'),
  },
  'network-gateway-change': {
    match: call('ec2.amazonaws.com', 'DetachInternetGateway'),
    nearMiss: call('ec2.amazonaws.com', 'DescribeInternetGateways'),
  },
  'route-table-change': {
    match: call('ec2.amazonaws.com', 'DisassociateRouteTable'),
    nearMiss: call('ec2.amazonaws.com', 'DescribeRouteTables'),
  },
  'vpc-change': {
    match: call('ec2.amazonaws.com', 'EnableVpcClassicLink'),
    nearMiss: call('ec2.amazonaws.com', 'DescribeVpcs'),
  },
  'organizations-account-left': {
    match: call('organizations.amazonaws.com', 'CloseAccount', { requestParameters: { accountId: '555555555555' } }),
    nearMiss: call('organizations.amazonaws.com', 'LeaveOrganization', failed('ConstraintViolationException')),
  },
  'organizations-change': {
    match: call('organizations.amazonaws.com', 'MoveAccount'),
    nearMiss: call('organizations.amazonaws.com', 'DescribeOrganization'),
  },
};

const patterns = eventPatterns(defaultRuleSet);
const delivered = (event: unknown) => patterns.some((p) => matchesEventPattern(p.pattern, event));

describe('cloudtrail: default rules', () => {
  it.each(defaultRules.map((r) => [r.id, r] as const))(
    '%s: names its match and lets its near miss pass',
    (id, rule) => {
      const c = cases[id];
      expect(c, `add a match and a near miss for rule ${id}`).toBeDefined();
      const match = matchRules(parseCloudTrailEvent(c!.match), defaultRuleSet);
      expect(match.kind === 'matched' && match.rule.id).toBe(id);
      expect(delivered(c!.match)).toBe(true);
      expect(ruleMatches(rule, parseCloudTrailEvent(c!.nearMiss))).toBe(false);
    },
  );

  it('has no stale test cases', () => {
    expect(Object.keys(cases).sort()).toEqual(defaultRules.map((r) => r.id).sort());
  });

  const named = defaultRules.flatMap((r) => (r.eventNames ?? []).map((n) => [r.id, r.eventSource!, n, r] as const));
  it.each(named)('%s: %s %s reaches the handler and notifies', (_id, source, name, rule) => {
    const event = source === 'signin.amazonaws.com' ? signIn({ success: false }) : call(source, name);
    expect(delivered(event)).toBe(true);
    expect(matchRules(parseCloudTrailEvent(event), defaultRuleSet).kind).toBe('matched');
    if (!rule.when) expect(ruleMatches(rule, parseCloudTrailEvent(event))).toBe(true);
  });

  it('covers every call the issue lists (CIS CloudWatch.1–14 and Organizations)', () => {
    const listed = `DeleteGroupPolicy DeleteRolePolicy DeleteUserPolicy PutGroupPolicy PutRolePolicy PutUserPolicy
      CreatePolicy DeletePolicy CreatePolicyVersion DeletePolicyVersion AttachRolePolicy DetachRolePolicy AttachUserPolicy
      DetachUserPolicy AttachGroupPolicy DetachGroupPolicy CreateUser CreateAccessKey CreateLoginProfile UpdateAssumeRolePolicy
      CreateTrail UpdateTrail DeleteTrail StartLogging StopLogging PutEventSelectors DisableKey ScheduleKeyDeletion
      PutBucketAcl PutBucketPolicy PutBucketCors PutBucketLifecycle PutBucketReplication DeleteBucketPolicy DeleteBucketCors
      DeleteBucketLifecycle DeleteBucketReplication PutBucketPublicAccessBlock DeleteBucketPublicAccessBlock
      StopConfigurationRecorder DeleteDeliveryChannel PutDeliveryChannel PutConfigurationRecorder
      AuthorizeSecurityGroupIngress AuthorizeSecurityGroupEgress RevokeSecurityGroupIngress RevokeSecurityGroupEgress
      CreateSecurityGroup DeleteSecurityGroup CreateNetworkAcl CreateNetworkAclEntry DeleteNetworkAcl DeleteNetworkAclEntry
      ReplaceNetworkAclEntry ReplaceNetworkAclAssociation CreateCustomerGateway DeleteCustomerGateway AttachInternetGateway
      CreateInternetGateway DeleteInternetGateway DetachInternetGateway CreateRoute CreateRouteTable ReplaceRoute
      ReplaceRouteTableAssociation DeleteRouteTable DeleteRoute DisassociateRouteTable CreateVpc DeleteVpc ModifyVpcAttribute
      AcceptVpcPeeringConnection CreateVpcPeeringConnection DeleteVpcPeeringConnection RejectVpcPeeringConnection
      AttachClassicLinkVpc DetachClassicLinkVpc DisableVpcClassicLink EnableVpcClassicLink AcceptHandshake AttachPolicy
      CreateAccount CreateOrganizationalUnit DeclineHandshake DeleteOrganization DeleteOrganizationalUnit DetachPolicy
      DisablePolicyType EnablePolicyType InviteAccountToOrganization LeaveOrganization MoveAccount
      RemoveAccountFromOrganization UpdatePolicy UpdateOrganizationalUnit ConsoleLogin`.split(/\s+/);
    const covered = new Set(defaultRules.flatMap((r) => r.eventNames ?? []));
    expect(listed.filter((n) => !covered.has(n))).toEqual([]);
  });

  it.each([
    ['ingress from 0.0.0.0/0 and ::/0', ingress('0.0.0.0/0', 22), 'tcp 22 from 0.0.0.0/0'],
    ['ingress from ::/0', ingress('::/0', 443), 'tcp 443 from ::/0'],
  ])('says which ports a security group opens (%s)', (_name, requestParameters, ports) => {
    const event = call('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', { requestParameters });
    const rule = defaultRules.find((r) => r.id === 'security-group-open-to-world')!;
    expect(rule.details?.(parseCloudTrailEvent(event).record).highlight).toBe(ports);
  });

  it('ranks a critical match above a warning one, and ties by list order', () => {
    const ranked = matchRules(parseCloudTrailEvent(byRoot('cloudtrail.amazonaws.com', 'StopLogging')), defaultRuleSet);
    expect(ranked.kind === 'matched' && [ranked.rule.id, ranked.others.map((r) => r.id)]).toEqual([
      'cloudtrail-logging-stopped',
      ['root-activity'],
    ]);
  });
});
