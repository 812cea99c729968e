import { describe, expect, it } from 'vitest';
import { wrapCloudTrailRecord } from '../../../../../src/lib/core/envelopes/cloudtrail';
import { defaultRuleSet, eventPatterns, matchesEventPattern } from '../../../../../src/lib/core/sources/cloudtrail';
import { field, notificationOf, record, ruleIdOf } from './through-pipeline';

const CONSOLE_ROOT_KEY = 'panther-CreateAccessKey-root-console.json';
const rootActivityPattern = eventPatterns(defaultRuleSet).find((p) => p.ruleIds.includes('root-activity'))!;

/** The same real record, invoked by another AWS service instead of the console. */
const invokedBy = (service: string) => {
  const raw = structuredClone(record(CONSOLE_ROOT_KEY));
  (raw.userIdentity as Record<string, unknown>).invokedBy = service;
  return raw;
};

describe('cloudtrail: root activity made in the console', () => {
  it.each([
    ['en', 'CreateAccessKey by root', 'Success'],
    ['ja', 'root が CreateAccessKey を実行', '成功'],
  ] as const)(
    'a root access key created in the console is critical root activity (%s)',
    async (locale, title, result) => {
      const n = await notificationOf(record(CONSOLE_ROOT_KEY), locale);
      expect([ruleIdOf(n), n.severity, n.title, field(n, 'result')]).toEqual([
        'root-activity',
        'critical',
        title,
        result,
      ]);
    },
  );

  it('is delivered by the root-activity EventBridge pattern (invokedBy absent or signin.amazonaws.com)', () => {
    expect(rootActivityPattern.pattern.detail).toMatchObject({
      userIdentity: { type: ['Root'], invokedBy: [{ exists: false }, 'signin.amazonaws.com'] },
    });
    expect(matchesEventPattern(rootActivityPattern.pattern, wrapCloudTrailRecord(record(CONSOLE_ROOT_KEY)))).toBe(true);
  });

  it('still leaves out calls another AWS service made for the root user', async () => {
    const raw = invokedBy('cloudformation.amazonaws.com');
    expect(matchesEventPattern(rootActivityPattern.pattern, wrapCloudTrailRecord(raw))).toBe(false);
    const n = await notificationOf(raw, 'en');
    expect([ruleIdOf(n), n.severity]).toEqual(['iam-credential-change', 'warning']);
  });
});
