import { describe, it } from 'vitest';
import { runbookInText } from '../../../../src/lib/core/links/runbook';
import { parseRouting, route } from '../../../../src/lib/core/routing';
import { expectLinear } from '../../../helpers/growth';
import { albAlarm } from '../render/sample-notifications';

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length));
/** Globs that would backtrack per star if compiled to a regex. */
const routing = parseRouting({
  version: 1,
  destinations: { a: { type: 'webhook', parameter: '/a' }, b: { type: 'webhook', parameter: '/b' } },
  routes: [
    { match: { alarm: ['*a*a*a*a*b'], source: ['*a*a*b'] }, to: ['a'] },
    { match: { alarm: ['web-*-*-*-5xx'] }, to: ['b'], continue: true },
  ],
  default: ['b'],
}).routing;
const now = new Date('2026-11-29T12:00:00Z');

describe('routing: linear time on hostile names (doubling, never a clock)', () => {
  it.each([
    ['an alarm name of "a"s', 'a'],
    ['an alarm name of "web-"s', 'web-'],
  ])('routes %s', (_, unit) => {
    expectLinear(
      (n) => ({ ...albAlarm, labels: { alarm: fill(unit, n) }, source: { type: fill(unit, n) } }),
      (n) => route(n, routing, now),
    );
  });

  it.each([
    ['"runbook: " repeated', 'runbook: '],
    ['"runbook: https://" repeated', ' runbook: https://'],
  ])('finds a runbook in a description of %s', (_, unit) => {
    expectLinear((n) => fill(unit, n), runbookInText);
  });
});
