import { describe, it } from 'vitest';
import { globMatcher } from '../../../../src/lib/core/glob';
import type { RenderContext } from '../../../../src/lib/core/locale';
import { looksLikeBudgetText, parseBudgetText } from '../../../../src/lib/core/sources/budget/budget-text';
import { budgetTopicSource } from '../../../../src/lib/core/sources/budget/source';
import { cidrContains, parseCidr } from '../../../../src/lib/core/sources/cloudtrail/cidr';
import { describeVia } from '../../../../src/lib/core/sources/cloudtrail/user-agent';
import { readReason } from '../../../../src/lib/core/sources/cloudwatch-alarm/reason-text';
import { leavesHash, leavesOf } from '../../../../src/lib/core/sources/generic/flatten';
import { snsJsonNotification, snsTextNotification } from '../../../../src/lib/core/sources/generic/from-sns';
import { genericSource } from '../../../../src/lib/core/sources/generic/source';
import { healthSource } from '../../../../src/lib/core/sources/health/source';
import type { Source } from '../../../../src/lib/core/sources/source';
import { fixture } from '../../../helpers/fixtures';
import { expectLinear } from '../../../helpers/growth';

/*
 * The parsers of event text in linear time on hostile input: budget texts, alarm reasons, user
 * agents, CIDR blocks, globs, and unknown JSON. By growth of CPU time (tests/helpers/growth.ts).
 */

const ctx: RenderContext = { locale: 'en', timeZone: 'UTC', now: new Date('2024-01-01T00:00:00Z') };
/** `unit` repeated to about `n` UTF-16 units. */
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length));
/** What a handler does with a message a source claims: read it, then build the notification. */
const readAndBuild = (source: Source) => (payload: unknown) => {
  const reading = source.read({ path: '', payload: payload as Record<string, unknown>, isMessage: true }, {});
  if (reading.kind === 'notify') reading.build(ctx, {});
};
const table = (rest: string) => `Budget Name: x\nAlert Type: ACTUAL\n${rest}`;

/** Measurements take seconds of CPU, so more than the default wall-clock allowance on a loaded machine. */
const SLOW = 60_000;

describe('sources: linear time on hostile text', { timeout: SLOW }, () => {
  it.each<[string, (n: number) => string]>([
    ['a long digit run', (n) => table(`ACTUAL Amount: $${'1'.repeat(n)}`)],
    ['a run of "http://" (once quadratic)', (n) => table(fill('http://', n))],
    [
      'the alert sentence start, repeated (once quadratic)',
      (n) => fill('alert you when the actual cost associated with your  greater than ', n),
    ],
    ['the amount sentence start, repeated', (n) => fill('associated with this budget is ', n)],
    ['a label, spaces and a line separator (once quadratic)', (n) => `Budget Name:${' '.repeat(n)}x\u2028y`],
    ['a threshold, spaces and a line separator', (n) => table(`Alert Threshold: >${' '.repeat(n)}x\u2028y`)],
    ['many label lines', (n) => fill('Ab: c\n', n)],
    ['a tab table with a long value row', (n) => `Budget Name\tAlert Type\n${fill('x\t', n)}`],
  ])('budget text: parseBudgetText on %s', (_, make) => {
    expectLinear(make, parseBudgetText);
  });

  it.each<[string, (n: number) => string]>([
    ['a run of line breaks (once quadratic)', (n) => `${'\n'.repeat(n)}x`],
    ['blank lines of spaces', (n) => fill(' \n', n)],
    ['"associated with your" repeated', (n) => fill('associated with your ', n)],
  ])('budget text: looksLikeBudgetText on %s', (_, make) => {
    expectLinear(make, (text) => looksLikeBudgetText(text));
  });

  it.each<[string, (n: number) => string]>([
    ['a long digit run (once quadratic)', (n) => '1'.repeat(n)],
    ['a long number with a fraction', (n) => `1.${'1'.repeat(n)}`],
    ['"1 datapoint (" repeated', (n) => fill('1 datapoint (', n)],
    ['"1 out of the last " repeated', (n) => fill('1 out of the last ', n)],
  ])('alarm reason: readReason on %s', (_, make) => {
    expectLinear(make, readReason);
  });

  it.each<[string, (n: number) => string]>([
    ['a console host of many labels', (n) => `console.${fill('a.', n)}x`],
    ['SDK names repeated', (n) => fill('aws-sdk ', n)],
    ['a run of spaces', (n) => `x${' '.repeat(n)}x`],
  ])('CloudTrail: describeVia on a user agent of %s', (_, make) => {
    expectLinear(make, (userAgent) => describeVia({ userAgent }));
  });

  it.each<[string, (n: number) => string]>([
    ['colons', (n) => ':'.repeat(n)],
    ['dots and digits', (n) => fill('1.', n)],
    ['"::1/" repeated', (n) => fill('::1/', n)],
  ])('CloudTrail: CIDR parsing of %s', (_, make) => {
    const block = parseCidr('10.0.0.0/8')!;
    expectLinear(make, (text) => [parseCidr(text), cidrContains(block, text)]);
  });

  it.each([
    ['*a*a*a*b', 'a'],
    ['arn:aws:sts::*:assumed-role/terraform/*', 'arn:aws:sts::'],
  ])('CloudTrail: glob %s against a long value', (glob, unit) => {
    const match = globMatcher(glob);
    expectLinear((n) => fill(unit, n), match);
  });

  it('generic: flattens many leaves under a long key (paths once repeated the key per leaf)', () => {
    // One leaf per 64 units: every leaf of a run is alive until its end, and at one per 16 the grown
    // runs (16,000 leaves) no longer fit the young generation while the base runs did, so each leaf
    // of a grown run cost about twice as much: linear code read ×9–12. A path that repeated the key
    // per leaf is still quadratic here (leaves × key length: n²/128 characters), ×16 at 4n.
    const wide = (n: number) => ({ ['k'.repeat(n / 2)]: Array.from({ length: n / 64 }, () => 1) });
    expectLinear(wide, (value) => leavesHash(leavesOf(value)));
    expectLinear(wide, (value) => snsJsonNotification(value, undefined, ctx));
  });

  it('generic: an EventBridge event of no known source, wide, with long keys and hostile values', () => {
    const event = (n: number) => ({
      ...fixture('health/eventbridge-health-ec2-operational-issue-PUBLIC-docs.json'),
      source: 'custom.app',
      'detail-type': 'Something Happened',
      detail: Object.fromEntries(
        Array.from({ length: n / 64 }, (_, i) => [`${'k'.repeat(40)}${i}`, ' \n<&'.repeat(4)]),
      ),
    });
    expectLinear(event, readAndBuild(genericSource), { maxN: 1 << 20 });
  });

  it('health: an event with a long escaped-newline description and many affected entities', () => {
    const event = (n: number) => {
      const health = fixture<{ detail: Record<string, unknown> }>(
        'health/eventbridge-health-ec2-operational-issue-PUBLIC-docs.json',
      );
      Object.assign(health.detail, {
        eventDescription: [{ latestDescription: '\\n x'.repeat(n / 4), language: 'en_US' }],
        affectedEntities: Array.from({ length: n / 64 }, (_, i) => ({ entityValue: `i-${i}` })),
      });
      return health;
    };
    expectLinear(event, readAndBuild(healthSource));
  });

  it('generic: a plain-text message of hostile text', () => {
    expectLinear(
      (n) => `x${' '.repeat(n)}\n${fill('\n \n', n)}`,
      (text) => snsTextNotification(text, undefined, ctx),
    );
  });

  it('budget topic: unknown JSON nested near the depth bound, growing in width', () => {
    const nested = (n: number) => {
      let value: unknown = Array.from({ length: n / 8 }, (_, i) => ({ k: i }));
      for (let depth = 0; depth < 60; depth++) value = { a: value };
      return value;
    };
    expectLinear(nested, readAndBuild(budgetTopicSource));
  });
});
