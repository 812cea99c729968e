import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, type CfnTemplate, packagedTemplate, resourcesOfType, roleStatements } from './packaged';

const PACKAGE_TIMEOUT_MS = 120_000;

let template: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
}, PACKAGE_TIMEOUT_MS);

const props = (id: string) => template.Resources[id]?.Properties ?? {};

/** function, its dead-letter queue */
const QUEUES = [
  ['AlarmLambdaFunction', 'AlarmDeadLetterQueue'],
  ['ApiCallLambdaFunction', 'ApiCallDeadLetterQueue'],
  ['BudgetLambdaFunction', 'BudgetDeadLetterQueue'],
  ['CostDigestLambdaFunction', 'CostDigestDeadLetterQueue'],
  ['SlackLambdaFunction', 'SlackDeadLetterQueue'],
  ['EmailLambdaFunction', 'EmailDeadLetterQueue'],
] as const;
/** Functions that send their permanent failures to their queue themselves: function, its queue, its role. */
const SELF_DEAD_LETTERING = [
  ['AlarmLambdaFunction', 'AlarmDeadLetterQueue', 'AlarmRole'],
  ['ApiCallLambdaFunction', 'ApiCallDeadLetterQueue', 'ApiCallRole'],
  ['BudgetLambdaFunction', 'BudgetDeadLetterQueue', 'BudgetRole'],
  ['SlackLambdaFunction', 'SlackDeadLetterQueue', 'SlackRole'],
  ['EmailLambdaFunction', 'EmailDeadLetterQueue', 'EmailRole'],
] as const;
/** function, its dead-letter queue, the topic that invokes it */
const SNS_WIRING = [
  ['AlarmLambdaFunction', 'AlarmDeadLetterQueue', 'AlarmActionsTopic'],
  ['BudgetLambdaFunction', 'BudgetDeadLetterQueue', 'BudgetAlertsTopic'],
] as const;
/** The inboxes that pace delivery: queue, its dead-letter queue, the function it feeds. */
const INBOXES = [
  ['SlackQueue', 'SlackDeadLetterQueue', 'SlackLambdaFunction'],
  ['EmailQueue', 'EmailDeadLetterQueue', 'EmailLambdaFunction'],
] as const;

describe('infra: dead-letter queues', () => {
  it('has one dead-letter queue per function, and the Slack and email inboxes', () => {
    expect(
      resourcesOfType(template, 'AWS::SQS::Queue')
        .map(([id]) => id)
        .sort(),
    ).toEqual([...QUEUES.map(([, queueId]) => queueId), ...INBOXES.map(([queueId]) => queueId)].sort());
  });

  it.each(QUEUES)('%s sends events it failed on after its retries to %s', (functionId, queueId) => {
    const [, config] = resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig').find(
      ([, r]) => JSON.stringify(r.Properties?.FunctionName) === JSON.stringify({ Ref: functionId }),
    )!;
    expect(config.Properties?.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    });
  });

  it.each(SNS_WIRING)(
    '%s: what SNS cannot deliver goes to %s, which only %s may write to',
    (functionId, queueId, topicId) => {
      const [, subscription] = resourcesOfType(template, 'AWS::SNS::Subscription').find(
        ([, r]) => JSON.stringify(r.Properties?.Endpoint) === JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }),
      )!;
      expect(subscription.Properties?.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      });

      const [, queuePolicy] = resourcesOfType(template, 'AWS::SQS::QueuePolicy').find(
        ([, r]) => JSON.stringify(r.Properties?.Queues) === JSON.stringify([{ Ref: queueId }]),
      )!;
      expect(queuePolicy.Properties?.PolicyDocument).toMatchObject({
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Condition: { ArnEquals: { 'aws:SourceArn': { Ref: topicId } } },
          },
        ],
      });
    },
  );

  it.each(SELF_DEAD_LETTERING)(
    '%s is told the URL of its own queue %s, which its role %s may send to',
    (functionId, queueId, role) => {
      const variables = (props(functionId).Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.DEAD_LETTER_QUEUE_URL).toEqual({ Ref: queueId });
      const sends = roleStatements(template, role).filter((s) => actionsOf(s).includes('sqs:SendMessage'));
      expect(sends.map((s) => [s.Effect, s.Resource])).toEqual([['Allow', { 'Fn::GetAtt': [queueId, 'Arn'] }]]);
    },
  );

  it.each(QUEUES)('%s: %s is encrypted and keeps messages for 14 days', (_functionId, queueId) => {
    expect(props(queueId)).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
  });

  it.each(QUEUES)('%s: an alarm fires as soon as %s holds a message', (_functionId, queueId) => {
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties ?? {});
    expect(alarms).toContainEqual(
      expect.objectContaining({
        AlarmName: expect.stringMatching(/^notifier-dev-/),
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
  });
});
