import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  type CfnTemplate,
  CUSTOM_DIR,
  CUSTOM_PARAMS,
  customTemplate,
  forwarderTemplate,
  packagedTemplate,
  resourcesOfType,
  roleStatements,
} from './packaged';

const require = createRequire(import.meta.url);
const { forwarderTemplate: buildForwarder } = require('../../infra/forwarder.cjs') as {
  forwarderTemplate: (home: CfnTemplate, alarmNamePrefix: string) => CfnTemplate;
};

const PACKAGE_TIMEOUT_MS = 120_000;
/** `--template-body` takes at most 51,200 bytes; beyond, a StackSet needs `--template-url` (S3):
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html */
const MAX_TEMPLATE_BODY_BYTES = 51_200;
/** What the forwarder must not hold: it forwards, the home stack does the work. */
const HOME_ONLY_TYPES = [
  'AWS::Lambda::Function',
  'AWS::KMS::Key',
  'AWS::Scheduler::Schedule',
  'AWS::DynamoDB::Table',
  'AWS::Logs::LogGroup',
];
const HOME_BUS = {
  'Fn::If': [
    'HasHomeEventBusArn',
    { Ref: 'HomeEventBusArn' },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
    { 'Fn::Sub': 'arn:${AWS::Partition}:events:${HomeRegion}:${HomeAccountId}:event-bus/default' },
  ],
};

let home: CfnTemplate;
let forwarder: CfnTemplate;
let customHome: CfnTemplate;
let customForwarder: CfnTemplate;

beforeAll(() => {
  home = packagedTemplate();
  forwarder = forwarderTemplate();
  customHome = customTemplate();
  customForwarder = forwarderTemplate(CUSTOM_DIR, CUSTOM_PARAMS);
}, PACKAGE_TIMEOUT_MS);

const patternsOf = (template: CfnTemplate) =>
  resourcesOfType(template, 'AWS::Events::Rule').map(([, rule]) => rule.Properties?.EventPattern);
const targetsOf = (template: CfnTemplate) =>
  resourcesOfType(template, 'AWS::Events::Rule').flatMap(
    ([, rule]) => rule.Properties?.Targets as Record<string, unknown>[],
  );

describe('infra: forwarder stack', () => {
  it('forwards exactly the event patterns the home stack consumes, in the home stack’s order', () => {
    expect(patternsOf(forwarder)).toEqual(patternsOf(home));
    expect(patternsOf(forwarder).length).toBeGreaterThan(0);
  });

  it('follows the home stack’s parameters: narrowed alarms, user rules, findings threshold', () => {
    expect(patternsOf(customForwarder)).toEqual(patternsOf(customHome));
    expect(patternsOf(customForwarder)).not.toEqual(patternsOf(forwarder));
  });

  it('forwards patterns that name no account or region, so the home rules match forwarded events', () => {
    for (const pattern of patternsOf(forwarder)) {
      expect(Object.keys(pattern as object)).not.toContain('account');
      expect(Object.keys(pattern as object)).not.toContain('region');
    }
  });

  it.each(HOME_ONLY_TYPES)('holds no %s', (type) => {
    expect(resourcesOfType(forwarder, type)).toEqual([]);
  });

  it('holds a role, the rules, a dead-letter queue with its policy and alarm, and the optional cost alerts topic', () => {
    const types = new Set(Object.values(forwarder.Resources).map((resource) => resource.Type));
    expect([...types].sort()).toEqual([
      'AWS::CloudWatch::Alarm',
      'AWS::Events::Rule',
      'AWS::IAM::Role',
      'AWS::SNS::Topic',
      'AWS::SNS::TopicPolicy',
      'AWS::SQS::Queue',
      'AWS::SQS::QueuePolicy',
    ]);
  });

  it('creates the cost alerts topic only with CreateCostAlertsTopic=true (off by default)', () => {
    expect(forwarder.Parameters?.CreateCostAlertsTopic).toMatchObject({
      Default: 'false',
      AllowedValues: ['false', 'true'],
    });
    expect(forwarder.Conditions?.CreatesCostAlertsTopic).toEqual({
      'Fn::Equals': [{ Ref: 'CreateCostAlertsTopic' }, 'true'],
    });
    for (const [, resource] of [
      ...resourcesOfType(forwarder, 'AWS::SNS::Topic'),
      ...resourcesOfType(forwarder, 'AWS::SNS::TopicPolicy'),
    ]) {
      expect(resource.Condition).toBe('CreatesCostAlertsTopic');
    }
    expect(forwarder.Outputs?.CostAlertsTopicArn).toMatchObject({ Value: { Ref: 'CostAlertsTopic' } });
  });

  it('lets Budgets and Cost Anomaly Detection of this account publish, and the home account subscribe a function', () => {
    const policy = forwarder.Resources.CostAlertsTopicPolicy?.Properties?.PolicyDocument as {
      Statement: { Principal: unknown; Action: string; Condition: Record<string, Record<string, unknown>> }[];
    };
    expect(policy.Statement.map((s) => [s.Principal, s.Action])).toEqual([
      [{ Service: 'budgets.amazonaws.com' }, 'SNS:Publish'],
      [{ Service: 'costalerts.amazonaws.com' }, 'SNS:Publish'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
      [{ AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${HomeAccountId}:root' } }, 'sns:Subscribe'],
    ]);
    expect(policy.Statement[0]?.Condition.StringEquals).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
    expect(policy.Statement[1]?.Condition.StringEquals).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
    expect(policy.Statement[2]?.Condition.StringEquals).toEqual({ 'sns:Protocol': 'lambda' });
  });

  it('targets the home bus built from HomeRegion and HomeAccountId, or HomeEventBusArn, through the role', () => {
    for (const target of targetsOf(forwarder)) {
      expect(target).toEqual({
        Id: 'notifier-home-bus',
        Arn: HOME_BUS,
        RoleArn: { 'Fn::GetAtt': ['ForwarderRole', 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['ForwarderDeadLetterQueue', 'Arn'] } },
      });
    }
    expect(forwarder.Parameters?.HomeEventBusArn).toMatchObject({ Default: '' });
    expect(forwarder.Conditions?.HasHomeEventBusArn).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'HomeEventBusArn' }, ''] }],
    });
  });

  it('lets EventBridge of this account only assume the role, and only to put events on the home bus', () => {
    const trust = forwarder.Resources.ForwarderRole?.Properties?.AssumeRolePolicyDocument;
    expect(trust).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ],
    });
    const statements = roleStatements(forwarder, 'ForwarderRole');
    expect(statements.flatMap(actionsOf)).toEqual(['events:PutEvents']);
    expect(statements.map((statement) => statement.Resource)).toEqual([HOME_BUS]);
  });

  it('lets only this account’s rules dead-letter into the queue', () => {
    const policy = forwarder.Resources.ForwarderDeadLetterQueuePolicy?.Properties?.PolicyDocument as {
      Statement: Record<string, unknown>[];
    };
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Condition: {
          ArnLike: {
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
            'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/*' },
          },
        },
      }),
    ]);
  });

  it('names its dead-letter alarm under the home stack’s own prefix, which the home alarm rule always matches', () => {
    expect(forwarder.Resources.ForwarderDeadLetterAlarm?.Properties?.AlarmName).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
      'Fn::Sub': 'notifier-dev-forwarder-${AWS::StackName}',
    });
    expect(JSON.stringify(patternsOf(customForwarder)[0])).toContain('{"prefix":"notifier-dev-"}');
  });

  it('forwards nothing in the home account and region itself (a StackSet may deploy there too)', () => {
    expect(forwarder.Conditions?.IsHome).toEqual({
      'Fn::And': [
        { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, { Ref: 'HomeAccountId' }] },
        { 'Fn::Equals': [{ Ref: 'AWS::Region' }, { Ref: 'HomeRegion' }] },
      ],
    });
    const conditional = Object.entries(forwarder.Resources).filter(
      ([id]) => id.startsWith('Forward') && id !== 'ForwarderRole',
    );
    expect(conditional.length).toBeGreaterThan(3);
    expect(conditional.map(([, resource]) => resource.Condition)).toEqual(conditional.map(() => 'ForwardsHere'));
  });

  it.each([
    ['HomeRegion', 'ap-northeast-1', 'Tokyo'],
    ['HomeRegion', 'us-gov-west-1', 'us-east-1; rm'],
    ['HomeAccountId', '111122223333', '11112222333'],
    ['HomeEventBusArn', 'arn:aws:events:eu-west-1:111122223333:event-bus/default', 'arn:aws:sns:eu-west-1:1:x'],
  ])('checks %s: accepts %s, rejects %s', (name, good, bad) => {
    const pattern = new RegExp(String(forwarder.Parameters?.[name]?.AllowedPattern));
    expect(pattern.test(good)).toBe(true);
    expect(pattern.test(bad)).toBe(false);
  });

  it('fits a StackSet’s --template-body, as written (compact JSON)', () => {
    for (const template of [forwarder, customForwarder]) {
      expect(Buffer.byteLength(`${JSON.stringify(template)}\n`)).toBeLessThan(MAX_TEMPLATE_BODY_BYTES);
    }
  });

  it('refuses a home template without rules rather than write a forwarder that forwards nothing', () => {
    expect(() => buildForwarder({ Resources: {} }, 'notifier-dev-')).toThrow('no EventBridge rule to forward');
  });

  it('skips rules on other buses and forwards a pattern two rules share once', () => {
    const rule = (pattern: object, bus?: string) => ({
      Type: 'AWS::Events::Rule',
      Properties: { EventPattern: pattern, ...(bus ? { EventBusName: bus } : {}) },
    });
    const built = buildForwarder(
      {
        Resources: {
          A: rule({ source: ['aws.health'] }),
          B: rule({ source: ['aws.health'] }, 'default'),
          C: rule({ source: ['aws.guardduty'] }, 'custom-bus'),
        },
      },
      'notifier-dev-',
    );
    expect(patternsOf(built)).toEqual([{ source: ['aws.health'] }]);
  });
});
