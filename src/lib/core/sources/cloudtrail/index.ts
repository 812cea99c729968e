/**
 * Sensitive API call alerts from CloudTrail events delivered by EventBridge: schemas, the rule set
 * (as data), user rules, interpretation into a Notification, and the EventBridge patterns.
 */
export { cidrContains, parseCidr } from './cidr';
export { parseCloudTrailEvent } from './interpret';
export { cloudTrailEventUrl, iamPrincipalUrl } from './links';
export { ignoreMatches, matchRules, NO_RULE_MATCHES, type RuleMatch, ruleMatches } from './match';
export { type EventPattern, eventPatternSchema, matchesEventPattern } from './pattern-match';
export { buildApiCallNotification, principalLabel } from './present';
export { describePrincipal, type Principal } from './principal';
export type { ApiCallRule, IgnoreRule, Localized, RuleDetails, RuleSet } from './rule';
export { eventPatterns, MAX_EVENT_PATTERN_CHARS, type NamedEventPattern } from './rule-patterns';
export { defaultRules } from './rules';
export {
  API_CALL_DETAIL_TYPE,
  type CloudTrailEvent,
  type CloudTrailRecord,
  cloudTrailRecordSchema,
  type DetailType,
  detailTypes,
  eventBridgeEnvelopeSchema,
  SIGN_IN_DETAIL_TYPE,
  type UserIdentity,
  userIdentitySchema,
} from './schemas';
export { describeVia, type Via } from './user-agent';
export {
  defaultRuleSet,
  parseRulesFile,
  parseRulesJson,
  RULES_FILE_NAME,
  type RulesFile,
  rulesFileSchema,
} from './user-rules';
