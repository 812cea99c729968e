'use strict';

/**
 * The delivery (slack) function's inbox and what routing lets it reach:
 * - the Slack queue's subscription to the notifications topic, filtered on `slackSeverities`, or,
 *   with a routing file, unfiltered (the routes decide what goes where, so a severity filter in
 *   front of them would drop what a route sends to another destination);
 * - with a routing file, the `slack-routing` policy of SlackRole: `ssm:GetParameter` (and
 *   `kms:Decrypt` through SSM, as for the webhook parameter) on every destination's parameter,
 *   `sns:Publish` on every email destination's topic other than the stack's own. The silence
 *   store's DynamoDB calls are SlackRole's own (infra/roles.yml): silences apply without a routing
 *   file too.
 *
 * Merged into `resources` by serverless.yml as `${file(./infra/slack-routing.cjs)}`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-policy.html
 */
const resolveParams = require('./params.cjs');
const { routesConfig } = require('./routes.cjs');

/** The email destination naming the stack's own email path (src/lib/core/routing/default-routing.ts). */
const OWN_NOTIFICATIONS_TOPIC = 'notifications';

const arnIn = (service, resource) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      `:${service}:`,
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:${resource}`,
    ],
  ],
});
/** Routing parameter names are full paths (`/…`), checked by the routing file's schema. */
const parameterArn = (name) => arnIn('ssm', `parameter${name}`);
/** A topic name is in the stack's account and region, as the function resolves it. */
const topicArn = (topic) => (topic.startsWith('arn:') ? topic : arnIn('sns', topic));

/** The Slack queue's subscription: raw Notification JSON; filtered on severity unless routed. */
const queueSubscription = (filterPolicy, routed) => ({
  Type: 'AWS::SNS::Subscription',
  Properties: {
    TopicArn: { Ref: 'NotificationsTopic' },
    Protocol: 'sqs',
    Endpoint: { 'Fn::GetAtt': ['SlackQueue', 'Arn'] },
    RawMessageDelivery: true,
    ...(routed ? {} : { FilterPolicyScope: 'MessageAttributes', FilterPolicy: filterPolicy }),
    RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['SlackDeadLetterQueue', 'Arn'] } },
  },
});

/** The statements routing adds to SlackRole, for what the routing file names. */
function routingStatements({ parameters, topics }) {
  const parameterArns = parameters.map(parameterArn);
  const topicArns = topics.filter((t) => t !== OWN_NOTIFICATIONS_TOPIC).map(topicArn);
  return [
    ...(parameterArns.length > 0
      ? [
          { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: parameterArns },
          {
            Effect: 'Allow',
            Action: 'kms:Decrypt',
            Resource: arnIn('kms', 'key/*'),
            Condition: {
              StringEquals: {
                'kms:ViaService': { 'Fn::Join': ['', ['ssm.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
                'kms:EncryptionContext:PARAMETER_ARN': parameterArns,
              },
            },
          },
        ]
      : []),
    ...(topicArns.length > 0 ? [{ Effect: 'Allow', Action: 'sns:Publish', Resource: topicArns }] : []),
  ];
}

/** Pure: the Resources for the severity filter and the checked routing file's config (routes.cjs). */
function slackRouting(filterPolicy, config) {
  const routed = config.routesFile !== '';
  // A file naming no parameter and no other topic (only the stack's own email) needs no policy,
  // and IAM refuses a policy without statements.
  const statements = routed ? routingStatements(config) : [];
  return {
    Resources: {
      SlackQueueSubscription: queueSubscription(filterPolicy, routed),
      ...(statements.length > 0
        ? {
            SlackRoutingPolicy: {
              Type: 'AWS::IAM::Policy',
              Properties: {
                PolicyName: 'slack-routing',
                Roles: [{ Ref: 'SlackRole' }],
                PolicyDocument: { Version: '2012-10-17', Statement: statements },
              },
            },
          }
        : {}),
    },
  };
}

module.exports = async (resolver) => {
  const params = await resolveParams(resolver);
  // routes.cjs already printed the file's warnings for ROUTES_FILE.
  return slackRouting(params.slackFilterPolicy, await routesConfig(params.routesFile, () => {}));
};
module.exports.slackRouting = slackRouting;
