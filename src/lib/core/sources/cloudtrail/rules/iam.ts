import { paramDetails } from '../details';
import { requestParam, succeeded } from '../record';
import type { RuleDescriptions } from '../rule';
import type { CloudTrailRecord } from '../schemas';
import { defineRule } from './define';

const IAM = 'iam.amazonaws.com';
const ATTACH_POLICY = ['AttachRolePolicy', 'AttachUserPolicy', 'AttachGroupPolicy'];
/** The AWS managed policy granting every action on every resource. */
const ADMIN_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

const iamDetails = paramDetails(
  [
    ['userName', 'user'],
    ['roleName', 'role'],
    ['groupName', 'group'],
    ['policyArn', 'policy'],
    ['policyName', 'policy'],
  ],
  ['versionId', 'setAsDefault'],
);
/** The caller's own user or session name(s): a user may reset their own password or make their own key. */
function callerNames(r: CloudTrailRecord): string[] {
  const ui = r.userIdentity;
  return [ui?.userName, ui?.arn?.split('/').pop()].filter((n): n is string => Boolean(n));
}
/** The user a credential call acts on, when it names one other than the caller (absent = the caller). */
const forAnotherUser = (r: CloudTrailRecord) => {
  const target = requestParam(r, 'userName');
  return typeof target === 'string' && target !== '' && !callerNames(r).includes(target);
};
const isAdminAttach = (r: CloudTrailRecord) => {
  const arn = requestParam(r, 'policyArn');
  return typeof arn === 'string' && ADMIN_POLICY_ARN.test(arn) && succeeded(r);
};

/**
 * IAM policy changes (CIS CloudWatch.4), new users and credentials, and credentials made for someone
 * else (MITRE ATT&CK T1098.001).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-4
 */
export const iamRules = [
  defineRule({
    id: 'iam-admin-policy-attached',
    title: { en: 'AdministratorAccess attached', ja: 'AdministratorAccess がアタッチされました' },
    severity: 'critical',
    eventSource: IAM,
    eventNames: ATTACH_POLICY,
    when: isAdminAttach,
    details: iamDetails,
    reference: 'CIS CloudWatch.4',
  }),
  defineRule({
    id: 'iam-policy-change',
    title: { en: 'IAM policy changed', ja: 'IAM ポリシーが変更されました' },
    severity: 'warning',
    eventSource: IAM,
    eventNames: [
      'DeleteGroupPolicy',
      'DeleteRolePolicy',
      'DeleteUserPolicy',
      'PutGroupPolicy',
      'PutRolePolicy',
      'PutUserPolicy',
      'CreatePolicy',
      'DeletePolicy',
      'CreatePolicyVersion',
      'DeletePolicyVersion',
      ...ATTACH_POLICY,
      'DetachRolePolicy',
      'DetachUserPolicy',
      'DetachGroupPolicy',
    ],
    details: iamDetails,
    reference: 'CIS CloudWatch.4',
  }),
  defineRule({
    id: 'iam-other-user-credentials',
    title: {
      en: "Another user's password or access key changed",
      ja: '他のユーザーのパスワードまたはアクセスキーが変更されました',
    },
    severity: 'critical',
    eventSource: IAM,
    eventNames: ['CreateLoginProfile', 'UpdateLoginProfile', 'CreateAccessKey', 'UpdateAccessKey'],
    when: (r) => succeeded(r) && forAnotherUser(r),
    details: iamDetails,
    reference: 'MITRE ATT&CK T1098.001',
  }),
  defineRule({
    id: 'iam-credential-change',
    title: { en: 'IAM user or credential change', ja: 'IAM ユーザーまたは認証情報の変更' },
    severity: 'warning',
    eventSource: IAM,
    eventNames: [
      'CreateUser',
      'CreateAccessKey',
      'UpdateAccessKey',
      'CreateLoginProfile',
      'UpdateLoginProfile',
      'UpdateAssumeRolePolicy',
      'AddUserToGroup',
    ],
    details: iamDetails,
  }),
];

/**
 * What each rule above reports, one sentence for `notifier rules`. Kept apart from the rules: only
 * the CLI imports it (through ./descriptions.ts), so the function bundles carry none of it.
 */
export const iamRuleDescriptions: RuleDescriptions = {
  'iam-admin-policy-attached': 'The AdministratorAccess managed policy was attached to a user, role or group.',
  'iam-policy-change': 'An IAM policy was created, changed, deleted, attached or detached.',
  'iam-other-user-credentials':
    'A console password or access key was created, reset or re-enabled for a user other than the caller: the classic way to take over or keep a foothold in another identity.',
  'iam-credential-change':
    'An IAM user, access key or console password was created or changed, a user was added to a group, or a role trust policy changed.',
};
