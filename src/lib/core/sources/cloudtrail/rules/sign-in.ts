import { genericDetails } from '../details';
import { mfaUsedAtSignIn, SIGN_IN_EVENT_SOURCE, signInFailed, signInOutcome, succeeded } from '../record';
import type { RuleDescriptions } from '../rule';
import {
  API_CALL_DETAIL_TYPE,
  type CloudTrailRecord,
  SERVICE_EVENT_DETAIL_TYPE,
  SIGN_IN_DETAIL_TYPE,
} from '../schemas';
import { defineRule } from './define';

/**
 * Every sign-in event: console sign-in steps (ConsoleLogin, CheckMfa, PasswordUpdated, SwitchRole,
 * ExternalIdPDirectoryLogin, RenewRoleSession…) and the Identity Center steps recorded as service
 * events (CredentialChallenge, CredentialVerification, UserAuthentication).
 */
const ANY_SIGN_IN = {
  detailTypes: [SIGN_IN_DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE],
  eventSource: SIGN_IN_EVENT_SOURCE,
} as const;
const CONSOLE_LOGIN = {
  detailTypes: [SIGN_IN_DETAIL_TYPE],
  eventSource: SIGN_IN_EVENT_SOURCE,
  eventNames: ['ConsoleLogin'],
} as const;
const typeIs = (r: CloudTrailRecord, type: string) => r.userIdentity?.type === type;
const signedIn = (r: CloudTrailRecord) => signInOutcome(r) === 'Success' && succeeded(r);
const noDetails = () => ({ params: [] });

/**
 * Sign-ins (CIS CloudWatch.1, .3, .6): a successful console sign-in is judged by ConsoleLogin; a
 * failure by any sign-in step, whichever way its event records the outcome (see `signInFailed`).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
 */
export const signInRules = [
  defineRule({
    id: 'root-console-sign-in',
    title: { en: 'Root user signed in to the console', ja: 'ルートユーザーがコンソールにサインインしました' },
    severity: 'critical',
    ...CONSOLE_LOGIN,
    when: (r) => typeIs(r, 'Root') && signedIn(r),
    details: noDetails,
    reference: 'CIS CloudWatch.1',
  }),
  defineRule({
    id: 'root-console-sign-in-failure',
    title: { en: 'Failed root user sign-in', ja: 'ルートユーザーのサインインが失敗しました' },
    severity: 'warning',
    ...ANY_SIGN_IN,
    when: (r) => typeIs(r, 'Root') && signInFailed(r),
    details: noDetails,
    reference: 'CIS CloudWatch.6',
  }),
  defineRule({
    id: 'console-sign-in-without-mfa',
    title: { en: 'Console sign-in without MFA', ja: 'MFA なしでコンソールにサインインしました' },
    severity: 'critical',
    ...CONSOLE_LOGIN,
    when: (r) => typeIs(r, 'IAMUser') && signedIn(r) && mfaUsedAtSignIn(r) !== 'yes',
    details: noDetails,
    reference: 'CIS CloudWatch.3',
  }),
  defineRule({
    id: 'console-sign-in-failure',
    title: { en: 'Failed sign-in', ja: 'サインインが失敗しました' },
    severity: 'warning',
    ...ANY_SIGN_IN,
    when: signInFailed,
    details: noDetails,
    reference: 'CIS CloudWatch.6',
  }),
];

/**
 * Rules about who or how rather than which call: root use (CIS CloudWatch.1) and calls refused for
 * lack of permission (CloudWatch.2). They come last so a specific rule of equal severity names the event.
 */
export const generalRules = [
  defineRule({
    id: 'root-activity',
    title: { en: 'Root user activity', ja: 'ルートユーザーによる操作' },
    severity: 'critical',
    detailTypes: [API_CALL_DETAIL_TYPE, SIGN_IN_DETAIL_TYPE],
    conditions: {
      // Calls made in the console carry invokedBy "signin.amazonaws.com": they are the root user's own.
      // A list is "any of" in EventBridge, exists matchers included.
      // @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html#cloudtrail-event-reference-user-identity-fields
      userIdentity: { type: ['Root'], invokedBy: [{ exists: false }, SIGN_IN_EVENT_SOURCE] },
      eventType: [{ 'anything-but': 'AwsServiceEvent' }],
    },
    when: succeeded,
    details: genericDetails,
    reference: 'CIS CloudWatch.1',
  }),
  defineRule({
    id: 'unauthorized-api-call',
    title: { en: 'Unauthorized API call', ja: '権限のない API 呼び出し' },
    severity: 'warning',
    conditions: { errorCode: [{ suffix: 'UnauthorizedOperation' }, { prefix: 'AccessDenied' }] },
    details: genericDetails,
    groupsDeniedBursts: true,
    reference: 'CIS CloudWatch.2',
  }),
];

/**
 * What each rule above reports, one sentence for `notifier rules`. Kept apart from the rules: only
 * the CLI imports it (through ./descriptions.ts), so the function bundles carry none of it.
 */
export const signInRuleDescriptions: RuleDescriptions = {
  'root-console-sign-in': 'A successful console sign-in as the root user (with or without MFA).',
  'root-console-sign-in-failure':
    'A sign-in step of the root user failed: console sign-in, MFA check, password change or external IdP sign-in.',
  'console-sign-in-without-mfa': 'An IAM user signed in to the console without MFA (MFAUsed is not "Yes").',
  'console-sign-in-failure':
    'A sign-in step failed (wrong password, unknown user, MFA or credential check, role switch, password change).',
  'root-activity':
    'Any successful call or sign-in event by the root user, made directly or in the console, that no other AWS service made on its behalf.',
  'unauthorized-api-call': 'A call refused for lack of permission (errorCode *UnauthorizedOperation or AccessDenied*).',
};
