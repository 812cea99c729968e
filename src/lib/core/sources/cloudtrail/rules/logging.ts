import { paramDetails } from '../details';
import { succeeded } from '../record';
import type { RuleDescriptions } from '../rule';
import { defineRule } from './define';

const CLOUDTRAIL = 'cloudtrail.amazonaws.com';
const trailDetails = paramDetails(
  [
    ['name', 'trail'],
    ['trailName', 'trail'],
  ],
  ['s3BucketName', 'isMultiRegionTrail', 'enableLogFileValidation', 'kmsKeyId', 'isOrganizationTrail'],
);
const keyDetails = paramDetails([['keyId', 'key']], ['pendingWindowInDays', 'policyName']);
const configDetails = paramDetails([
  ['configurationRecorderName', 'recorder'],
  ['configurationRecorder.name', 'recorder'],
  ['deliveryChannelName', 'delivery-channel'],
  ['deliveryChannel.name', 'delivery-channel'],
]);

/**
 * Changes to what is logged: CloudTrail (CIS CloudWatch.5), AWS Config (CloudWatch.9) and KMS keys
 * that protect logs and data (CloudWatch.7: disabled or scheduled for deletion; their policy and
 * rotation). A critical rule needs the call to have succeeded; a failed attempt falls to the
 * warning rule for the same calls.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
export const loggingRules = [
  defineRule({
    id: 'cloudtrail-logging-stopped',
    title: { en: 'CloudTrail logging stopped', ja: 'CloudTrail のログ記録が停止されました' },
    severity: 'critical',
    eventSource: CLOUDTRAIL,
    eventNames: ['StopLogging', 'DeleteTrail'],
    when: succeeded,
    details: trailDetails,
    reference: 'CIS CloudWatch.5',
  }),
  defineRule({
    id: 'cloudtrail-change',
    title: { en: 'CloudTrail configuration changed', ja: 'CloudTrail の設定が変更されました' },
    severity: 'warning',
    eventSource: CLOUDTRAIL,
    eventNames: ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging', 'PutEventSelectors'],
    details: trailDetails,
    reference: 'CIS CloudWatch.5',
  }),
  defineRule({
    id: 'config-recording-stopped',
    title: { en: 'AWS Config recording stopped', ja: 'AWS Config の記録が停止されました' },
    severity: 'critical',
    eventSource: 'config.amazonaws.com',
    eventNames: ['StopConfigurationRecorder', 'DeleteDeliveryChannel'],
    when: succeeded,
    details: configDetails,
    reference: 'CIS CloudWatch.9',
  }),
  defineRule({
    id: 'config-change',
    title: { en: 'AWS Config configuration changed', ja: 'AWS Config の設定が変更されました' },
    severity: 'warning',
    eventSource: 'config.amazonaws.com',
    eventNames: [
      'StopConfigurationRecorder',
      'DeleteDeliveryChannel',
      'PutDeliveryChannel',
      'PutConfigurationRecorder',
    ],
    details: configDetails,
    reference: 'CIS CloudWatch.9',
  }),
  defineRule({
    id: 'kms-key-deletion',
    title: { en: 'KMS key scheduled for deletion', ja: 'KMS キーの削除がスケジュールされました' },
    severity: 'critical',
    eventSource: 'kms.amazonaws.com',
    eventNames: ['ScheduleKeyDeletion'],
    when: succeeded,
    details: keyDetails,
    reference: 'CIS CloudWatch.7',
  }),
  defineRule({
    id: 'kms-key-disabled',
    title: { en: 'KMS key disabled', ja: 'KMS キーが無効化されました' },
    severity: 'critical',
    eventSource: 'kms.amazonaws.com',
    eventNames: ['DisableKey'],
    when: succeeded,
    details: keyDetails,
    reference: 'CIS CloudWatch.7',
  }),
  defineRule({
    id: 'kms-key-policy-changed',
    title: { en: 'KMS key policy changed', ja: 'KMS キーポリシーが変更されました' },
    severity: 'warning',
    eventSource: 'kms.amazonaws.com',
    eventNames: ['PutKeyPolicy'],
    details: keyDetails,
    reference: 'MITRE ATT&CK T1098',
  }),
  defineRule({
    id: 'kms-key-rotation-disabled',
    title: { en: 'KMS key rotation disabled', ja: 'KMS キーの自動ローテーションが無効化されました' },
    severity: 'warning',
    eventSource: 'kms.amazonaws.com',
    eventNames: ['DisableKeyRotation'],
    details: keyDetails,
    reference: 'Security Hub KMS.4',
  }),
  defineRule({
    id: 'kms-key-change',
    title: { en: 'KMS key disabled or deletion attempted', ja: 'KMS キーが無効化または削除されようとしました' },
    severity: 'warning',
    eventSource: 'kms.amazonaws.com',
    eventNames: ['DisableKey', 'ScheduleKeyDeletion'],
    details: keyDetails,
    reference: 'CIS CloudWatch.7',
  }),
];

/**
 * What each rule above reports, one sentence for `notifier rules`. Kept apart from the rules: only
 * the CLI imports it (through ./descriptions.ts), so the function bundles carry none of it.
 */
export const loggingRuleDescriptions: RuleDescriptions = {
  'cloudtrail-logging-stopped': 'A trail stopped logging or was deleted: API activity may no longer be recorded.',
  'cloudtrail-change': 'A trail was created, updated, started, stopped or deleted, or its event selectors changed.',
  'config-recording-stopped': 'The configuration recorder was stopped or the delivery channel deleted.',
  'config-change': 'The configuration recorder or delivery channel was changed, stopped or deleted.',
  'kms-key-deletion':
    'A customer managed KMS key was scheduled for deletion: data encrypted with it becomes unreadable.',
  'kms-key-disabled': 'A customer managed KMS key was disabled: nothing can decrypt with it until it is enabled again.',
  'kms-key-policy-changed': 'The key policy of a KMS key was replaced: who may use or manage the key may have changed.',
  'kms-key-rotation-disabled': 'Automatic rotation of a KMS key was turned off.',
  'kms-key-change': 'A customer managed KMS key was disabled, or its deletion was attempted.',
};
