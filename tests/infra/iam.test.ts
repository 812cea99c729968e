import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  type CfnTemplate,
  packagedTemplate,
  resourcesOfType,
  roleStatements,
  type Statement,
} from './packaged';

const PACKAGE_TIMEOUT_MS = 120_000;
const ROLES = ['AlarmRole', 'SlackRole'] as const;
/** Actions that support no resource-level permission, the only ones allowed on `Resource: '*'`. */
const UNSCOPABLE_ACTIONS = ['elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:DescribeTargetGroups'];

let template: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
}, PACKAGE_TIMEOUT_MS);

const allStatements = (): [string, Statement][] =>
  ROLES.flatMap((role) => roleStatements(template, role).map((statement): [string, Statement] => [role, statement]));
/** Roles granting an action, and the resources they grant it on. */
const grants = (action: string) =>
  allStatements()
    .filter(([, statement]) => actionsOf(statement).includes(action))
    .map(([role, statement]) => ({ role, resource: statement.Resource }));

describe('infra: IAM', () => {
  it('has one role per function and no shared default role', () => {
    expect(resourcesOfType(template, 'AWS::IAM::Role').map(([id]) => id)).toEqual([...ROLES]);
    expect(resourcesOfType(template, 'AWS::IAM::Policy')).toEqual([]);
    expect(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).toEqual([]);
  });

  it('grants no action by wildcard', () => {
    const actions = allStatements().flatMap(([, statement]) => actionsOf(statement));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('uses Resource "*" only for actions that support no resource-level permission', () => {
    const unscoped = allStatements().filter(([, statement]) => JSON.stringify(statement.Resource).includes('"*"'));
    expect(unscoped.flatMap(([, statement]) => actionsOf(statement))).toEqual(UNSCOPABLE_ACTIONS);
  });

  it('lets only the alarm function publish, and only to the notifications topic', () => {
    expect(grants('sns:Publish')).toEqual([{ role: 'AlarmRole', resource: { Ref: 'NotificationsTopic' } }]);
    expect(grants('kms:GenerateDataKey')).toEqual([
      { role: 'AlarmRole', resource: { 'Fn::GetAtt': ['TopicKey', 'Arn'] } },
    ]);
  });

  it('lets only the alarm function read target health', () => {
    for (const action of UNSCOPABLE_ACTIONS) {
      expect(grants(action).map(({ role }) => role)).toEqual(['AlarmRole']);
    }
  });

  it('lets only the slack function read the webhook parameter, and no other parameter', () => {
    const ssm = allStatements().filter(([, statement]) => actionsOf(statement).some((a) => a.startsWith('ssm:')));
    expect(ssm.map(([role, statement]) => [role, actionsOf(statement)])).toEqual([['SlackRole', ['ssm:GetParameter']]]);
    expect(JSON.stringify(ssm[0]?.[1].Resource)).toMatch(/:parameter\/notifier\/slack-webhook-url"\]\]\}$/);
  });

  it('lets the slack function decrypt only through SSM', () => {
    const [decrypt] = grants('kms:Decrypt').filter(({ role }) => role === 'SlackRole');
    expect(decrypt).toBeDefined();
    const statement = roleStatements(template, 'SlackRole').find((s) => actionsOf(s).includes('kms:Decrypt'))!;
    expect(statement.Condition?.StringEquals?.['kms:ViaService']).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
      'Fn::Sub': 'ssm.${AWS::Region}.amazonaws.com',
    });
  });

  it.each([
    ['AlarmRole', 'AlarmLogGroup', 'AlarmDeadLetterQueue'],
    ['SlackRole', 'SlackLogGroup', 'SlackDeadLetterQueue'],
  ])('%s writes only to its own log group %s and dead-letter queue %s', (role, logGroup, queue) => {
    expect(grants('logs:PutLogEvents').filter((grant) => grant.role === role)).toEqual([
      { role, resource: { 'Fn::GetAtt': [logGroup, 'Arn'] } },
    ]);
    expect(grants('sqs:SendMessage').filter((grant) => grant.role === role)).toEqual([
      { role, resource: { 'Fn::GetAtt': [queue, 'Arn'] } },
    ]);
  });
});
