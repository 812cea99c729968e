import type { ApiCallRule, RuleDescriptions } from '../rule';
import { iamRuleDescriptions } from './iam';
import { loggingRuleDescriptions } from './logging';
import { networkRuleDescriptions } from './network';
import { organizationsRuleDescriptions } from './organizations';
import { securityServicesRuleDescriptions } from './security-services';
import { sharingRuleDescriptions } from './sharing';
import { signInRuleDescriptions } from './sign-in';
import { storageRuleDescriptions } from './storage';

/**
 * What each built-in rule reports, for `notifier rules`. Each rules file keeps its own next to its
 * rules; this module gathers them and is imported by the CLI only, so the function bundles (which
 * need a rule's title, never its description) stay smaller.
 */
export const defaultRuleDescriptions: RuleDescriptions = {
  ...iamRuleDescriptions,
  ...loggingRuleDescriptions,
  ...networkRuleDescriptions,
  ...organizationsRuleDescriptions,
  ...securityServicesRuleDescriptions,
  ...sharingRuleDescriptions,
  ...signInRuleDescriptions,
  ...storageRuleDescriptions,
};

/**
 * A rule's description: the rules file's own for a user rule, the built-in one's from
 * {@link defaultRuleDescriptions}, else its English title.
 * @example ruleDescription(defaultRules[0]) // "A successful console sign-in as the root user …"
 */
export function ruleDescription(rule: ApiCallRule): string {
  return rule.description ?? defaultRuleDescriptions[rule.id] ?? rule.title.en;
}
