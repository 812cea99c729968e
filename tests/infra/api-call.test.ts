import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultRules,
  type EventPattern,
  MAX_EVENT_PATTERN_CHARS,
  matchesEventPattern,
  matchRules,
  parseCloudTrailEvent,
  parseRulesJson,
} from '../../src/lib/core/sources/cloudtrail';
import { byRoot, call, signIn } from '../lib/core/sources/cloudtrail/records';
import {
  type CfnTemplate,
  CUSTOM_DIR,
  CUSTOM_RULES_FILE,
  customTemplate,
  packagedTemplate,
  ROOT,
  rulesTargeting,
} from './packaged';
import { readZip } from './zip';

const PACKAGE_TIMEOUT_MS = 120_000;
const FUNCTION_ID = 'ApiCallLambdaFunction';

/** infra/api-call.cjs: the checked rules file and the rule set it makes. */
interface ApiCallModule {
  apiCallConfig(rulesFile: string): Promise<{ ruleSet: unknown; rulesFile: string; packagePatterns: string[] }>;
}
const { apiCallConfig } = createRequire(import.meta.url)('../../infra/api-call.cjs') as ApiCallModule;
/** infra/source-events.cjs: every ingest function's triggers, from the sources registry. */
const { sourceEvents } = createRequire(import.meta.url)('../../infra/source-events.cjs') as {
  sourceEvents(settings: { ruleSet?: unknown }): Record<string, { eventBridge?: { pattern: EventPattern } }[]>;
};

type Event = ReturnType<typeof call>;
const failed = (code: string) => ({ errorCode: code, errorMessage: `${code} for test` });
/** Sign-in rules differ by outcome, not by event name: one matching sign-in each. */
const SIGN_INS: Record<string, Event> = {
  'root-console-sign-in': signIn({ root: true, success: true, mfa: 'Yes' }),
  'root-console-sign-in-failure': signIn({ root: true, success: false }),
  'console-sign-in-without-mfa': signIn({ success: true, mfa: 'No' }),
  'console-sign-in-failure': signIn({ success: false }),
};
/** Rules that match on conditions rather than event names (their events come from any service). */
const CONDITIONED: Record<string, Event[]> = {
  'root-activity': [
    byRoot('ec2.amazonaws.com', 'DescribeInstances'),
    byRoot('s3.amazonaws.com', 'CreateBucket'),
    // Made in the console: the sign-in service is named as the invoker.
    byRoot('ec2.amazonaws.com', 'RunInstances', {
      userIdentity: { type: 'Root', accountId: '111122223333', invokedBy: 'signin.amazonaws.com' },
    }),
  ],
  'unauthorized-api-call': [
    call('s3.amazonaws.com', 'GetObject', failed('AccessDenied')),
    call('ec2.amazonaws.com', 'RunInstances', failed('Client.UnauthorizedOperation')),
  ],
};

/** Events each default rule notifies about: every event name it lists, or its own cases. */
function eventsFor(rule: (typeof defaultRules)[number]): Event[] {
  const cases = SIGN_INS[rule.id] ? [SIGN_INS[rule.id]!] : (CONDITIONED[rule.id] ?? []);
  if (cases.length > 0 || rule.eventNames === undefined) return cases;
  return rule.eventNames.map((name) => call(rule.eventSource!, name));
}

let template: CfnTemplate;
let custom: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
  custom = customTemplate();
}, PACKAGE_TIMEOUT_MS);

const patternsOf = (t: CfnTemplate) =>
  rulesTargeting(t, FUNCTION_ID).map(([, props]) => props.EventPattern as EventPattern);
const delivered = (t: CfnTemplate, event: unknown) => patternsOf(t).some((p) => matchesEventPattern(p, event));
const environment = (t: CfnTemplate) =>
  (t.Resources[FUNCTION_ID]?.Properties?.Environment as { Variables: Record<string, unknown> } | undefined)
    ?.Variables ?? {};

/** A user rule from tests/infra/fixtures/notifier-rules.json, its event and a near miss. */
const updateCode = (functionName: string) =>
  call('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', { requestParameters: { functionName } });

describe('infra: api-call rules from the rule set', () => {
  it.each(defaultRules.map((rule) => [rule.id, rule] as const))(
    '%s: its events reach the api-call function through the packaged rules, and notify',
    (_id, rule) => {
      const events = eventsFor(rule);
      expect(events.length, `add events for rule ${rule.id}`).toBeGreaterThan(0);
      for (const event of events) {
        expect(delivered(template, event)).toBe(true);
        expect(matchRules(parseCloudTrailEvent(event), { rules: defaultRules, ignores: [] }).kind).toBe('matched');
      }
    },
  );

  it.each([
    ['a routine read-only call', call('ec2.amazonaws.com', 'DescribeInstances')],
    ['another routine call', call('s3.amazonaws.com', 'GetBucketPolicy')],
    ['a forged event from a custom source', { ...call('cloudtrail.amazonaws.com', 'StopLogging'), source: 'my.app' }],
  ])('does not invoke the function for %s', (_name, event) => {
    expect(delivered(template, event)).toBe(false);
  });

  it('keeps every pattern within EventBridge’s size limit, and no rule without a pattern', () => {
    const patterns = patternsOf(template);
    expect(patterns.length).toBeGreaterThan(1);
    for (const pattern of patterns) expect(JSON.stringify(pattern).length).toBeLessThanOrEqual(MAX_EVENT_PATTERN_CHARS);
  });

  it('runs the built-in rules when no rules file is given', () => {
    expect(environment(template).NOTIFIER_RULES_FILE).toBe('');
  });
});

describe('infra: api-call user rules file (rulesFile)', () => {
  it('adds a rule for the user’s rule, applying its conditions in EventBridge', () => {
    expect(patternsOf(custom)).toHaveLength(patternsOf(template).length + 1);
    expect(delivered(custom, updateCode('prod-api'))).toBe(true);
    expect(delivered(custom, updateCode('dev-api'))).toBe(false);
    expect(delivered(template, updateCode('prod-api'))).toBe(false);
  });

  it('ships the file in the zip where NOTIFIER_RULES_FILE points, so the function notifies on it', () => {
    expect(environment(custom).NOTIFIER_RULES_FILE).toBe(`/var/task/${CUSTOM_RULES_FILE}`);
    const shipped = readZip(join(CUSTOM_DIR, 'apiCall.zip')).find((entry) => entry.name === CUSTOM_RULES_FILE);
    expect(shipped?.content.toString('utf8')).toBe(readFileSync(join(ROOT, CUSTOM_RULES_FILE), 'utf8'));
    const match = matchRules(parseCloudTrailEvent(updateCode('prod-api')), parseRulesJson(shipped!.content.toString()));
    expect(match.kind === 'matched' && match.rule.id).toBe('prod-function-code');
  });

  it('ships it only with the api-call function', () => {
    for (const name of ['alarm', 'budget', 'costDigest']) {
      expect(readZip(join(CUSTOM_DIR, `${name}.zip`)).map((entry) => entry.name)).toHaveLength(1);
    }
    // The slack function ships the routing file (tests/infra/routes.test.ts), not the rules file.
    expect(readZip(join(CUSTOM_DIR, 'slack.zip')).map((entry) => entry.name)).not.toContain(CUSTOM_RULES_FILE);
  });

  it.each([
    [
      'an invalid entry',
      'tests/infra/fixtures/bad-rules.json',
      /^Invalid parameter "rulesFile": bad-rules\.json: ignore\[0\]\.sourceIp: "10\.0\.0\.0\/33" is not a CIDR\./,
    ],
    ['a file that is not JSON', 'tests/infra/zip.ts', /"rulesFile": zip\.ts: not valid JSON/],
    [
      'a missing file',
      'tests/infra/fixtures/none.json',
      /"rulesFile": "tests\/infra\/fixtures\/none\.json" is not a file/,
    ],
    [
      'a path outside the project',
      '../notifier-rules.json',
      /"rulesFile": "\.\.\/notifier-rules\.json" is not a relative path/,
    ],
    ['an absolute path', '/etc/passwd', /"rulesFile": "\/etc\/passwd" is not a relative path/],
  ])('fails packaging on %s, in one line naming the problem', async (_name, file, message) => {
    const error = await apiCallConfig(file).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).stack).not.toContain('\n');
  });

  it('generates the same patterns as the template holds, from the sources registry', async () => {
    const { ruleSet } = await apiCallConfig('');
    const { apiCall } = sourceEvents({ ruleSet });
    expect(apiCall?.map((e) => e.eventBridge?.pattern)).toEqual(patternsOf(template));
  });
});

describe('infra: access-denied bursts', () => {
  it('passes the burst parameters to the api-call function, 5 in 10 min by default', () => {
    expect(environment(template)).toMatchObject({
      ACCESS_DENIED_BURST_THRESHOLD: '5',
      ACCESS_DENIED_BURST_WINDOW_MINUTES: '10',
    });
    expect(environment(custom)).toMatchObject({
      ACCESS_DENIED_BURST_THRESHOLD: '3',
      ACCESS_DENIED_BURST_WINDOW_MINUTES: '15',
    });
  });

  it('counts bursts in the dedupe table, which the api-call role may read and write', () => {
    expect(environment(template).DEDUPE_TABLE).toEqual({ Ref: 'DedupeTable' });
    const statements = (
      (template.Resources.ApiCallRole?.Properties?.Policies ?? []) as Array<{
        PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> };
      }>
    ).flatMap((p) => p.PolicyDocument.Statement);
    const onTable = statements.filter(
      (s) => JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': ['DedupeTable', 'Arn'] }),
    );
    expect(onTable.flatMap((s) => [s.Action].flat())).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem']),
    );
  });
});
