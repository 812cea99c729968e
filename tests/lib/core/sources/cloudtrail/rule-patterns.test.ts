import { describe, expect, it } from 'vitest';
import { sources } from '../../../../../src/lib/core/sources';
import {
  defaultRuleSet,
  eventPatterns,
  MAX_EVENT_PATTERN_CHARS,
  matchesEventPattern,
} from '../../../../../src/lib/core/sources/cloudtrail';
import { processEvent } from '../../../../../src/lib/pipeline';
import { cloudTrailFixtureEvents } from './fixtures';
import { call } from './records';

const ctx = { locale: 'en', timeZone: 'UTC', now: new Date('2025-01-01T00:00:00Z') } as const;
const patterns = eventPatterns(defaultRuleSet);

describe('cloudtrail: EventBridge patterns from the rule set', () => {
  it('stays within the event pattern size limit', () => {
    for (const p of patterns) expect(JSON.stringify(p.pattern).length).toBeLessThanOrEqual(MAX_EVENT_PATTERN_CHARS);
  });

  it('serves every rule, with unique names', () => {
    expect(new Set(patterns.flatMap((p) => p.ruleIds))).toEqual(new Set(defaultRuleSet.rules.map((r) => r.id)));
    expect(new Set(patterns.map((p) => p.name)).size).toBe(patterns.length);
  });

  it('delivers every fixture that notifies of an API call or sign-in', async () => {
    const fixtures = cloudTrailFixtureEvents();
    const results = await Promise.all(
      fixtures.map((f) => processEvent(f.event, { sources, ctx, ruleSet: defaultRuleSet })),
    );
    const notifying = fixtures.filter((_, i) => results[i]!.notifications.some((n) => n.category === 'api-call'));
    expect(notifying.length).toBeGreaterThan(50);
    const undelivered = notifying.filter((f) => !patterns.some((p) => matchesEventPattern(p.pattern, f.event)));
    expect(undelivered.map((f) => f.name)).toEqual([]);
  });

  it('does not deliver routine read-only calls', () => {
    const routine = ['DescribeInstances', 'GetBucketPolicy', 'ListUsers'].map((n) => call('ec2.amazonaws.com', n));
    expect(routine.filter((e) => patterns.some((p) => matchesEventPattern(p.pattern, e)))).toEqual([]);
  });

  it('refuses forged events from custom sources', () => {
    const forged = { ...call('cloudtrail.amazonaws.com', 'StopLogging'), source: 'my.app' };
    expect(patterns.some((p) => matchesEventPattern(p.pattern, forged))).toBe(false);
  });

  it('splits a pattern that would exceed the limit, keeping every event name', () => {
    const small = eventPatterns(defaultRuleSet, 600);
    const ec2 = small.filter((p) => p.name.startsWith('ec2'));
    expect(ec2.length).toBeGreaterThan(1);
    for (const p of small) expect(JSON.stringify(p.pattern).length).toBeLessThanOrEqual(600);
    const names = (list: typeof patterns) =>
      list.flatMap((p) => ((p.pattern.detail as { eventName?: string[] }).eventName ?? []) as string[]).sort();
    expect(names(small)).toEqual(names(patterns));
  });

  it('generates these patterns', () => {
    expect(patterns).toMatchSnapshot();
  });
});
