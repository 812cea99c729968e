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
/** Function roles: role, log group, dead-letter queue. */
const FUNCTION_ROLES = [
  ['AlarmRole', 'AlarmLogGroup', 'AlarmDeadLetterQueue'],
  ['SlackRole', 'SlackLogGroup', 'SlackDeadLetterQueue'],
  ['EmailRole', 'EmailLogGroup', 'EmailDeadLetterQueue'],
  ['ApiCallRole', 'ApiCallLogGroup', 'ApiCallDeadLetterQueue'],
  ['BudgetRole', 'BudgetLogGroup', 'BudgetDeadLetterQueue'],
  ['CostDigestRole', 'CostDigestLogGroup', 'CostDigestDeadLetterQueue'],
] as const;
const ROLES = [...FUNCTION_ROLES.map(([role]) => role), 'CostDigestScheduleRole'];
const PUBLISHERS = ['AlarmRole', 'ApiCallRole', 'BudgetRole', 'CostDigestRole'];
/** Actions that support no resource-level permission, the only ones allowed on `Resource: '*'`. */
const UNSCOPABLE_ACTIONS = [
  'elasticloadbalancing:DescribeTargetHealth',
  'elasticloadbalancing:DescribeTargetGroups',
  'ce:GetCostAndUsage',
  'ce:GetCostForecast',
  'freetier:GetFreeTierUsage',
  'iam:ListAccountAliases',
];

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
/** Roles granting any action of a service prefix such as `ce:`. */
const rolesWithPrefix = (prefix: string) => [
  ...new Set(
    allStatements()
      .filter(([, statement]) => actionsOf(statement).some((action) => action.startsWith(prefix)))
      .map(([role]) => role),
  ),
];
interface TrustPolicy {
  Statement: { Principal: { Service: string } }[];
}
const trustedServices = (role: string) => {
  const trust = template.Resources[role]?.Properties?.AssumeRolePolicyDocument as TrustPolicy | undefined;
  return (trust?.Statement ?? []).map((statement) => statement.Principal.Service);
};

describe('infra: IAM', () => {
  it('has one role per function, one for the digest schedule, and no shared default role', () => {
    expect(
      resourcesOfType(template, 'AWS::IAM::Role')
        .map(([id]) => id)
        .sort(),
    ).toEqual([...ROLES].sort());
    expect(resourcesOfType(template, 'AWS::IAM::Policy')).toEqual([]);
    expect(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).toEqual([]);
  });

  it.each(FUNCTION_ROLES)('%s is assumable by Lambda only', (role) => {
    expect(trustedServices(role)).toEqual(['lambda.amazonaws.com']);
  });

  it('grants no action by wildcard', () => {
    const actions = allStatements().flatMap(([, statement]) => actionsOf(statement));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('uses Resource "*" only for actions that support no resource-level permission', () => {
    const unscoped = allStatements().filter(([, statement]) => JSON.stringify(statement.Resource).includes('"*"'));
    const actions = new Set(unscoped.flatMap(([, statement]) => actionsOf(statement)));
    expect([...actions].sort()).toEqual([...UNSCOPABLE_ACTIONS].sort());
  });

  it('lets the publishing functions publish only to the notifications topic, the email function only to the email topic', () => {
    const byRole = (a: { role: string }, b: { role: string }) => a.role.localeCompare(b.role);
    expect(grants('sns:Publish').sort(byRole)).toEqual(
      [
        ...PUBLISHERS.map((role) => ({ role, resource: { Ref: 'NotificationsTopic' } })),
        { role: 'EmailRole', resource: { Ref: 'EmailTopic' } },
      ].sort(byRole),
    );
    expect(grants('kms:GenerateDataKey').sort(byRole)).toEqual(
      [...PUBLISHERS, 'EmailRole'].sort().map((role) => ({ role, resource: { 'Fn::GetAtt': ['TopicKey', 'Arn'] } })),
    );
  });

  it.each([
    ['SlackRole', 'SlackQueue'],
    ['EmailRole', 'EmailQueue'],
  ])('lets %s receive and delete only from its inbox %s', (role, queue) => {
    expect(grants('sqs:ReceiveMessage')).toContainEqual({ role, resource: { 'Fn::GetAtt': [queue, 'Arn'] } });
    const inbox = roleStatements(template, role).find((s) => actionsOf(s).includes('sqs:ReceiveMessage'))!;
    expect(actionsOf(inbox).sort()).toEqual(['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage']);
    expect(grants('sqs:ReceiveMessage')).toHaveLength(2);
  });

  it('lets only the alarm function read target health', () => {
    expect(rolesWithPrefix('elasticloadbalancing:')).toEqual(['AlarmRole']);
  });

  it('lets only the digest function read costs, budgets and the free tier', () => {
    for (const prefix of ['ce:', 'budgets:', 'freetier:']) expect(rolesWithPrefix(prefix)).toEqual(['CostDigestRole']);
    expect(grants('budgets:ViewBudget')).toEqual([
      {
        role: 'CostDigestRole',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
        resource: { 'Fn::Sub': 'arn:${AWS::Partition}:budgets::${AWS::AccountId}:budget/*' },
      },
    ]);
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

  it.each(FUNCTION_ROLES)(
    '%s writes only to its own log group %s and dead-letter queue %s',
    (role, logGroup, queue) => {
      expect(grants('logs:PutLogEvents').filter((grant) => grant.role === role)).toEqual([
        { role, resource: { 'Fn::GetAtt': [logGroup, 'Arn'] } },
      ]);
      expect(grants('sqs:SendMessage').filter((grant) => grant.role === role)).toEqual([
        { role, resource: { 'Fn::GetAtt': [queue, 'Arn'] } },
      ]);
    },
  );

  it('lets the schedule, and only it, invoke the digest function and dead-letter what it could not', () => {
    expect(trustedServices('CostDigestScheduleRole')).toEqual(['scheduler.amazonaws.com']);
    expect(roleStatements(template, 'CostDigestScheduleRole').map((s) => [actionsOf(s), s.Resource, s.Effect])).toEqual(
      [
        [['lambda:InvokeFunction'], { 'Fn::GetAtt': ['CostDigestLambdaFunction', 'Arn'] }, 'Allow'],
        [['sqs:SendMessage'], { 'Fn::GetAtt': ['CostDigestDeadLetterQueue', 'Arn'] }, 'Allow'],
      ],
    );
    expect(grants('lambda:InvokeFunction').map(({ role }) => role)).toEqual(['CostDigestScheduleRole']);
  });
});
