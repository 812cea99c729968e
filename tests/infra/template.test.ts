import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnResource, type CfnTemplate, packagedTemplate, resourcesOfType, variantDir } from './packaged';

/** Packaging runs osls and esbuild: seconds, not milliseconds. */
const PACKAGE_TIMEOUT_MS = 120_000;
/** The names src/lib/config.ts reads (interfaces.md, C). */
const ENVIRONMENT_NAMES = [
  'NOTIFICATIONS_TOPIC_ARN',
  'NOTIFIER_LOCALE',
  'NOTIFIER_TIME_ZONE',
  'ALARM_NAME_PREFIXES',
  'SLACK_WEBHOOK_PARAMETER',
  'TARGET_HEALTH_TIMEOUT_MS',
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_LOG_LEVEL',
];

let template: CfnTemplate;
/** Packaged with `alertEmail=` (none) and `alarmNamePrefixes=prod-,billing-`. */
let narrowed: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
  narrowed = packagedTemplate(variantDir('no-email-prefixed'), ['alertEmail=', 'alarmNamePrefixes=prod-,billing-']);
}, PACKAGE_TIMEOUT_MS);

const props = (resource: CfnResource | undefined) => resource?.Properties ?? {};
const fn = (t: CfnTemplate, id: string) => props(t.Resources[id]);
const variables = (t: CfnTemplate, id: string) =>
  (fn(t, id).Environment as { Variables: Record<string, unknown> }).Variables;
const lambdaSubscriptions = (t: CfnTemplate) =>
  resourcesOfType(t, 'AWS::SNS::Subscription').filter(([, r]) => props(r).Protocol === 'lambda');
const emailSubscriptions = (t: CfnTemplate) =>
  resourcesOfType(t, 'AWS::SNS::Subscription').filter(([, r]) => props(r).Protocol === 'email');
const subscriptionOf = (t: CfnTemplate, functionId: string) =>
  props(lambdaSubscriptions(t).find(([, r]) => JSON.stringify(props(r).Endpoint).includes(`"${functionId}"`))?.[1]);
const alarmRulePattern = (t: CfnTemplate) => props(resourcesOfType(t, 'AWS::Events::Rule')[0]?.[1]).EventPattern;

describe('infra: functions', () => {
  it.each([
    ['AlarmLambdaFunction', 'src/handlers/alarm.main', 'AlarmRole'],
    ['SlackLambdaFunction', 'src/handlers/slack.main', 'SlackRole'],
  ])('%s runs %s on nodejs22.x arm64 with its own role %s', (id, handler, role) => {
    expect(fn(template, id)).toMatchObject({
      Handler: handler,
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Role: { 'Fn::GetAtt': [role, 'Arn'] },
    });
  });

  it('has exactly the two functions', () => {
    expect(resourcesOfType(template, 'AWS::Lambda::Function').map(([id]) => id)).toEqual([
      'AlarmLambdaFunction',
      'SlackLambdaFunction',
    ]);
  });

  it('gives the slack function time for Slack retries', () => {
    expect(fn(template, 'SlackLambdaFunction').Timeout).toBeGreaterThanOrEqual(30);
  });

  it('sets only the environment variable names the config reads', () => {
    const names = ['AlarmLambdaFunction', 'SlackLambdaFunction'].flatMap((id) => Object.keys(variables(template, id)));
    expect(names.filter((name) => !ENVIRONMENT_NAMES.includes(name))).toEqual([]);
    expect(variables(template, 'AlarmLambdaFunction').NOTIFICATIONS_TOPIC_ARN).toEqual({ Ref: 'NotificationsTopic' });
    expect(variables(template, 'SlackLambdaFunction').SLACK_WEBHOOK_PARAMETER).toBe('/notifier/slack-webhook-url');
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
    const [, rule] = resourcesOfType(template, 'AWS::Events::Rule')[0]!;
    expect(props(rule).Targets).toMatchObject([{ Arn: { 'Fn::GetAtt': ['AlarmLambdaFunction', 'Arn'] } }]);
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
    const [, policy] = resourcesOfType(template, 'AWS::SNS::TopicPolicy')[0]!;
    expect(JSON.stringify(props(policy))).toContain('"aws:SourceAccount"');
    expect(props(policy).PolicyDocument).toMatchObject({
      Statement: expect.arrayContaining([
        expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
      ]),
    });
  });
});

describe('infra: notifications topic', () => {
  it('feeds the slack function, filtered on severity', () => {
    expect(subscriptionOf(template, 'SlackLambdaFunction')).toMatchObject({
      TopicArn: { Ref: 'NotificationsTopic' },
      FilterPolicy: { severity: ['critical', 'warning', 'info', 'ok'] },
    });
  });

  it('subscribes each alertEmail address, filtered on severity', () => {
    const subscriptions = emailSubscriptions(template).map(([, r]) => props(r));
    expect(subscriptions.map((s) => s.Endpoint)).toEqual(['ops@example.com', 'oncall@example.com']);
    for (const subscription of subscriptions) {
      expect(subscription).toMatchObject({
        TopicArn: { Ref: 'NotificationsTopic' },
        FilterPolicy: { severity: ['critical', 'warning', 'ok'] },
      });
    }
  });

  it('has no email subscription when alertEmail is empty', () => {
    expect(emailSubscriptions(narrowed)).toEqual([]);
    expect(lambdaSubscriptions(narrowed)).toHaveLength(2);
  });

  it.each(['NotificationsTopic', 'AlarmActionsTopic'])('encrypts %s with the rotated customer managed key', (id) => {
    expect(props(template.Resources[id]).KmsMasterKeyId).toEqual({ Ref: 'TopicKey' });
    expect(props(template.Resources.TopicKey).EnableKeyRotation).toBe(true);
  });

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

  it.each(['NotificationsTopicArn', 'AlarmActionsTopicArn'])('outputs %s', (name) => {
    expect(template.Outputs?.[name]?.Value).toBeDefined();
  });
});
