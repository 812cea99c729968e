'use strict';

const { COST_ALERTS, COST_ALERTS_CONDITION } = require('./forwarder-cost-alerts.cjs');
/**
 * The forwarder stack: what another region or another account of the organization needs so that its
 * events reach the one notifier stack (the "home" stack) in the home region. It has one EventBridge
 * rule per rule of the home stack, with the same event pattern, whose target is the home region's
 * default event bus, a role for that and a dead-letter queue: no function, key or digest. In an account
 * whose budgets the home stack reports, it also holds their topic (infra/forwarder-cost-alerts.cjs).
 *
 * The patterns are read from the packaged home template, so the forwarder forwards exactly what the
 * home stack consumes, with the same parameters (alarm name prefixes, rules file, findings threshold).
 * `infra/forwarder-plugin.cjs` writes it as `forwarder.json` next to the home template on every
 * `osls package` and `osls deploy`.
 *
 * Cross-account and cross-region event bus targets, and the role the sender needs:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-region.html
 */

/** EventBridge rule descriptions are at most 512 characters:
 *  https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html */
const MAX_RULE_DESCRIPTION = 512;
/** How long a forwarded event that cannot be delivered is kept in the dead-letter queue (the SQS maximum):
 *  https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html */
const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;
/** The condition of every forwarding resource: false in the home stack's own account and region. */
const FORWARDS = 'ForwardsHere';

/** The home stack's EventBridge rules on the default bus, as `{ description, pattern }`, duplicates dropped. */
function homePatterns(homeTemplate) {
  const seen = new Set();
  const patterns = [];
  for (const resource of Object.values(homeTemplate.Resources ?? {})) {
    const props = resource.Properties ?? {};
    if (resource.Type !== 'AWS::Events::Rule' || !props.EventPattern) continue;
    if (props.EventBusName !== undefined && props.EventBusName !== 'default') continue;
    const key = JSON.stringify(props.EventPattern);
    if (seen.has(key)) continue;
    seen.add(key);
    patterns.push({ description: props.Description, pattern: props.EventPattern });
  }
  return patterns;
}

/** arn:PARTITION:events:HOME_REGION:HOME_ACCOUNT:event-bus/default, unless HomeEventBusArn is given. */
const HOME_BUS = {
  'Fn::If': [
    'HasHomeEventBusArn',
    { Ref: 'HomeEventBusArn' },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
    { 'Fn::Sub': 'arn:${AWS::Partition}:events:${HomeRegion}:${HomeAccountId}:event-bus/default' },
  ],
};

const PARAMETERS = {
  HomeRegion: {
    Type: 'String',
    Description: 'The region of the notifier stack, e.g. ap-northeast-1',
    AllowedPattern: '^[a-z]{2}(-[a-z]+)+-\\d$',
  },
  HomeAccountId: {
    Type: 'String',
    Description: 'The account of the notifier stack (12 digits)',
    AllowedPattern: '^\\d{12}$',
  },
  CreateCostAlertsTopic: {
    Type: 'String',
    Description:
      'true in an account whose AWS Budgets or Cost Anomaly Detection alerts the home stack should report (e.g. the management account); deploy it in the home region',
    Default: 'false',
    AllowedValues: ['false', 'true'],
  },
  HomeEventBusArn: {
    Type: 'String',
    Description: "The event bus to forward to; empty = the home region's default bus",
    Default: '',
    AllowedPattern: '^(arn:[a-z-]+:events:[a-z0-9-]+:\\d{12}:event-bus/[A-Za-z0-9._/-]+)?$',
  },
};

const CONDITIONS = {
  HasHomeEventBusArn: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'HomeEventBusArn' }, ''] }] },
  // The home stack's own account and region already has its events: forwarding them to itself would
  // be a rule targeting its own bus. A StackSet that covers the home account deploys here too.
  IsHome: {
    'Fn::And': [
      { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, { Ref: 'HomeAccountId' }] },
      { 'Fn::Equals': [{ Ref: 'AWS::Region' }, { Ref: 'HomeRegion' }] },
    ],
  },
  [FORWARDS]: { 'Fn::Not': [{ Condition: 'IsHome' }] },
  ...COST_ALERTS_CONDITION,
};

/** What EventBridge assumes to put events on the home bus, for this account's rules only. */
const ROLE = {
  Type: 'AWS::IAM::Role',
  Properties: {
    Description: 'notifier forwarder: EventBridge puts events on the home event bus',
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ],
    },
    Policies: [
      {
        PolicyName: 'put-events-on-home-bus',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: HOME_BUS }],
        },
      },
    ],
  },
};

/**
 * Events EventBridge could not put on the home bus (after its own retries for 24 hours), with the
 * reason; its alarm is a CloudWatch alarm state change, which this stack forwards home. The alarm's
 * name starts with the home stack's own prefix, which the home alarm rule always matches.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
const deadLetters = (alarmNamePrefix) => ({
  ForwarderDeadLetterQueue: {
    Type: 'AWS::SQS::Queue',
    Condition: FORWARDS,
    Properties: { MessageRetentionPeriod: DEAD_LETTER_RETENTION_SECONDS, SqsManagedSseEnabled: true },
  },
  ForwarderDeadLetterQueuePolicy: {
    Type: 'AWS::SQS::QueuePolicy',
    Condition: FORWARDS,
    Properties: {
      Queues: [{ Ref: 'ForwarderDeadLetterQueue' }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'RulesOfThisAccountDeadLetter',
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': ['ForwarderDeadLetterQueue', 'Arn'] },
            Condition: {
              ArnLike: {
                // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
                'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/*' },
              },
            },
          },
        ],
      },
    },
  },
  ForwarderDeadLetterAlarm: {
    Type: 'AWS::CloudWatch::Alarm',
    Condition: FORWARDS,
    Properties: {
      AlarmName: { 'Fn::Sub': `${alarmNamePrefix}forwarder-\${AWS::StackName}` },
      AlarmDescription: 'notifier forwarder: events that could not be forwarded to the home event bus',
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['ForwarderDeadLetterQueue', 'QueueName'] } }],
      Statistic: 'Maximum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    },
  },
});

/** One forwarding rule: the home rule's pattern, targeting the home bus. */
const forwardRule = ({ description, pattern }) => ({
  Type: 'AWS::Events::Rule',
  Condition: FORWARDS,
  Properties: {
    Description: `forward to notifier: ${description ?? ''}`.slice(0, MAX_RULE_DESCRIPTION),
    State: 'ENABLED',
    EventPattern: pattern,
    Targets: [
      {
        Id: 'notifier-home-bus',
        Arn: HOME_BUS,
        RoleArn: { 'Fn::GetAtt': ['ForwarderRole', 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['ForwarderDeadLetterQueue', 'Arn'] } },
      },
    ],
  },
});

/**
 * The forwarder template for a packaged home template. Pure: same home template, same forwarder.
 * @param alarmNamePrefix the home stack's own alarm prefix (`notifier-dev-`), which its alarm rule always matches
 * @example forwarderTemplate(JSON.parse(readFileSync('.serverless/cloudformation-template-update-stack.json')), 'notifier-dev-')
 */
function forwarderTemplate(homeTemplate, alarmNamePrefix) {
  const patterns = homePatterns(homeTemplate);
  if (patterns.length === 0) throw new Error('the home template has no EventBridge rule to forward');
  const rules = Object.fromEntries(patterns.map((p, index) => [`Forward${index + 1}`, forwardRule(p)]));
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'notifier forwarder: alarm, CloudTrail and security-finding events of this account and region to the notifier home event bus',
    Parameters: PARAMETERS,
    Conditions: CONDITIONS,
    Resources: { ForwarderRole: ROLE, ...deadLetters(alarmNamePrefix), ...COST_ALERTS, ...rules },
    Outputs: {
      HomeEventBusArn: { Description: 'Where this stack forwards events', Value: HOME_BUS },
      CostAlertsTopicArn: {
        Description:
          'The SNS topic for budget alerts and Cost Anomaly Detection subscriptions; list it in costAlertTopicArns of the home stack',
        Condition: 'CreatesCostAlertsTopic',
        Value: { Ref: 'CostAlertsTopic' },
      },
    },
  };
}

module.exports = { forwarderTemplate, homePatterns };
