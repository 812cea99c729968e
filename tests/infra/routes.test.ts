import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRoutingJson } from '../../src/lib/core/routing';
import {
  type CfnTemplate,
  CUSTOM_DIR,
  CUSTOM_ROUTES_FILE,
  customTemplate,
  DEFAULT_DIR,
  packagedTemplate,
  ROOT,
} from './packaged';
import { readZip } from './zip';

const PACKAGE_TIMEOUT_MS = 120_000;

/** infra/routes.cjs: the checked routing file and what it names. */
interface RoutesModule {
  routesConfig(
    routesFile: string,
    warn?: (line: string) => void,
  ): Promise<{ routesFile: string; packagePatterns: string[]; parameters: string[]; topics: string[] }>;
}
const { routesConfig } = createRequire(import.meta.url)('../../infra/routes.cjs') as RoutesModule;
/** infra/slack-routing.cjs: the Slack queue's subscription and the routing policy, from routes.cjs's config. */
const { slackRouting } = createRequire(import.meta.url)('../../infra/slack-routing.cjs') as {
  slackRouting(
    filterPolicy: unknown,
    config: { routesFile: string; parameters: string[]; topics: string[] },
  ): { Resources: Record<string, unknown> };
};

const slackEnvironment = (t: CfnTemplate) =>
  (t.Resources.SlackLambdaFunction?.Properties?.Environment as { Variables: Record<string, unknown> } | undefined)
    ?.Variables ?? {};

describe('infra: the routing file (routesFile)', () => {
  let template: CfnTemplate;
  let custom: CfnTemplate;
  beforeAll(() => {
    template = packagedTemplate();
    custom = customTemplate();
  }, 2 * PACKAGE_TIMEOUT_MS);

  it('has none by default: ROUTES_FILE is empty and the slack zip holds only its bundle (the default routing)', () => {
    expect(slackEnvironment(template).ROUTES_FILE).toBe('');
    expect(readZip(join(DEFAULT_DIR, 'slack.zip')).filter((entry) => !entry.name.startsWith('src/handlers/'))).toEqual(
      [],
    );
  });

  it('ships the file in the slack zip where ROUTES_FILE points, as the function will read it', () => {
    expect(slackEnvironment(custom).ROUTES_FILE).toBe(`/var/task/${CUSTOM_ROUTES_FILE}`);
    const shipped = readZip(join(CUSTOM_DIR, 'slack.zip')).find((entry) => entry.name === CUSTOM_ROUTES_FILE);
    expect(shipped?.content.toString('utf8')).toBe(readFileSync(join(ROOT, CUSTOM_ROUTES_FILE), 'utf8'));
    expect(parseRoutingJson(shipped!.content.toString('utf8')).routing.routes.map((r) => r.name)).toEqual([
      'costs',
      'critical',
    ]);
  });

  it('names the SSM parameters and topics the destinations use (for the merger’s IAM policy)', async () => {
    const config = await routesConfig(CUSTOM_ROUTES_FILE);
    expect(config.parameters).toEqual(['/notifier/slack/oncall', '/notifier/slack-webhook-url']);
    expect(config.topics).toEqual(['notifier-finance']);
  });

  it('keeps the Slack queue filtered on slackSeverities and adds no routing policy by default', () => {
    expect(template.Resources.SlackQueueSubscription?.Properties?.FilterPolicy).toEqual({
      severity: ['critical', 'warning', 'info', 'ok'],
    });
    expect(template.Resources.SlackRoutingPolicy).toBeUndefined();
  });

  it('with a routing file, subscribes the Slack queue unfiltered: the routes decide, not a severity filter', () => {
    const subscription = custom.Resources.SlackQueueSubscription?.Properties ?? {};
    expect(subscription).toMatchObject({ TopicArn: { Ref: 'NotificationsTopic' }, RawMessageDelivery: true });
    expect(subscription).not.toHaveProperty('FilterPolicy');
    expect(subscription).not.toHaveProperty('FilterPolicyScope');
  });

  it('with a routing file, lets SlackRole read each destination parameter and publish to each email topic', () => {
    const policy = custom.Resources.SlackRoutingPolicy;
    expect(policy?.Type).toBe('AWS::IAM::Policy');
    expect(policy?.Properties?.Roles).toEqual([{ Ref: 'SlackRole' }]);
    const statements = (policy!.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
    const byAction = Object.fromEntries(statements.map((s) => [JSON.stringify(s.Action), s]));
    const arnsOf = (value: unknown) => JSON.stringify(value).match(/:(?:parameter\/[^"]+|notifier-finance)/g);
    expect(arnsOf(byAction['"ssm:GetParameter"']?.Resource)).toEqual([
      ':parameter/notifier/slack/oncall',
      ':parameter/notifier/slack-webhook-url',
    ]);
    expect(arnsOf((byAction['"kms:Decrypt"']!.Condition as Record<string, unknown>).StringEquals)).toEqual([
      ':parameter/notifier/slack/oncall',
      ':parameter/notifier/slack-webhook-url',
    ]);
    expect(arnsOf(byAction['"sns:Publish"']?.Resource)).toEqual([':notifier-finance']);
    // The silences' table calls are SlackRole's own (infra/roles.yml, tests/infra/dedupe.test.ts): not granted twice.
    expect(statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:'))).toEqual([]);
  });

  it('adds no routing policy for a file naming only the stack own email (IAM refuses a policy without statements)', () => {
    const routed = slackRouting({}, { routesFile: 'routes.json', parameters: [], topics: ['notifications'] });
    expect(Object.keys(routed.Resources)).toEqual(['SlackQueueSubscription']);
  });

  it('prints the warnings and packages', async () => {
    const warnings: string[] = [];
    await routesConfig('docs/routes.example.json', (line) => warnings.push(line));
    expect(warnings).toEqual([]);
  });

  it.each([
    [
      'a route naming an unknown destination',
      'tests/infra/fixtures/bad-routes.json',
      'Invalid parameter "routesFile": bad-routes.json: routes[0].to[0]: "oncal" is not a destination (known: notices). Example: --param="routesFile=routes.json"',
    ],
    ['a file that is not JSON', 'tests/infra/zip.ts', /^Invalid parameter "routesFile": zip\.ts: not valid JSON/],
    ['a missing file', 'routes.json', /^Invalid parameter "routesFile": "routes\.json" is not a file/],
    ['a path outside the project', '../routes.json', /"routesFile": "\.\.\/routes\.json" is not a relative path/],
  ])('fails packaging on %s, in one line naming the entry', async (_, file, message) => {
    const error = await routesConfig(file).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
    expect((error as Error).stack).not.toContain('\n');
  });
});
