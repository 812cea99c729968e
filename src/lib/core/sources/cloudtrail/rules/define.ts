import type { ApiCallRule } from '../rule';
import { API_CALL_DETAIL_TYPE, type DetailType } from '../schemas';

/** A built-in rule; detail-type defaults to "AWS API Call via CloudTrail". */
export function defineRule(
  rule: Omit<ApiCallRule, 'origin' | 'detailTypes'> & { detailTypes?: readonly DetailType[] },
): ApiCallRule {
  return { detailTypes: [API_CALL_DETAIL_TYPE], ...rule, origin: 'default' };
}
