import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  API_CALL_DETAIL_TYPE,
  defaultRules,
  matchRules,
  parseCloudTrailEvent,
  parseRulesFile,
  type RuleSet,
} from '../../../../../src/lib/core/sources/cloudtrail';
import { ruleMatches } from '../../../../../src/lib/core/sources/cloudtrail/match';
import type { ApiCallRule } from '../../../../../src/lib/core/sources/cloudtrail/rule';
import type { CloudTrailEvent } from '../../../../../src/lib/core/sources/cloudtrail/schemas';
import { cloudTrailFixtureEvents } from './fixtures';
import { call } from './records';

const severityRank = { critical: 0, warning: 1, info: 2, ok: 3 } as const;

/** matchRules's choice with every rule of the set tried, as the rule says: the reference for its index by event source and name. */
function everyRuleTried(event: CloudTrailEvent, ruleSet: RuleSet): { rule?: string; others: string[] } {
  const matches = ruleSet.rules
    .filter((r) => ruleMatches(r, event))
    .sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  const [chosen, ...others] = matches;
  return {
    rule: chosen?.id,
    others: others.filter((r: ApiCallRule) => r.eventSource !== chosen?.eventSource).map((r) => r.id),
  };
}

const chosen = (event: CloudTrailEvent, ruleSet: RuleSet) => {
  const match = matchRules(event, ruleSet);
  return match.kind === 'matched'
    ? { rule: match.rule.id, others: match.others.map((r) => r.id) }
    : { rule: undefined, others: [] };
};

/** A rule for any event source, made from a default rule by leaving its source out. */
function forAnySource(rule: ApiCallRule, id: string): ApiCallRule {
  const { eventSource: _source, ...rest } = rule;
  return { ...rest, id, eventNames: ['DeleteTrail', 'DeleteBucket'] };
}

/** The defaults; user rules (for a source the defaults name, for a new one) before them; rules for any source among them. */
const ruleSets: RuleSet[] = [
  { rules: defaultRules, ignores: [] },
  parseRulesFile({
    rules: [
      {
        id: 'trail-delete',
        title: 'Trail',
        severity: 'info',
        eventSource: 'cloudtrail.amazonaws.com',
        eventNames: ['DeleteTrail'],
      },
      { id: 'lambda-code', title: 'Code', eventSource: 'lambda.amazonaws.com', eventNames: ['UpdateFunctionCode'] },
    ],
  }),
  {
    rules: [forAnySource(defaultRules[0]!, 'any-first'), ...defaultRules, forAnySource(defaultRules[1]!, 'any-last')],
    ignores: [],
  },
];

const events: CloudTrailEvent[] = [
  // The readable fixtures (a few are broken on purpose: they never reach the rules).
  ...cloudTrailFixtureEvents().flatMap(({ event }) => {
    try {
      return [parseCloudTrailEvent(event)];
    } catch {
      return [];
    }
  }),
  parseCloudTrailEvent(call('lambda.amazonaws.com', 'UpdateFunctionCode')),
  parseCloudTrailEvent(call('s3.amazonaws.com', 'DeleteBucket')),
  parseCloudTrailEvent(call('cloudtrail.amazonaws.com', 'DeleteTrail')),
  parseCloudTrailEvent(call('unknown.amazonaws.com', 'DeleteTrail')),
  // Names no rule of the source names, and a name only rules for any source name.
  parseCloudTrailEvent(call('cloudtrail.amazonaws.com', 'LookupEvents')),
  parseCloudTrailEvent(call('unknown.amazonaws.com', 'DeleteBucket')),
  parseCloudTrailEvent(call('unknown.amazonaws.com', 'ListBuckets')),
];

describe('cloudtrail: matchRules tries only the rules for the event source and name, with the same choice', () => {
  it.each(ruleSets.map((set, i) => [i, set] as const))('rule set %i, over every fixture and more', (_i, ruleSet) => {
    let matched = 0;
    for (const event of events) {
      const expected = everyRuleTried(event, ruleSet);
      expect(chosen(event, ruleSet)).toEqual(expected);
      if (expected.rule) matched += 1;
    }
    // The comparison means something only if many events match a rule.
    expect(matched).toBeGreaterThan(20);
  });
});

describe('cloudtrail: matchRules orders several matches as a stable sort by severity would', () => {
  const sources = [undefined, 'cloudtrail.amazonaws.com', 's3.amazonaws.com'] as const;
  const severities = ['critical', 'warning', 'info', 'ok'] as const;
  /** A rule for every API call (of one source, or of any). */
  const rule = fc.record({ severity: fc.constantFrom(...severities), eventSource: fc.constantFrom(...sources) }).map(
    ({ severity, eventSource }): Omit<ApiCallRule, 'id'> => ({
      detailTypes: [API_CALL_DETAIL_TYPE],
      title: { en: 'Any call', ja: 'Any call' },
      severity,
      origin: 'user',
      ...(eventSource ? { eventSource } : {}),
    }),
  );

  it('chooses the first most severe and lists the other families most severe first, in their order among equals', () => {
    const targets = [call('cloudtrail.amazonaws.com', 'DeleteTrail'), call('s3.amazonaws.com', 'DeleteBucket')].map(
      (e) => parseCloudTrailEvent(e),
    );
    let withOthers = 0;
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), (rules) => {
        const ruleSet: RuleSet = { rules: rules.map((r, i) => ({ ...r, id: `r${i}` })), ignores: [] };
        for (const event of targets) {
          const expected = everyRuleTried(event, ruleSet);
          expect(chosen(event, ruleSet)).toEqual(expected);
          if (expected.others.length > 1) withOthers += 1;
        }
      }),
      { numRuns: 500 },
    );
    expect(withOthers).toBeGreaterThan(100);
  });
});
