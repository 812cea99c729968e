import { describe, expect, it } from 'vitest';
import type { RenderContext } from '../../../../../src/lib/core/locale';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { type ApiCallResult, defaultRuleSet, interpretApiCall } from '../../../../../src/lib/core/sources/cloudtrail';
import { cloudTrailFixtureEvents } from './fixtures';

const ctx = (locale: 'en' | 'ja', timeZone = 'UTC'): RenderContext => ({
  locale,
  timeZone,
  now: new Date('2025-01-01T00:00:00Z'),
});
const fixtures = cloudTrailFixtureEvents();
const interpret = (event: unknown, c = ctx('en')) => interpretApiCall(event, c, defaultRuleSet);

describe('cloudtrail: every fixture through the default rules', () => {
  it.each(fixtures.map((f) => [f.name, f.event] as const))('%s', (_name, event) => {
    const result = interpret(event);
    if (result.kind === 'notification')
      expect(notificationSchema.parse(result.notification)).toEqual(result.notification);
    expect(result).toMatchSnapshot();
  });

  it.each([
    'records/elastic-StopLogging-iam-user-console.json',
    'records/panther-AuthorizeSecurityGroupIngress-0.0.0.0-0.json',
    'records/panther-ConsoleLogin-root-success.json',
    'records/fivexl-access_denied.json',
    'records/panther-PutBucketAcl-AccessDenied.json',
  ])('%s in Japanese, Asia/Tokyo', (name) => {
    const fixture = fixtures.find((f) => f.name === name)!;
    expect(interpret(fixture.event, ctx('ja', 'Asia/Tokyo'))).toMatchSnapshot();
  });

  it('notifies for most fixtures and ignores the routine and unsupported ones (summary)', () => {
    const results: Array<[string, ApiCallResult]> = fixtures.map((f) => [f.name, interpret(f.event)]);
    const tally = (key: (r: ApiCallResult) => string) =>
      Object.fromEntries(
        [...results.reduce((m, [, r]) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>())].sort(),
      );
    const summary = {
      fixtures: results.length,
      notified: results.filter(([, r]) => r.kind === 'notification').length,
      ignored: results.filter(([, r]) => r.kind === 'ignored').length,
      bySeverity: tally((r) => (r.kind === 'notification' ? r.notification.severity : 'ignored')),
      ignoredBecause: Object.fromEntries(
        results.flatMap(([name, r]) => (r.kind === 'ignored' ? [[name, r.reason]] : [])),
      ),
    };
    expect(summary.notified + summary.ignored).toBe(fixtures.length);
    expect(summary).toMatchSnapshot();
  });
});
