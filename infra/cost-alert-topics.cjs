'use strict';

/**
 * Budgets and Cost Anomaly Detection alerts of another account, typically the organization's
 * management account. AWS Budgets publishes only to a topic in its own account ("Cross-account Amazon
 * SNS isn't supported"), so that account runs the forwarder stack with `CreateCostAlertsTopic=true`, which
 * creates the topic; the home stack lists its ARN in `costAlertTopicArns` and subscribes its budget
 * function to it (the forwarder's topic policy lets the home account subscribe).
 * https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html
 * https://docs.aws.amazon.com/sns/latest/dg/sns-lambda-as-subscriber.html
 *
 * Merged into `resources` by serverless.yml as `${file(./infra/cost-alert-topics.cjs)}`.
 */
const { createHash } = require('node:crypto');
const { ParameterError, splitList } = require('./param-checks.cjs');

/** arn:PARTITION:sns:REGION:ACCOUNT:NAME: https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html */
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):[A-Za-z0-9_-]{1,256}$/;
const EXAMPLE = 'arn:aws:sns:ap-northeast-1:111122223333:notifier-cost-alerts';
const BUDGET_FUNCTION_ARN = { 'Fn::GetAtt': ['BudgetLambdaFunction', 'Arn'] };

/** Keyed by the ARN, not its position: reordering the list replaces nothing. */
const idOf = (arn) => createHash('sha256').update(arn).digest('hex').slice(0, 12);

function parseTopicArns(value) {
  const arns = [...new Set(splitList(value))];
  const bad = arns.filter((arn) => !TOPIC_ARN.test(arn));
  if (bad.length > 0)
    throw new ParameterError('costAlertTopicArns', `not an SNS topic ARN: ${bad.join(', ')}`, EXAMPLE);
  return arns;
}

/**
 * Pure: a subscription of the budget function (in the topic's region) and the permission SNS needs
 * to invoke it, per topic. No dead-letter queue on these subscriptions: a queue has one policy, and the
 * budget queue's belongs to the budget-alerts subscription (a second QueuePolicy would replace it);
 * SNS retries a Lambda endpoint for days, and what the function fails on goes to its own queue.
 */
function costAlertTopics(raw) {
  const entries = parseTopicArns(raw).flatMap((arn) => {
    const id = idOf(arn);
    return [
      [
        `CostAlertsSubscription${id}`,
        {
          Type: 'AWS::SNS::Subscription',
          DependsOn: `CostAlertsPermission${id}`,
          Properties: {
            TopicArn: arn,
            Region: TOPIC_ARN.exec(arn)[1],
            Protocol: 'lambda',
            Endpoint: BUDGET_FUNCTION_ARN,
          },
        },
      ],
      [
        `CostAlertsPermission${id}`,
        {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            FunctionName: BUDGET_FUNCTION_ARN,
            Action: 'lambda:InvokeFunction',
            Principal: 'sns.amazonaws.com',
            SourceArn: arn,
          },
        },
      ],
    ];
  });
  return { Resources: Object.fromEntries(entries) };
}

module.exports = async ({ resolveVariable }) => costAlertTopics(await resolveVariable('param:costAlertTopicArns'));
module.exports.costAlertTopics = costAlertTopics;
