import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../../../src/lib/core/sources/cloudtrail';
import {
  defaultRuleDescriptions,
  ruleDescription,
} from '../../../../../src/lib/core/sources/cloudtrail/rules/descriptions';

describe('cloudtrail: rule descriptions (for `notifier rules`, kept out of the function bundles)', () => {
  it('has one sentence for every built-in rule, and none for a rule that does not exist', () => {
    expect(Object.keys(defaultRuleDescriptions).sort()).toEqual(defaultRules.map((r) => r.id).sort());
    for (const text of Object.values(defaultRuleDescriptions)) expect(text).toMatch(/^[A-Z].{20,}\.$/);
  });

  it('describes a built-in rule by its entry, a user rule by its own text, else by its English title', () => {
    const builtIn = defaultRules[0];
    if (!builtIn) throw new Error('no built-in rules');
    expect(ruleDescription(builtIn)).toBe(defaultRuleDescriptions[builtIn.id]);
    expect(ruleDescription({ ...builtIn, id: 'mine', origin: 'user', description: 'My own sentence.' })).toBe(
      'My own sentence.',
    );
    expect(ruleDescription({ ...builtIn, id: 'mine', origin: 'user' })).toBe(builtIn.title.en);
  });
});
