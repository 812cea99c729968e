import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CfnTemplate,
  CUSTOM_DIR,
  CUSTOM_PARAMS,
  customTemplate,
  forwarderTemplate,
  packagedTemplate,
  ROOT,
} from './packaged';

const PACKAGE_TIMEOUT_MS = 120_000;
const POLICY_FILE = 'docs/deployer-policy.json';
/**
 * Each CloudFormation type the stacks create, and the IAM action that creates it (CloudFormation
 * calls it with the deployer's credentials). A new type fails the test below until it is added here
 * and to the policy.
 */
const CREATED_BY: Record<string, string> = {
  'AWS::CloudWatch::Alarm': 'cloudwatch:PutMetricAlarm',
  'AWS::DynamoDB::Table': 'dynamodb:CreateTable',
  'AWS::Events::EventBusPolicy': 'events:PutPermission',
  'AWS::Events::Rule': 'events:PutRule',
  // With a routing file: the slack role's routing policy (attached to the role: PutRolePolicy).
  'AWS::IAM::Policy': 'iam:PutRolePolicy',
  'AWS::IAM::Role': 'iam:CreateRole',
  'AWS::KMS::Alias': 'kms:CreateAlias',
  'AWS::KMS::Key': 'kms:CreateKey',
  'AWS::Lambda::EventInvokeConfig': 'lambda:PutFunctionEventInvokeConfig',
  'AWS::Lambda::EventSourceMapping': 'lambda:CreateEventSourceMapping',
  'AWS::Lambda::Function': 'lambda:CreateFunction',
  'AWS::Lambda::Permission': 'lambda:AddPermission',
  'AWS::Lambda::Version': 'lambda:PublishVersion',
  'AWS::Logs::LogGroup': 'logs:CreateLogGroup',
  'AWS::S3::Bucket': 's3:CreateBucket',
  'AWS::S3::BucketPolicy': 's3:PutBucketPolicy',
  'AWS::SNS::Subscription': 'sns:Subscribe',
  'AWS::SNS::Topic': 'sns:CreateTopic',
  'AWS::SNS::TopicPolicy': 'sns:SetTopicAttributes',
  'AWS::SQS::Queue': 'sqs:CreateQueue',
  'AWS::SQS::QueuePolicy': 'sqs:SetQueueAttributes',
  'AWS::Scheduler::Schedule': 'scheduler:CreateSchedule',
};

interface PolicyStatement {
  Sid: string;
  Effect: string;
  Action: string[];
  Resource: string | string[];
  Condition?: unknown;
}
interface Policy {
  Version: string;
  Statement: PolicyStatement[];
}

let policy: Policy;
let types: string[];

beforeAll(() => {
  policy = JSON.parse(readFileSync(join(ROOT, POLICY_FILE), 'utf8')) as Policy;
  const templates: CfnTemplate[] = [
    packagedTemplate(),
    forwarderTemplate(),
    customTemplate(),
    forwarderTemplate(CUSTOM_DIR, CUSTOM_PARAMS),
  ];
  types = [...new Set(templates.flatMap((t) => Object.values(t.Resources).map((resource) => resource.Type)))].sort();
}, PACKAGE_TIMEOUT_MS);

const allowed = () => policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action);

describe('docs/deployer-policy.json: what a deployer needs, and no more', () => {
  it('is an IAM policy document with named statements', () => {
    expect(policy.Version).toBe('2012-10-17');
    for (const statement of policy.Statement) {
      expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/);
      expect(Array.isArray(statement.Action)).toBe(true);
    }
    expect(new Set(policy.Statement.map((s) => s.Sid)).size).toBe(policy.Statement.length);
  });

  it('knows every resource type the home and forwarder stacks create', () => {
    expect(types.filter((type) => !(type in CREATED_BY))).toEqual([]);
  });

  it('allows creating every resource type the stacks create', () => {
    const missing = types.map((type) => CREATED_BY[type]).filter((action) => !allowed().includes(action ?? ''));
    expect(missing).toEqual([]);
  });

  it('lets CloudFormation deploy only the notifier stacks', () => {
    const stacks = policy.Statement.find((s) => s.Sid === 'Stacks');
    expect(stacks?.Resource).toBe('arn:aws:cloudformation:*:*:stack/notifier-*/*');
    expect(stacks?.Action).toEqual(
      expect.arrayContaining(['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet']),
    );
  });

  it('grants no service wildcard, and `*` resources only to actions that take no resource', () => {
    expect(allowed().filter((action) => action.endsWith(':*') || action === '*')).toEqual([]);
    const unscoped = policy.Statement.filter((s) => s.Resource === '*').flatMap((s) => s.Action);
    expect(unscoped.sort()).toEqual([
      'cloudformation:ValidateTemplate',
      'kms:CreateKey',
      'lambda:CreateEventSourceMapping',
      'logs:DescribeLogGroups',
    ]);
  });

  it('lets the deployer map queues only to the notifier functions', () => {
    const mappings = policy.Statement.filter((s) => s.Action.some((a) => a.endsWith('EventSourceMapping')));
    expect(mappings.flatMap((s) => s.Action).sort()).toEqual([
      'lambda:CreateEventSourceMapping',
      'lambda:DeleteEventSourceMapping',
      'lambda:GetEventSourceMapping',
      'lambda:UpdateEventSourceMapping',
    ]);
    for (const statement of mappings)
      expect(statement.Condition).toEqual({
        ArnLike: { 'lambda:FunctionArn': 'arn:aws:lambda:*:*:function:notifier-*' },
      });
  });

  it('passes the stacks’ roles only to the services that assume them', () => {
    const pass = policy.Statement.filter((s) => s.Action.includes('iam:PassRole'));
    expect(pass).toEqual([
      expect.objectContaining({
        Resource: 'arn:aws:iam::*:role/notifier-*',
        Condition: {
          StringEquals: {
            'iam:PassedToService': ['lambda.amazonaws.com', 'scheduler.amazonaws.com', 'events.amazonaws.com'],
          },
        },
      }),
    ]);
  });

  it('is named in the README', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(POLICY_FILE);
  });
});
