import { genericDetails } from '../details';
import { mfaUsedAtSignIn, signInOutcome, succeeded } from '../record';
import { API_CALL_DETAIL_TYPE, type CloudTrailRecord, SIGN_IN_DETAIL_TYPE } from '../schemas';
import { defineRule } from './define';

const SIGN_IN = {
  detailTypes: [SIGN_IN_DETAIL_TYPE],
  eventSource: 'signin.amazonaws.com',
  eventNames: ['ConsoleLogin'],
} as const;
const typeIs = (r: CloudTrailRecord, type: string) => r.userIdentity?.type === type;
const signedIn = (r: CloudTrailRecord) => signInOutcome(r) === 'Success' && succeeded(r);
const noDetails = () => ({ params: [] });

/**
 * Console sign-ins (CIS CloudWatch.1, .3, .6).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
export const signInRules = [
  defineRule({
    id: 'root-console-sign-in',
    title: { en: 'Root user signed in to the console', ja: 'ルートユーザーがコンソールにサインインしました' },
    description: 'A successful console sign-in as the root user (with or without MFA).',
    severity: 'critical',
    ...SIGN_IN,
    when: (r) => typeIs(r, 'Root') && signedIn(r),
    details: noDetails,
    reference: 'CIS CloudWatch.1',
  }),
  defineRule({
    id: 'root-console-sign-in-failure',
    title: { en: 'Failed root user console sign-in', ja: 'ルートユーザーのコンソールサインインが失敗しました' },
    description: 'Someone tried and failed to sign in to the console as the root user.',
    severity: 'warning',
    ...SIGN_IN,
    when: (r) => typeIs(r, 'Root') && !signedIn(r),
    details: noDetails,
    reference: 'CIS CloudWatch.6',
  }),
  defineRule({
    id: 'console-sign-in-without-mfa',
    title: { en: 'Console sign-in without MFA', ja: 'MFA なしでコンソールにサインインしました' },
    description: 'An IAM user signed in to the console without MFA (MFAUsed is not "Yes").',
    severity: 'critical',
    ...SIGN_IN,
    when: (r) => typeIs(r, 'IAMUser') && signedIn(r) && mfaUsedAtSignIn(r) !== 'yes',
    details: noDetails,
    reference: 'CIS CloudWatch.3',
  }),
  defineRule({
    id: 'console-sign-in-failure',
    title: { en: 'Failed console sign-in', ja: 'コンソールサインインが失敗しました' },
    description: 'A console sign-in failed (wrong password, unknown user, MFA failure).',
    severity: 'warning',
    ...SIGN_IN,
    when: (r) => !signedIn(r),
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
    description: 'Any successful call or sign-in event by the root user that no AWS service made on its behalf.',
    severity: 'critical',
    detailTypes: [API_CALL_DETAIL_TYPE, SIGN_IN_DETAIL_TYPE],
    conditions: {
      userIdentity: { type: ['Root'], invokedBy: [{ exists: false }] },
      eventType: [{ 'anything-but': 'AwsServiceEvent' }],
    },
    when: succeeded,
    details: genericDetails,
    reference: 'CIS CloudWatch.1',
  }),
  defineRule({
    id: 'unauthorized-api-call',
    title: { en: 'Unauthorized API call', ja: '権限のない API 呼び出し' },
    description: 'A call refused for lack of permission (errorCode *UnauthorizedOperation or AccessDenied*).',
    severity: 'warning',
    conditions: { errorCode: [{ suffix: 'UnauthorizedOperation' }, { prefix: 'AccessDenied' }] },
    details: genericDetails,
    reference: 'CIS CloudWatch.2',
  }),
];
