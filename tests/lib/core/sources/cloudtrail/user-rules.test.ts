import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../../src/lib/core/errors';
import { sources } from '../../../../../src/lib/core/sources';
import {
  defaultRules,
  eventPatterns,
  matchesEventPattern,
  parseRulesFile,
  parseRulesJson,
  type RuleSet,
} from '../../../../../src/lib/core/sources/cloudtrail';
import { processEvent } from '../../../../../src/lib/pipeline';
import { call } from './records';

const ctx = { locale: 'en', timeZone: 'UTC', now: new Date('2025-01-01T00:00:00Z') } as const;
/** What one event becomes through the production path with a rule set: a notification, or a named ignore. */
async function outcome(event: unknown, ruleSet: RuleSet) {
  const { notifications, ignored } = await processEvent(event, { sources, ctx, ruleSet });
  if (notifications[0]) return { kind: 'notification', notification: notifications[0] } as const;
  return { kind: 'ignored', rule: ignored[0]?.rule, reason: ignored[0]?.reason } as const;
}
const stopLogging = (overrides: Record<string, unknown> = {}) =>
  call('cloudtrail.amazonaws.com', 'StopLogging', overrides);
const assumed = (role: string) => ({
  type: 'AssumedRole',
  arn: `arn:aws:sts::111122223333:assumed-role/${role}/session-1`,
  sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::111122223333:role/${role}`, userName: role } },
});

describe('cloudtrail: user rules file', () => {
  it('adds rules before the defaults and keeps every default', () => {
    const set = parseRulesFile({
      rules: [
        {
          id: 'lambda-code',
          title: 'Lambda code changed',
          eventSource: 'lambda.amazonaws.com',
          eventNames: ['UpdateFunctionCode20150331v2'],
        },
      ],
    });
    expect(set.rules.map((r) => r.id)).toEqual(['lambda-code', ...defaultRules.map((r) => r.id)]);
    expect(set.rules[0]).toMatchObject({
      severity: 'warning',
      title: { en: 'Lambda code changed', ja: 'Lambda code changed' },
      origin: 'user',
    });
  });

  it('notifies with a user rule whose conditions match, and generates its EventBridge pattern', async () => {
    const set = parseRulesFile({
      rules: [
        {
          id: 'prod-function-code',
          title: { en: 'Production function code changed', ja: '本番関数のコードが変更されました' },
          severity: 'critical',
          eventSource: 'lambda.amazonaws.com',
          eventNames: ['UpdateFunctionCode20150331v2'],
          conditions: { requestParameters: { functionName: [{ prefix: 'prod-' }] } },
        },
      ],
    });
    const hit = call('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', {
      requestParameters: { functionName: 'prod-api' },
    });
    const miss = call('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', {
      requestParameters: { functionName: 'dev-api' },
    });
    const result = await outcome(hit, set);
    expect(result.kind === 'notification' && [result.notification.severity, result.notification.title]).toEqual([
      'critical',
      'UpdateFunctionCode20150331v2 by alice',
    ]);
    expect((await outcome(miss, set)).kind).toBe('ignored');
    const pattern = eventPatterns(set).find((p) => p.ruleIds.includes('prod-function-code'))!;
    expect([matchesEventPattern(pattern.pattern, hit), matchesEventPattern(pattern.pattern, miss)]).toEqual([
      true,
      false,
    ]);
  });

  it.each([
    [
      'a role ARN (covers its sessions)',
      { principalArn: 'arn:aws:iam::*:role/terraform-ci' },
      { userIdentity: assumed('terraform-ci') },
    ],
    [
      'a session ARN glob',
      { principalArn: 'arn:aws:sts::111122223333:assumed-role/terraform-*/*' },
      { userIdentity: assumed('terraform-ci') },
    ],
    ['an event name', { eventName: ['StartLogging', 'StopLogging'] }, {}],
    ['an IPv4 CIDR', { sourceIp: '198.51.100.0/24' }, {}],
    ['an IPv6 CIDR', { sourceIp: '2001:db8::/32' }, { sourceIPAddress: '2001:db8::7' }],
    ['an account', { account: '111122223333' }, {}],
    ['a region and an event name together', { region: 'us-east-1', eventName: 'StopLogging' }, {}],
  ])('ignores by %s, first, naming the ignore rule', async (_name, entry, overrides) => {
    const set = parseRulesFile({ ignore: [{ id: 'ci', reason: 'CI pipelines', ...entry }] });
    expect(await outcome(stopLogging(overrides), set)).toEqual({
      kind: 'ignored',
      rule: 'ci',
      reason: 'ignored by ci: CI pipelines',
    });
  });

  it.each([
    ['another role', { principalArn: 'arn:aws:iam::*:role/terraform-ci' }, { userIdentity: assumed('admin') }],
    ['another network', { sourceIp: '10.0.0.0/8' }, {}],
    ['an address of the other IP version', { sourceIp: '::/0' }, {}],
    ['one condition of two', { region: 'eu-west-1', eventName: 'StopLogging' }, {}],
  ])('does not ignore %s', async (_name, entry, overrides) => {
    const set = parseRulesFile({ ignore: [entry] });
    expect((await outcome(stopLogging(overrides), set)).kind).toBe('notification');
  });

  it('names unnamed ignore entries by position', async () => {
    const set = parseRulesFile({ ignore: [{ account: '999999999999' }, { eventName: 'StopLogging' }] });
    expect(await outcome(stopLogging(), set)).toMatchObject({
      rule: 'ignore[1]',
      reason: 'ignored by ignore[1]',
    });
  });

  it.each([
    [
      { ignore: [{ account: '111122223333' }, { region: 'us-east-1' }, { sourceIp: '10.0.0.0/33' }] },
      'notifier-rules.json: ignore[2].sourceIp: "10.0.0.0/33" is not a CIDR',
    ],
    [
      { ignore: [{ sourceIp: ['10.0.0.0/8', 'fe80::/200'] }] },
      'notifier-rules.json: ignore[0].sourceIp[1]: "fe80::/200" is not a CIDR',
    ],
    [
      { ignore: [{ reason: 'nothing else' }] },
      'notifier-rules.json: ignore[0]: needs at least one of principalArn, eventName, eventSource, sourceIp, account, region',
    ],
    [{ ignore: [{ sourceIP: '10.0.0.0/8' }] }, 'notifier-rules.json: ignore[0]: Unrecognized key: "sourceIP"'],
    [
      { ignore: [{ account: '1234', region: 'US East' }] },
      'notifier-rules.json: ignore[0].region: "US East" is not a region code such as us-east-1',
    ],
    [
      { ignore: [{ principalArn: 'terraform' }] },
      'notifier-rules.json: ignore[0].principalArn: "terraform" is not an ARN pattern (arn:…, * and ? allowed)',
    ],
    [
      { rules: [{ id: 'x', title: 't', eventSource: 'lambda', eventNames: ['A'] }] },
      'notifier-rules.json: rules[0].eventSource: must look like "lambda.amazonaws.com"',
    ],
    [
      { rules: [{ id: 'x', title: 't', eventSource: 'lambda.amazonaws.com', eventNames: [] }] },
      'notifier-rules.json: rules[0].eventNames: must list at least one event name',
    ],
    [
      { rules: [{ id: 'root-activity', title: 't', eventSource: 'lambda.amazonaws.com', eventNames: ['A'] }] },
      'notifier-rules.json: rules[0].id: "root-activity" is already a rule id',
    ],
    [
      { rules: [{ id: 'x', title: 't', severity: 'high', eventSource: 'lambda.amazonaws.com', eventNames: ['A'] }] },
      'notifier-rules.json: rules[0].severity: Invalid option: expected one of "critical"|"warning"|"info"|"ok"',
    ],
    [[], 'notifier-rules.json: Invalid input: expected object, received array'],
  ])('rejects %j', (file, message) => {
    expect(() => parseRulesFile(file)).toThrow(new ConfigError(message));
  });

  it('rejects text that is not JSON, naming the file', () => {
    expect(() => parseRulesJson('{ "ignore": [', 'rules.json')).toThrow(/^rules\.json: not valid JSON/);
  });
});
