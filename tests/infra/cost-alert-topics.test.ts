import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from './packaged';

const require = createRequire(import.meta.url);
const { costAlertTopics } = require('../../infra/cost-alert-topics.cjs') as {
  costAlertTopics: (value: string) => CfnTemplate;
};

const MANAGEMENT_TOPIC = 'arn:aws:sns:ap-northeast-1:111122223333:notifier-cost-alerts';
const BUDGET_FUNCTION = { 'Fn::GetAtt': ['BudgetLambdaFunction', 'Arn'] };

describe('infra: cost alerts of other accounts (costAlertTopicArns)', () => {
  it('adds nothing by default', () => {
    expect(costAlertTopics('')).toEqual({ Resources: {} });
  });

  it('subscribes the budget function to each topic, in the topic’s region, with the permission SNS needs', () => {
    const resources = Object.values(costAlertTopics(MANAGEMENT_TOPIC).Resources);
    expect(resources).toEqual([
      expect.objectContaining({
        Type: 'AWS::SNS::Subscription',
        Properties: {
          TopicArn: MANAGEMENT_TOPIC,
          Region: 'ap-northeast-1',
          Protocol: 'lambda',
          Endpoint: BUDGET_FUNCTION,
        },
      }),
      {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          FunctionName: BUDGET_FUNCTION,
          Action: 'lambda:InvokeFunction',
          Principal: 'sns.amazonaws.com',
          SourceArn: MANAGEMENT_TOPIC,
        },
      },
    ]);
  });

  it('keys the resources by ARN, so reordering the list replaces nothing', () => {
    const other = 'arn:aws:sns:us-east-1:444455556666:cost';
    const ids = (value: string) => Object.keys(costAlertTopics(value).Resources).sort();
    expect(ids(`${MANAGEMENT_TOPIC},${other}`)).toEqual(ids(`${other}, ${MANAGEMENT_TOPIC}`));
    expect(ids(`${MANAGEMENT_TOPIC},${MANAGEMENT_TOPIC}`)).toHaveLength(2);
  });

  it('rejects what is not a topic ARN with one line naming the parameter', () => {
    expect(() => costAlertTopics('arn:aws:sqs:ap-northeast-1:111122223333:queue')).toThrow(
      'Invalid parameter "costAlertTopicArns": not an SNS topic ARN: arn:aws:sqs:ap-northeast-1:111122223333:queue',
    );
  });
});
