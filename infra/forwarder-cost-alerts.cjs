'use strict';

/**
 * The forwarder's optional cost alerts topic (parameter CreateCostAlertsTopic, infra/forwarder.cjs).
 */

/** On with CreateCostAlertsTopic=true. */
const COST_ALERTS_CONDITION = { CreatesCostAlertsTopic: { 'Fn::Equals': [{ Ref: 'CreateCostAlertsTopic' }, 'true'] } };

/**
 * AWS Budgets publishes only to a topic of its own account, so an account whose budgets the home stack
 * reports gets this topic; the home stack subscribes its budget function to it (`costAlertTopicArns`,
 * infra/cost-alert-topics.cjs). Not encrypted: this stack holds no key, and Budgets cannot use the AWS
 * managed SNS key. https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html
 */
const COST_ALERTS = {
  CostAlertsTopic: {
    Type: 'AWS::SNS::Topic',
    Condition: 'CreatesCostAlertsTopic',
    Properties: { DisplayName: 'notifier cost alerts' },
  },
  CostAlertsTopicPolicy: {
    Type: 'AWS::SNS::TopicPolicy',
    Condition: 'CreatesCostAlertsTopic',
    Properties: {
      Topics: [{ Ref: 'CostAlertsTopic' }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'BudgetsOfThisAccountPublish',
            Effect: 'Allow',
            Principal: { Service: 'budgets.amazonaws.com' },
            Action: 'SNS:Publish',
            Resource: { Ref: 'CostAlertsTopic' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
              ArnLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:budgets::${AWS::AccountId}:*' } },
            },
          },
          {
            Sid: 'CostAnomalyDetectionOfThisAccountPublish',
            Effect: 'Allow',
            Principal: { Service: 'costalerts.amazonaws.com' },
            Action: 'SNS:Publish',
            Resource: { Ref: 'CostAlertsTopic' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          },
          {
            Sid: 'HomeAccountSubscribesItsBudgetFunction',
            Effect: 'Allow',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
            Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${HomeAccountId}:root' } },
            Action: 'sns:Subscribe',
            Resource: { Ref: 'CostAlertsTopic' },
            Condition: { StringEquals: { 'sns:Protocol': 'lambda' } },
          },
        ],
      },
    },
  },
};

module.exports = { COST_ALERTS, COST_ALERTS_CONDITION };
