import type { ApiCallRule } from '../rule';
import { iamRules } from './iam';
import { loggingRules } from './logging';
import { networkRules } from './network';
import { organizationsRules } from './organizations';
import { securityServiceRules } from './security-services';
import { sharingRules } from './sharing';
import { generalRules, signInRules } from './sign-in';
import { storageRules } from './storage';

/**
 * The built-in rules: the CIS AWS Foundations Benchmark monitoring controls (Security Hub
 * CloudWatch.1–14), AWS Organizations changes, and high-value calls beyond CIS (credentials made for
 * another user, snapshots and AMIs made public, security services and logs switched off; see the
 * README next to this folder). The most severe matching rule names a
 * notification; among equals the first listed wins, so specific rules come before general ones.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
export const defaultRules: readonly ApiCallRule[] = [
  ...signInRules,
  ...loggingRules,
  ...iamRules,
  ...storageRules,
  ...sharingRules,
  ...networkRules,
  ...securityServiceRules,
  ...organizationsRules,
  ...generalRules,
];
