import { paramDetails } from '../details';
import { requestParam, succeeded } from '../record';
import type { RuleDescriptions, RuleDetails } from '../rule';
import type { CloudTrailRecord } from '../schemas';
import { defineRule } from './define';

/** Leaving the administrator account stops its findings reaching the security team. */
const LEAVE_ADMINISTRATOR = ['DisassociateFromMasterAccount', 'DisassociateFromAdministratorAccount'];
/** An administrator dropping or no longer watching member accounts. */
const DROP_MEMBERS = ['DisassociateMembers', 'DeleteMembers'];

const GUARDDUTY_DISABLING = ['DeleteDetector', ...LEAVE_ADMINISTRATOR, ...DROP_MEMBERS, 'StopMonitoringMembers'];
const SECURITY_HUB_DISABLING = ['DisableSecurityHub', 'BatchDisableStandards', ...LEAVE_ADMINISTRATOR, ...DROP_MEMBERS];

/** `enable: false` in UpdateDetector (a boolean, or the string some tools record). */
const turnsDetectorOff = (r: CloudTrailRecord) => {
  const enable = requestParam(r, 'enable');
  return enable === false || enable === 'false';
};
/** True for the calls that switch GuardDuty off or cut accounts from it. */
const disablesGuardDuty = (r: CloudTrailRecord) =>
  GUARDDUTY_DISABLING.includes(r.eventName) || (r.eventName === 'UpdateDetector' && turnsDetectorOff(r));

const guardDutyDetails = paramDetails([['detectorId', 'detector']], ['enable', 'accountIds']);
const securityHubParams = paramDetails([['accountIds', 'account']], ['hubArn', 'standardsSubscriptionArns']);
/**
 * Security Hub calls: the standards a BatchDisableStandards turns off, named as their subscription
 * ("cis-aws-foundations-benchmark/v/1.2.0" of "arn:aws:securityhub:…:subscription/cis-aws-…/v/1.2.0").
 */
function securityHubDetails(r: CloudTrailRecord): RuleDetails {
  const details = securityHubParams(r);
  const arns = requestParam(r, 'standardsSubscriptionArns');
  const standards = (Array.isArray(arns) ? arns : [arns])
    .filter((a): a is string => typeof a === 'string')
    .map((a) => a.split(':subscription/')[1] ?? a);
  return standards.length > 0 ? { ...details, target: { kind: 'standard', name: standards.join(', ') } } : details;
}
const analyzerDetails = paramDetails([['analyzerName', 'analyzer']]);

/**
 * The services that find threats and misconfigurations, switched off (MITRE ATT&CK T1562.001,
 * disable or modify tools): critical when it worked. The warning rule for the same calls reports
 * failed attempts (and UpdateDetector changes that keep the detector on).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/logging-using-cloudtrail.html
 */
export const securityServiceRules = [
  defineRule({
    id: 'guardduty-disabled',
    title: { en: 'GuardDuty disabled or detached', ja: 'GuardDuty が無効化または切り離されました' },
    severity: 'critical',
    eventSource: 'guardduty.amazonaws.com',
    eventNames: [...GUARDDUTY_DISABLING, 'UpdateDetector'],
    when: (r) => succeeded(r) && disablesGuardDuty(r),
    details: guardDutyDetails,
    reference: 'Security Hub GuardDuty.1',
  }),
  defineRule({
    id: 'guardduty-change',
    title: {
      en: 'GuardDuty detector or members changed',
      ja: 'GuardDuty のディテクターまたはメンバーが変更されました',
    },
    severity: 'warning',
    eventSource: 'guardduty.amazonaws.com',
    eventNames: [...GUARDDUTY_DISABLING, 'UpdateDetector'],
    details: guardDutyDetails,
    reference: 'Security Hub GuardDuty.1',
  }),
  defineRule({
    id: 'security-hub-disabled',
    title: { en: 'Security Hub disabled or detached', ja: 'Security Hub が無効化または切り離されました' },
    severity: 'critical',
    eventSource: 'securityhub.amazonaws.com',
    eventNames: SECURITY_HUB_DISABLING,
    when: succeeded,
    details: securityHubDetails,
    reference: 'MITRE ATT&CK T1562.001',
  }),
  defineRule({
    id: 'security-hub-change',
    title: { en: 'Security Hub disabling attempted', ja: 'Security Hub の無効化が試みられました' },
    severity: 'warning',
    eventSource: 'securityhub.amazonaws.com',
    eventNames: SECURITY_HUB_DISABLING,
    details: securityHubDetails,
    reference: 'MITRE ATT&CK T1562.001',
  }),
  defineRule({
    id: 'access-analyzer-deleted',
    title: { en: 'IAM Access Analyzer deleted', ja: 'IAM Access Analyzer が削除されました' },
    severity: 'critical',
    eventSource: 'access-analyzer.amazonaws.com',
    eventNames: ['DeleteAnalyzer'],
    when: succeeded,
    details: analyzerDetails,
    reference: 'CIS 1.20',
  }),
  defineRule({
    id: 'access-analyzer-change',
    title: { en: 'IAM Access Analyzer deletion attempted', ja: 'IAM Access Analyzer の削除が試みられました' },
    severity: 'warning',
    eventSource: 'access-analyzer.amazonaws.com',
    eventNames: ['DeleteAnalyzer'],
    details: analyzerDetails,
    reference: 'CIS 1.20',
  }),
];

/**
 * What each rule above reports, one sentence for `notifier rules`. Kept apart from the rules: only
 * the CLI imports it (through ./descriptions.ts), so the function bundles carry none of it.
 */
export const securityServicesRuleDescriptions: RuleDescriptions = {
  'guardduty-disabled':
    'A GuardDuty detector was deleted or disabled, an account left its administrator, or members were removed or no longer monitored.',
  'guardduty-change':
    'A GuardDuty detector or its administrator and member accounts changed, or a disabling call failed.',
  'security-hub-disabled':
    'Security Hub was disabled, security standards were turned off, an account left its administrator, or members were removed.',
  'security-hub-change': 'A call that disables Security Hub or its standards, or detaches accounts from it, failed.',
  'access-analyzer-deleted':
    'An IAM Access Analyzer analyzer was deleted: resources shared outside the account are no longer found.',
  'access-analyzer-change': 'A call deleting an IAM Access Analyzer analyzer failed.',
};
