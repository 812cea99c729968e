import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CfnResource,
  type CfnTemplate,
  customTemplate,
  emailTemplate,
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
  'ROUTES_FILE',
  'ALARM_NAME_PREFIXES',
  'SLACK_WEBHOOK_PARAMETER',
  'TARGET_HEALTH_TIMEOUT_MS',
  'FLAP_THRESHOLD',
  'FLAP_WINDOW_MINUTES',
  'DEDUPE_TABLE',
  'FINDINGS_MIN_SEVERITY',
  'ACCESS_DENIED_BURST_THRESHOLD',
  'ACCESS_DENIED_BURST_WINDOW_MINUTES',
  'EXCLUDED_ALARM_NAME_PREFIXES',
  'ACCOUNT_NAMES',
  'LOOK_UP_ACCOUNT_NAMES',
  'REPORT_INSUFFICIENT_DATA_TO_OK',
  'REPORT_ALARMS_WITH_ACTIONS_DISABLED',
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

/** `npm run package` as is: no parameters. */
let template: CfnTemplate;
/** Packaged with EMAIL_PARAMS: two example addresses. */
let withEmail: CfnTemplate;
/** Packaged with CUSTOM_PARAMS: no email, `alarmNamePrefixes=prod-,billing-`, … */
let narrowed: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
  withEmail = emailTemplate();
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

  it('gives the alarm function the flapping thresholds (4 changes in 10 minutes by default)', () => {
    expect(variables(template, 'AlarmLambdaFunction')).toMatchObject({
      FLAP_THRESHOLD: '4',
      FLAP_WINDOW_MINUTES: '10',
    });
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
    const subscriptions = emailSubscriptions(withEmail).map(([, r]) => props(r));
    expect(subscriptions.map((s) => s.Endpoint)).toEqual(['ops@example.com', 'oncall@example.com']);
    for (const subscription of [...subscriptions, queueSubscription(withEmail, 'EmailQueue')]) {
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
    for (const [, subscription] of emailSubscriptions(withEmail))
      expect(props(subscription).TopicArn).toEqual({ Ref: 'EmailTopic' });
    expect(queueSubscription(withEmail, 'EmailQueue')).toMatchObject({
      TopicArn: { Ref: 'NotificationsTopic' },
      RawMessageDelivery: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['EmailDeadLetterQueue', 'Arn'] } },
    });
    expect(variables(template, 'EmailLambdaFunction').NOTIFICATIONS_TOPIC_ARN).toEqual({ Ref: 'EmailTopic' });
  });

  it('subscribes nobody when packaged without parameters', () => {
    expect(emailSubscriptions(template)).toEqual([]);
    expect(queueSubscription(template, 'EmailQueue')).toEqual({});
    expect(lambdaSubscriptions(template)).toHaveLength(2);
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

describe('infra: alarm quiet defaults', () => {
  it('passes them to the alarm function: TargetTracking- excluded, INSUFFICIENT_DATA → OK and disabled actions quiet', () => {
    expect(variables(template, 'AlarmLambdaFunction')).toMatchObject({
      EXCLUDED_ALARM_NAME_PREFIXES: 'TargetTracking-',
      REPORT_INSUFFICIENT_DATA_TO_OK: 'false',
      REPORT_ALARMS_WITH_ACTIONS_DISABLED: 'false',
    });
    expect(variables(narrowed, 'AlarmLambdaFunction')).toMatchObject({
      EXCLUDED_ALARM_NAME_PREFIXES: 'none',
      REPORT_INSUFFICIENT_DATA_TO_OK: 'true',
    });
  });

  it('lets the alarm role read this account’s alarms (DescribeAlarms), nothing more of CloudWatch', () => {
    const statements = (
      (props(template.Resources.AlarmRole).Policies ?? []) as Array<{
        PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> };
      }>
    ).flatMap((p) => p.PolicyDocument.Statement);
    const cloudwatch = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('cloudwatch:')));
    expect(cloudwatch).toEqual([
      {
        Effect: 'Allow',
        Action: 'cloudwatch:DescribeAlarms',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not JavaScript's
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:cloudwatch:*:${AWS::AccountId}:alarm:*' },
      },
    ]);
  });
});

describe('infra: account names', () => {
  const INGEST = [
    ['AlarmLambdaFunction', 'AlarmRole'],
    ['ApiCallLambdaFunction', 'ApiCallRole'],
    ['BudgetLambdaFunction', 'BudgetRole'],
  ] as const;

  it.each(INGEST)('%s looks account names up by default, with no names configured', (id) => {
    expect(variables(template, id)).toMatchObject({ ACCOUNT_NAMES: '', LOOK_UP_ACCOUNT_NAMES: 'true' });
    expect(variables(narrowed, id)).toMatchObject({
      ACCOUNT_NAMES: '111122223333=prod',
      LOOK_UP_ACCOUNT_NAMES: 'false',
    });
  });

  it.each(INGEST)('%s may read the account alias and Organizations account names (%s)', (_id, role) => {
    const statements = (
      (props(template.Resources[role]).Policies ?? []) as Array<{
        PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> };
      }>
    ).flatMap((p) => p.PolicyDocument.Statement);
    expect(statements).toContainEqual({ Effect: 'Allow', Action: 'iam:ListAccountAliases', Resource: '*' });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: 'organizations:DescribeAccount',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not JavaScript's
      Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:organizations::*:account/o-*/*' },
    });
  });
});
