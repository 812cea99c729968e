import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../../src/lib/core/errors';
import { eventBridgeEventSchema } from '../../../../../src/lib/core/schemas/eventbridge';
import { alarmFromEventBridge } from '../../../../../src/lib/core/sources/cloudwatch-alarm/from-eventbridge';
import { alarmFromLambdaAction } from '../../../../../src/lib/core/sources/cloudwatch-alarm/from-lambda-action';
import { alarmFromSnsMessage } from '../../../../../src/lib/core/sources/cloudwatch-alarm/from-sns-message';
import { regionCodeOf } from '../../../../../src/lib/core/sources/cloudwatch-alarm/region-names';

const fixture = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8'));
const fromEventBridge = (path: string) => alarmFromEventBridge(eventBridgeEventSchema.parse(fixture(path)), '');

describe('alarm: from its sources', () => {
  it.each([
    ['eventbridge-single-metric-alarm-ALARM.json', 'metric'],
    ['eventbridge-metric-math-alarm-ALARM-from-INSUFFICIENT_DATA.json', 'metric-math'],
    ['eventbridge-anomaly-detection-alarm-ALARM.json', 'anomaly-detection'],
    ['eventbridge-composite-alarm-with-suppressor-ALARM.json', 'composite'],
    ['eventbridge-metrics-insights-alarm-ALARM-PARTIAL_DATA-docs.json', 'metrics-insights'],
  ])('tells the kind of %s: %s', (file, kind) => {
    expect(fromEventBridge(`cloudwatch-alarm/${file}`).kind).toBe(kind);
  });

  it('reads an EventBridge state change, taking comparison and threshold from the reason', () => {
    const alarm = fromEventBridge('cloudwatch-alarm/eventbridge-rds-aurora-cpu-OK-from-ALARM.json');
    expect(alarm).toMatchObject({
      name: 'test-service_aurora_serverless_cpu_utilization',
      arn: 'arn:aws:cloudwatch:us-east-1:1234567890123:alarm:test-service_aurora_serverless_cpu_utilization',
      account: '1234567890123',
      region: 'us-east-1',
      partition: 'aws',
      comparison: 'GreaterThanOrEqualToThreshold',
      // the current state's threshold, not the previous one (10) from before the alarm was edited
      threshold: 30,
      statistic: 'Average',
      period: 300,
      state: { value: 'OK', timestamp: '2020-10-05T06:47:38.033Z' },
      previousState: { value: 'ALARM', timestamp: '2020-10-05T06:30:58.967Z' },
      source: { type: 'aws.cloudwatch/CloudWatch Alarm State Change', id: '19905c58-8563-0126-6a9d-c8530ac6c240' },
    });
  });

  it('names the broken field of a broken EventBridge alarm event', () => {
    const event = structuredClone(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'));
    (event.detail as { state: { value: string } }).state.value = 'ON_FIRE';
    expect(() => alarmFromEventBridge(eventBridgeEventSchema.parse(event), 'Records[0].Sns.Message')).toThrow(
      expect.objectContaining({ name: 'InputError', path: 'Records[0].Sns.Message.detail.state.value' }),
    );
  });

  it('reads a Lambda alarm action, preferring the account and region in its ARN', () => {
    const alarm = alarmFromLambdaAction(
      fixture('cloudwatch-alarm/lambda-action/metric-math-alarm-ALARM-powertools.json'),
      '',
    );
    expect(alarm).toMatchObject({
      name: 'Test alert',
      account: '912397435824',
      region: 'eu-west-1',
      kind: 'metric-math',
    });
    expect(alarm.source).toEqual({ type: 'aws.cloudwatch/alarm-action' });
  });

  it('rejects a Lambda alarm action without alarmData', () => {
    const action = structuredClone(fixture('cloudwatch-alarm/lambda-action/composite-alarm-ALARM-powertools.json'));
    delete action.alarmData;
    expect(() => alarmFromLambdaAction(action, '')).toThrow(InputError);
  });

  it('reads a classic SNS alarm message with its trigger', () => {
    const alarm = alarmFromSnsMessage(fixture('cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json'), '');
    expect(alarm).toMatchObject({
      kind: 'metric',
      region: 'us-east-2',
      account: '811322200214',
      threshold: 0,
      comparison: 'GreaterThanThreshold',
      statistic: 'Average',
      period: 60,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      recentDatapoints: [{ value: 1 }],
      metrics: [
        {
          namespace: 'AWS/ApplicationELB',
          name: 'UnHealthyHostCount',
          dimensions: {
            LoadBalancer: 'app/smith-poc-nodejs-restart-alb/8aea219e2c2c6eb3',
            TargetGroup: 'targetgroup/smith-poc-nodejs-restart-tg/7c25fe0e5ca71022',
          },
        },
      ],
    });
    expect(alarm.treatMissingData).toBeUndefined();
  });

  it('ignores placeholder ARNs and unknown region names instead of inventing a region', () => {
    const message = JSON.parse(
      (
        fixture('sns/cloudwatch-alarm-single-metric-sns-event-lambda-go.json') as {
          Records: [{ Sns: { Message: string } }];
        }
      ).Records[0].Sns.Message,
    );
    const alarm = alarmFromSnsMessage(message, '');
    expect(alarm).toMatchObject({ account: '123456789012', regionName: 'EXAMPLE', treatMissingData: 'missing' });
    expect(alarm.region).toBeUndefined();
    // the sample's dates are not day-first: shown undated rather than three months off
    expect(alarm.recentDatapoints).toEqual([{ value: 1234 }]);
  });

  it.each([
    ['US East (N. Virginia)', 'us-east-1'],
    ['US-East-2', 'us-east-2'],
    ['EU (Ireland)', 'eu-west-1'],
    ['EU - Ireland', 'eu-west-1'],
    ['Canada (Central)', 'ca-central-1'],
    ['Asia Pacific (Tokyo)', 'ap-northeast-1'],
    ['South America (São Paulo)', 'sa-east-1'],
    ['AWS GovCloud (US-West)', 'us-gov-west-1'],
    ['ap-northeast-1', 'ap-northeast-1'],
    ['EXAMPLE', undefined],
  ])('maps the region name %s to %s', (name, code) => {
    expect(regionCodeOf(name)).toBe(code);
  });
});
