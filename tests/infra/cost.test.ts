import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnTemplate, customTemplate, packagedTemplate, resourcesOfType } from './packaged';

const PACKAGE_TIMEOUT_MS = 120_000;
const COST_SERVICES = ['budgets.amazonaws.com', 'costalerts.amazonaws.com'];
const THIS_ACCOUNT = { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } };

let template: CfnTemplate;
/** Packaged with CUSTOM_PARAMS: the digest off, in Tokyo at 08:30 on weekdays, top 8, amortized. */
let custom: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
  custom = customTemplate();
}, PACKAGE_TIMEOUT_MS);

interface PolicyStatement {
  Principal: { Service: string | string[] };
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const props = (t: CfnTemplate, id: string) => t.Resources[id]?.Properties ?? {};
const statements = (document: unknown) => (document as { Statement: PolicyStatement[] }).Statement;
const variables = (t: CfnTemplate) =>
  (props(t, 'CostDigestLambdaFunction').Environment as { Variables: Record<string, unknown> }).Variables;

describe('infra: budget-alerts topic', () => {
  const policy = () => {
    const policies = resourcesOfType(template, 'AWS::SNS::TopicPolicy').filter(([, r]) =>
      JSON.stringify(r.Properties?.Topics).includes('"BudgetAlertsTopic"'),
    );
    expect(policies).toHaveLength(1);
    return statements(policies[0]![1].Properties?.PolicyDocument);
  };

  it('lets only AWS Budgets and Cost Anomaly Detection publish', () => {
    expect(policy().flatMap((s) => [s.Principal.Service].flat())).toEqual(COST_SERVICES);
    for (const statement of policy()) {
      expect([statement.Action].flat().map((a) => a.toLowerCase())).toEqual(['sns:publish']);
      expect(statement.Resource).toEqual({ Ref: 'BudgetAlertsTopic' });
    }
  });

  it('accepts them only on behalf of this account', () => {
    for (const statement of policy()) expect(statement.Condition?.StringEquals).toEqual(THIS_ACCOUNT);
  });

  it('is encrypted with the key, which lets both services use it for this account only', () => {
    expect(props(template, 'BudgetAlertsTopic').KmsMasterKeyId).toEqual({ Ref: 'TopicKey' });
    const keyStatements = statements(props(template, 'TopicKey').KeyPolicy);
    const forCost = keyStatements.filter((s) =>
      COST_SERVICES.some((svc) => [s.Principal.Service].flat().includes(svc)),
    );
    expect(forCost).toEqual([
      expect.objectContaining({
        Principal: { Service: COST_SERVICES },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Condition: { StringEquals: THIS_ACCOUNT },
      }),
    ]);
  });

  it('feeds the budget function, with a dead-letter queue', () => {
    const subscription = resourcesOfType(template, 'AWS::SNS::Subscription').find(
      ([, r]) => JSON.stringify(r.Properties?.TopicArn) === JSON.stringify({ Ref: 'BudgetAlertsTopic' }),
    );
    expect(subscription?.[1].Properties).toMatchObject({
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': ['BudgetLambdaFunction', 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['BudgetDeadLetterQueue', 'Arn'] } },
    });
  });

  it('outputs the topic ARN to point budgets and anomaly subscriptions at', () => {
    expect(template.Outputs?.BudgetAlertsTopicArn?.Value).toEqual({ Ref: 'BudgetAlertsTopic' });
  });
});

describe('infra: cost digest schedule', () => {
  const schedule = (t: CfnTemplate) => {
    const schedules = resourcesOfType(t, 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(1);
    return schedules[0]![1].Properties ?? {};
  };

  it('runs daily at 09:00 in the team’s time zone, on the minute, by default', () => {
    expect(schedule(template)).toMatchObject({
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
  });

  it('takes its expression, zone and state from the parameters', () => {
    expect(schedule(custom)).toMatchObject({
      ScheduleExpression: 'cron(30 8 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Asia/Tokyo',
      State: 'DISABLED',
    });
  });

  it('invokes the digest function with its own role, retrying and then dead-lettering', () => {
    expect(schedule(template).Target).toEqual({
      Arn: { 'Fn::GetAtt': ['CostDigestLambdaFunction', 'Arn'] },
      RoleArn: { 'Fn::GetAtt': ['CostDigestScheduleRole', 'Arn'] },
      RetryPolicy: { MaximumRetryAttempts: expect.any(Number), MaximumEventAgeInSeconds: expect.any(Number) },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['CostDigestDeadLetterQueue', 'Arn'] } },
    });
  });

  it('passes the digest settings to the function, its day in the schedule’s zone', () => {
    expect(variables(template)).toMatchObject({
      NOTIFIER_TIME_ZONE: 'UTC',
      DIGEST_PERIOD: 'daily',
      DIGEST_TOP_N: '5',
      COST_METRIC: 'UnblendedCost',
      COST_INCLUDE_CREDITS_AND_REFUNDS: 'false',
      AWS_ACCOUNT_ID: { Ref: 'AWS::AccountId' },
    });
    expect(variables(custom)).toMatchObject({
      NOTIFIER_TIME_ZONE: 'Asia/Tokyo',
      DIGEST_TOP_N: '8',
      COST_METRIC: 'AmortizedCost',
      COST_INCLUDE_CREDITS_AND_REFUNDS: 'true',
    });
  });
});
