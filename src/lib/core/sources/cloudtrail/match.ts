import { globMatcher } from '../../glob';
import type { Severity } from '../../notification';
import { cidrContains, parseCidr } from './cidr';
import { matchesEventPattern } from './pattern-match';
import type { ApiCallRule, IgnoreRule, RuleSet } from './rule';
import type { CloudTrailEvent, DetailType } from './schemas';

/** Most severe first: the order a match is chosen in. */
const severityRank: Record<Severity, number> = { critical: 0, warning: 1, info: 2, ok: 3 };
const MAX_RANK = 3;

/** What the rule set says about one event. */
export type RuleMatch =
  | { readonly kind: 'ignored'; readonly rule: string; readonly reason: string }
  | { readonly kind: 'matched'; readonly rule: ApiCallRule; readonly others: readonly ApiCallRule[] };

/** The others of an event only one rule matches. */
const NO_OTHERS: readonly ApiCallRule[] = Object.freeze([]);

/** Rule id reported when no rule matches an event. */
export const NO_RULE_MATCHES = 'no-rule-matches';

const anyGlob = (globs: readonly string[] | undefined, ...values: Array<string | undefined>) =>
  globs === undefined || globs.some((g) => values.some((v) => v !== undefined && globMatcher(g)(v)));
const anyCidr = (cidrs: readonly string[] | undefined, ip: string | undefined) =>
  cidrs === undefined ||
  cidrs.some((c) => {
    const cidr = parseCidr(c);
    return cidr !== undefined && ip !== undefined && cidrContains(cidr, ip);
  });

/** True when every condition of an ignore rule holds for the event. */
export function ignoreMatches(ignore: IgnoreRule, event: CloudTrailEvent): boolean {
  const { record, envelope } = event;
  const ui = record.userIdentity;
  return (
    anyGlob(ignore.principalArn, ui?.arn, ui?.sessionContext?.sessionIssuer?.arn) &&
    anyGlob(ignore.eventName, record.eventName) &&
    anyGlob(ignore.eventSource, record.eventSource) &&
    anyCidr(ignore.sourceIp, record.sourceIPAddress) &&
    anyGlob(ignore.account, record.recipientAccountId ?? envelope.account) &&
    anyGlob(ignore.region, record.awsRegion ?? envelope.region)
  );
}

/** True when a rule matches an event: detail-type, source, name, conditions, then the predicate. */
export function ruleMatches(rule: ApiCallRule, event: CloudTrailEvent): boolean {
  const { record, envelope, raw } = event;
  return (
    rule.detailTypes.includes(envelope['detail-type'] as DetailType) &&
    (rule.eventSource === undefined || rule.eventSource === record.eventSource) &&
    (rule.eventNames === undefined || rule.eventNames.includes(record.eventName)) &&
    (rule.conditions === undefined || matchesEventPattern(rule.conditions, raw)) &&
    (rule.when === undefined || rule.when(record))
  );
}

/** A source's rules that can match an event of each name, in the set's order. */
interface NameIndex {
  /** For each event name a rule names: the rules naming it and the rules naming no event. */
  readonly byName: ReadonlyMap<string, readonly ApiCallRule[]>;
  /** The rules naming no event: all that can match an event of a name no rule names. */
  readonly anyName: readonly ApiCallRule[];
}

/** A rule set's rules that can match an event of each source and name, in the set's order. */
interface RuleIndex {
  /** For each event source a rule names: its rules and the rules for any source, by event name. */
  readonly bySource: ReadonlyMap<string, NameIndex>;
  /** The rules for any source, by event name: all that can match an event of a source no rule names. */
  readonly anySource: NameIndex;
}

/** Rule sets are made once (at cold start) and never changed: each is indexed once. */
const ruleIndexes = new WeakMap<RuleSet, RuleIndex>();

/** `rules` (one source's candidates) by the event names they name; see {@link NameIndex}. */
function byEventName(rules: readonly ApiCallRule[]): NameIndex {
  const byName = new Map<string, readonly ApiCallRule[]>();
  for (const { eventNames } of rules) {
    for (const name of eventNames ?? []) {
      if (byName.has(name)) continue;
      byName.set(
        name,
        rules.filter((r) => r.eventNames === undefined || r.eventNames.includes(name)),
      );
    }
  }
  return { byName, anyName: rules.filter((r) => r.eventNames === undefined) };
}

/**
 * The rules of `ruleSet` that can match an event from `eventSource` named `eventName`, in the
 * set's order: a rule naming another event source, or only other event names, never matches (see
 * {@link ruleMatches}), so only these are tried.
 */
function candidateRules(ruleSet: RuleSet, eventSource: string, eventName: string): readonly ApiCallRule[] {
  let index = ruleIndexes.get(ruleSet);
  if (!index) {
    const anySource = ruleSet.rules.filter((r) => r.eventSource === undefined);
    const bySource = new Map<string, NameIndex>();
    for (const { eventSource: source } of ruleSet.rules) {
      if (source === undefined || bySource.has(source)) continue;
      bySource.set(
        source,
        byEventName(ruleSet.rules.filter((r) => r.eventSource === undefined || r.eventSource === source)),
      );
    }
    index = { bySource, anySource: byEventName(anySource) };
    ruleIndexes.set(ruleSet, index);
  }
  const names = index.bySource.get(eventSource) ?? index.anySource;
  return names.byName.get(eventName) ?? names.anyName;
}

/**
 * Applies a rule set: the first matching ignore rule silences the event; otherwise the most severe
 * matching rule (first listed among equals) names it; matches from other families (another event
 * source, or none: root use, unauthorized calls) are reported as `others`.
 *
 * @example matchRules(event, ruleSet) // { kind: 'ignored', rule: 'no-rule-matches', reason: 'no rule matches ec2.amazonaws.com DescribeInstances' }
 */
export function matchRules(event: CloudTrailEvent, ruleSet: RuleSet): RuleMatch {
  const ignore = ruleSet.ignores.find((i) => ignoreMatches(i, event));
  if (ignore) {
    return {
      kind: 'ignored',
      rule: ignore.id,
      reason: `ignored by ${ignore.id}${ignore.reason ? `: ${ignore.reason}` : ''}`,
    };
  }
  // One pass, no array for the usual one match: most events match one rule, or none.
  let chosen: ApiCallRule | undefined;
  let matches: ApiCallRule[] | undefined;
  for (const rule of candidateRules(ruleSet, event.record.eventSource, event.record.eventName)) {
    if (!ruleMatches(rule, event)) continue;
    if (chosen === undefined) chosen = rule;
    else if (matches === undefined) matches = [chosen, rule];
    else matches.push(rule);
  }
  if (!chosen) {
    const { eventSource, eventName } = event.record;
    return { kind: 'ignored', rule: NO_RULE_MATCHES, reason: `no rule matches ${eventSource} ${eventName}` };
  }
  if (!matches) return { kind: 'matched', rule: chosen, others: NO_OTHERS };
  return inSeverityOrder(matches);
}

/**
 * The most severe of several matches (first listed among equals) and the others from other
 * families, most severe first: a stable sort by rank, done by counting (four ranks, a few rules;
 * Array.prototype.sort copies its array first).
 */
function inSeverityOrder(matches: readonly ApiCallRule[]): RuleMatch {
  let rule = matches[0]!;
  for (const r of matches) if (severityRank[r.severity] < severityRank[rule.severity]) rule = r;
  // A rule's own family (same event source) only refines it; other matches say something new.
  const others: ApiCallRule[] = [];
  for (let rank = severityRank[rule.severity]; rank <= MAX_RANK; rank++) {
    for (const r of matches) {
      if (severityRank[r.severity] === rank && r.eventSource !== rule.eventSource) others.push(r);
    }
  }
  return { kind: 'matched', rule, others };
}
