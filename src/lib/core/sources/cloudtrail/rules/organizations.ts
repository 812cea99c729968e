import { paramDetails } from '../details';
import { succeeded } from '../record';
import type { RuleDescriptions } from '../rule';
import { defineRule } from './define';

const ORGANIZATIONS = 'organizations.amazonaws.com';
const orgDetails = paramDetails(
  [
    ['accountId', 'account'],
    ['organizationalUnitId', 'organizational-unit'],
    ['policyId', 'policy'],
    ['handshakeId', 'handshake'],
    ['targetId', 'resource'],
  ],
  ['name', 'type', 'policyType', 'rootId', 'parentId', 'sourceParentId', 'destinationParentId'],
);

/**
 * AWS Organizations changes (CIS AWS Foundations Benchmark 1.5+, control 4.15). An account leaving
 * the organization escapes its SCPs, and a closed account takes its workloads and data with it:
 * critical.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_security_incident-response.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_close.html
 */
export const organizationsRules = [
  defineRule({
    id: 'organizations-account-left',
    title: { en: 'Account left the organization or was closed', ja: 'アカウントが組織から外れたか閉鎖されました' },
    severity: 'critical',
    eventSource: ORGANIZATIONS,
    eventNames: ['LeaveOrganization', 'RemoveAccountFromOrganization', 'CloseAccount', 'DeleteOrganization'],
    when: succeeded,
    details: orgDetails,
    reference: 'CIS 4.15',
  }),
  defineRule({
    id: 'organizations-change',
    title: { en: 'AWS Organizations changed', ja: 'AWS Organizations が変更されました' },
    severity: 'warning',
    eventSource: ORGANIZATIONS,
    eventNames: [
      'AcceptHandshake',
      'AttachPolicy',
      'CloseAccount',
      'CreateAccount',
      'CreateOrganizationalUnit',
      'CreatePolicy',
      'DeclineHandshake',
      'DeleteOrganization',
      'DeleteOrganizationalUnit',
      'DeletePolicy',
      'DetachPolicy',
      'DisablePolicyType',
      'EnablePolicyType',
      'InviteAccountToOrganization',
      'LeaveOrganization',
      'MoveAccount',
      'RemoveAccountFromOrganization',
      'UpdatePolicy',
      'UpdateOrganizationalUnit',
    ],
    details: orgDetails,
    reference: 'CIS 4.15',
  }),
];

/**
 * What each rule above reports, one sentence for `notifier rules`. Kept apart from the rules: only
 * the CLI imports it (through ./descriptions.ts), so the function bundles carry none of it.
 */
export const organizationsRuleDescriptions: RuleDescriptions = {
  'organizations-account-left':
    'An account left, was removed from or was closed in the organization, or the organization was deleted.',
  'organizations-change': 'Accounts, OUs, policies (SCPs) or handshakes of the organization changed.',
};
