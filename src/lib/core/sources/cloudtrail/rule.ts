import type { Severity } from '../../notification';
import type { EventPattern } from './pattern-match';
import type { CloudTrailRecord, DetailType } from './schemas';
import type { TargetKind } from './strings';

/** A text in every locale. */
export interface Localized {
  readonly en: string;
  readonly ja: string;
}

/** What a rule shows about a call: the resource it acted on and the request parameters that matter. */
export interface RuleDetails {
  readonly target?: { readonly kind: TargetKind; readonly name: string };
  /** `[parameter, value]` pairs, e.g. `['policyArn', 'arn:aws:iam::aws:policy/AdministratorAccess']`. */
  readonly params: ReadonlyArray<readonly [string, string]>;
  /** One technical phrase worth the summary, e.g. "tcp 22 from 0.0.0.0/0". */
  readonly highlight?: string;
}

/**
 * One sensitive-call rule, as data. An event matches when its detail-type, `eventSource` and
 * `eventName` are listed (absent = any), `conditions` (EventBridge pattern syntax over the record;
 * also put into the generated EventBridge rule) match, and `when` (Lambda-side only; may only narrow)
 * returns true.
 */
export interface ApiCallRule {
  readonly id: string;
  readonly title: Localized;
  /**
   * One sentence for `notifier rules`, for a user rule (its rules file's). A built-in rule's is in
   * rules/descriptions.ts, out of the function bundles; `describeRule` gives either.
   */
  readonly description?: string;
  readonly severity: Severity;
  readonly detailTypes: readonly DetailType[];
  readonly eventSource?: string;
  readonly eventNames?: readonly string[];
  readonly conditions?: EventPattern;
  readonly when?: (record: CloudTrailRecord) => boolean;
  readonly details?: (record: CloudTrailRecord) => RuleDetails;
  /**
   * Calls this rule names (when it is the chosen rule) are counted per principal into access-denied
   * bursts (denied-burst.ts) instead of alerting one by one.
   */
  readonly groupsDeniedBursts?: boolean;
  /** Where the rule comes from, e.g. "CIS CloudWatch.5". */
  readonly reference?: string;
  /** `default` for the built-in set, `user` for rules from the rules file. */
  readonly origin: 'default' | 'user';
}

/** One sentence per built-in rule id, for `notifier rules` (see rules/descriptions.ts). */
export type RuleDescriptions = Readonly<Record<string, string>>;

/**
 * A deliberate silence: every condition given must hold. Globs use `*` and `?`; `sourceIp` is a
 * CIDR (IPv4 or IPv6); lists mean "any of".
 */
export interface IgnoreRule {
  readonly id: string;
  readonly reason?: string;
  readonly principalArn?: readonly string[];
  readonly eventName?: readonly string[];
  readonly eventSource?: readonly string[];
  readonly sourceIp?: readonly string[];
  readonly account?: readonly string[];
  readonly region?: readonly string[];
}

/** The effective rules: ignores (evaluated first) and notify rules (most severe match wins; ties: list order). */
export interface RuleSet {
  readonly rules: readonly ApiCallRule[];
  readonly ignores: readonly IgnoreRule[];
}
