import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CfnResource,
  type CfnTemplate,
  customTemplate,
  packagedTemplate,
  resourcesOfType,
  rulesTargeting,
} from './packaged';

/** Packaging runs osls and esbuild: seconds, not milliseconds. */
const PACKAGE_TIMEOUT_MS = 120_000;
/** The names src/lib/config.ts, src/lib/cost-config.ts and src/lib/dead-letter-config.ts read (interfaces.md, C). */
const ENVIRONMENT_NAMES = [
  'NOTIFICATIONS_TOPIC_ARN',
  'NOTIFIER_LOCALE',
  'NOTIFIER_TIME_ZONE',
  'NOTIFIER_RULES_FILE',
  'ALARM_NAME_PREFIXES',
  'SLACK_WEBHOOK_PARAMETER',
  'TARGET_HEALTH_TIMEOUT_MS',
  'DEDUPE_TABLE',
  'FINDINGS_MIN_SEVERITY',
  'DEAD_LETTER_QUEUE_URL',
  'DIGEST_PERIOD',
  'DIGEST_TOP_N',
  'COST_METRIC',
  'COST_INCLUDE_CREDITS_AND_REFUNDS',
  'AWS_ACCOUNT_ID',
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_LOG_LEVEL',
];
/** Every function, its handler, its role. */
const FUNCTIONS = [
  ['AlarmLambdaFunction', 'src/handlers/alarm.main', 'AlarmRole'],
  ['ApiCallLambdaFunction', 'src/handlers/api-call.main', 'ApiCallRole'],
  ['BudgetLambdaFunction', 'src/handlers/budget.main', 'BudgetRole'],
  ['CostDigestLambdaFunction', 'src/handlers/cost-digest.main', 'CostDigestRole'],
  ['SlackLambdaFunction', 'src/handlers/slack.main', 'SlackRole'],
  ['EmailLambdaFunction', 'src/handlers/email.main', 'EmailRole'],
] as const;
/** Functions that publish Notifications to the notifications topic. */
const PUBLISHERS = FUNCTIONS.map(([id]) => id).filter(
  (id) => id !== 'SlackLambdaFunction' && id !== 'EmailLambdaFunction',
);

let template: CfnTemplate;
/** Packaged with CUSTOM_PARAMS: no email, `alarmNamePrefixes=prod-,billing-`, … */
let narrowed: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
  narrowed = customTemplate();
}, PACKAGE_TIMEOUT_MS);

const props = (resource: CfnResource | undefined) => resource?.Properties ?? {};
const fn = (t: CfnTemplate, id: string) => props(t.Resources[id]);
const variables = (t: CfnTemplate, id: string) =>
  (fn(t, id).Environment as { Variables: Record<string, unknown> }).Variables;
const lambdaSubscriptions = (t: CfnTemplate) =>
  resourcesOfType(t, 'AWS::SNS::Subscription').filter(([, r]) => props(r).Protocol === 'lambda');
const queueSubscription = (t: CfnTemplate, queueId: string) =>
  props(
    resourcesOfType(t, 'AWS::SNS::Subscription').find(
      ([, r]) => JSON.stringify(props(r).Endpoint) === JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] }),
    )?.[1],
  );
const emailSubscriptions = (t: CfnTemplate) =>
  resourcesOfType(t, 'AWS::SNS::Subscription').filter(([, r]) => props(r).Protocol === 'email');
const subscriptionOf = (t: CfnTemplate, functionId: string) =>
  props(lambdaSubscriptions(t).find(([, r]) => JSON.stringify(props(r).Endpoint).includes(`"${functionId}"`))?.[1]);
const alarmRulePattern = (t: CfnTemplate) => rulesTargeting(t, 'AlarmLambdaFunction')[0]?.[1].EventPattern;

describe('infra: functions', () => {
  it.each(FUNCTIONS)('%s runs %s on nodejs22.x arm64 with its own role %s', (id, handler, role) => {
    expect(fn(template, id)).toMatchObject({
      Handler: handler,
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Role: { 'Fn::GetAtt': [role, 'Arn'] },
    });
  });

  it('has exactly these functions', () => {
    expect(resourcesOfType(template, 'AWS::Lambda::Function').map(([id]) => id)).toEqual(FUNCTIONS.map(([id]) => id));
  });

  it('gives the slack function time for Slack retries, and the digest time for its billing calls', () => {
    expect(fn(template, 'SlackLambdaFunction').Timeout).toBeGreaterThanOrEqual(30);
    expect(fn(template, 'CostDigestLambdaFunction').Timeout).toBeGreaterThanOrEqual(60);
  });

  it('sets only the environment variable names the config reads', () => {
    const names = FUNCTIONS.flatMap(([id]) => Object.keys(variables(template, id)));
    expect(names.filter((name) => !ENVIRONMENT_NAMES.includes(name))).toEqual([]);
    expect(variables(template, 'SlackLambdaFunction').SLACK_WEBHOOK_PARAMETER).toBe('/notifier/slack-webhook-url');
  });

  it.each(PUBLISHERS)('%s publishes to the notifications topic', (id) => {
    expect(variables(template, id).NOTIFICATIONS_TOPIC_ARN).toEqual({ Ref: 'NotificationsTopic' });
  });

  it('keeps the logs for a bounded time', () => {
    for (const [, group] of resourcesOfType(template, 'AWS::Logs::LogGroup')) {
      expect(props(group).RetentionInDays).toBeGreaterThan(0);
    }
  });
});

describe('infra: alarm sources', () => {
  it('routes every CloudWatch alarm state change to the alarm function by default', () => {
    expect(alarmRulePattern(template)).toEqual({
      source: ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
    });
    expect(rulesTargeting(template, 'AlarmLambdaFunction')).toHaveLength(1);
  });

  it('narrows the rule to the alarm name prefixes, plus the stack’s own alarms', () => {
    expect(alarmRulePattern(narrowed)).toEqual({
      source: ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
      detail: { alarmName: [{ prefix: 'prod-' }, { prefix: 'billing-' }, { prefix: 'notifier-dev-' }] },
    });
    expect(variables(narrowed, 'AlarmLambdaFunction').ALARM_NAME_PREFIXES).toBe('prod-,billing-,notifier-dev-');
    expect(variables(template, 'AlarmLambdaFunction').ALARM_NAME_PREFIXES).toBe('');
  });

  it('subscribes the alarm function to the alarm-actions topic, which CloudWatch of this account may publish to', () => {
    expect(subscriptionOf(template, 'AlarmLambdaFunction')).toMatchObject({ TopicArn: { Ref: 'AlarmActionsTopic' } });
    const policy = template.Resources.AlarmActionsTopicPolicy;
    expect(props(policy).Topics).toEqual([{ Ref: 'AlarmActionsTopic' }]);
    expect(JSON.stringify(props(policy))).toContain('"aws:SourceAccount"');
    expect(props(policy).PolicyDocument).toMatchObject({
      Statement: expect.arrayContaining([
        expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
      ]),
    });
  });
});

describe('infra: notifications topic', () => {
  it('feeds the Slack queue, filtered on severity, as raw Notification JSON', () => {
    expect(queueSubscription(template, 'SlackQueue')).toEqual({
      TopicArn: { Ref: 'NotificationsTopic' },
      Protocol: 'sqs',
      Endpoint: { 'Fn::GetAtt': ['SlackQueue', 'Arn'] },
      RawMessageDelivery: true,
      FilterPolicyScope: 'MessageAttributes',
      FilterPolicy: { severity: ['critical', 'warning', 'info', 'ok'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['SlackDeadLetterQueue', 'Arn'] } },
    });
    expect(subscriptionOf(template, 'SlackLambdaFunction')).toEqual({});
  });

  it('subscribes each alertEmail address: critical API calls, and other categories by severity', () => {
    const subscriptions = emailSubscriptions(template).map(([, r]) => props(r));
    expect(subscriptions.map((s) => s.Endpoint)).toEqual(['ops@example.com', 'oncall@example.com']);
    for (const subscription of [...subscriptions, queueSubscription(template, 'EmailQueue')]) {
      expect(subscription).toMatchObject({
        FilterPolicy: {
          $or: [
            { category: ['api-call'], severity: ['critical'] },
            { category: ['finding'], severity: ['critical'] },
            { category: [{ 'anything-but': ['api-call', 'finding'] }], severity: ['critical', 'warning', 'ok'] },
          ],
        },
      });
    }
  });

  it('has no email subscription, and feeds the email queue nothing, when alertEmail is empty', () => {
    expect(emailSubscriptions(narrowed)).toEqual([]);
    expect(queueSubscription(narrowed, 'EmailQueue')).toEqual({});
    expect(lambdaSubscriptions(narrowed)).toHaveLength(2);
  });

  it('sends each address the email topic, which only the email function publishes to', () => {
    for (const [, subscription] of emailSubscriptions(template))
      expect(props(subscription).TopicArn).toEqual({ Ref: 'EmailTopic' });
    expect(queueSubscription(template, 'EmailQueue')).toMatchObject({
      TopicArn: { Ref: 'NotificationsTopic' },
      RawMessageDelivery: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['EmailDeadLetterQueue', 'Arn'] } },
    });
    expect(variables(template, 'EmailLambdaFunction').NOTIFICATIONS_TOPIC_ARN).toEqual({ Ref: 'EmailTopic' });
  });

  it.each(['NotificationsTopic', 'EmailTopic', 'AlarmActionsTopic', 'BudgetAlertsTopic'])(
    'encrypts %s with the rotated customer managed key',
    (id) => {
      expect(props(template.Resources[id]).KmsMasterKeyId).toEqual({ Ref: 'TopicKey' });
      expect(props(template.Resources.TopicKey).EnableKeyRotation).toBe(true);
    },
  );

  it('lets CloudWatch use the key, or alarms could not publish to the encrypted topic', () => {
    const statements = (props(template.Resources.TopicKey).KeyPolicy as { Statement: Record<string, unknown>[] })
      .Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Principal: { Service: expect.arrayContaining(['cloudwatch.amazonaws.com']) },
        Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey']),
      }),
    );
  });

  it.each(['NotificationsTopicArn', 'EmailTopicArn', 'AlarmActionsTopicArn', 'BudgetAlertsTopicArn'])(
    'outputs %s',
    (name) => {
      expect(template.Outputs?.[name]?.Value).toBeDefined();
    },
  );
});

/** The paced inboxes: queue, the function it feeds, how long the function waits to gather a batch. */
const INBOXES = [
  ['SlackQueue', 'SlackLambdaFunction', 1],
  ['EmailQueue', 'EmailLambdaFunction', 5],
] as const;

describe('infra: paced delivery', () => {
  const mappingOf = (queueId: string) =>
    props(
      resourcesOfType(template, 'AWS::Lambda::EventSourceMapping').find(
        ([, r]) => JSON.stringify(props(r).EventSourceArn) === JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] }),
      )?.[1],
    );

  it.each(INBOXES)(
    '%s feeds %s in batches of up to 100, two invocations at most, reporting partial failures',
    (queueId, functionId, windowSeconds) => {
      expect(mappingOf(queueId)).toMatchObject({
        FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
        BatchSize: 100,
        MaximumBatchingWindowInSeconds: windowSeconds,
        ScalingConfig: { MaximumConcurrency: 2 },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    },
  );

  it.each(INBOXES)(
    '%s hides a batch in flight for six times the timeout of %s, then dead-letters after 5 receives',
    (queueId, functionId) => {
      const queue = fn(template, queueId);
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * (fn(template, functionId).Timeout as number));
      expect(queue.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [queueId.replace('Queue', 'DeadLetterQueue'), 'Arn'] },
        maxReceiveCount: 5,
      });
      expect(queue.SqsManagedSseEnabled).toBe(true);
    },
  );

  it.each(INBOXES)('lets only the notifications topic send to %s and its dead-letter queue', (queueId) => {
    const dlq = queueId.replace('Queue', 'DeadLetterQueue');
    const [, policy] = resourcesOfType(template, 'AWS::SQS::QueuePolicy').find(([, r]) =>
      JSON.stringify(props(r).Queues).includes(`"${queueId}"`),
    )!;
    expect(props(policy).Queues).toEqual([{ Ref: queueId }, { Ref: dlq }]);
    expect(props(policy).PolicyDocument).toMatchObject({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: [{ 'Fn::GetAtt': [queueId, 'Arn'] }, { 'Fn::GetAtt': [dlq, 'Arn'] }],
          Condition: { ArnEquals: { 'aws:SourceArn': { Ref: 'NotificationsTopic' } } },
        },
      ],
    });
  });
});
