import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RenderContext } from '../../../../../src/lib/core/locale';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { eventBridgeEventSchema } from '../../../../../src/lib/core/schemas/eventbridge';
import { parseDescribeTargetHealth } from '../../../../../src/lib/core/sources/cloudwatch-alarm/describe-target-health';
import { alarmFromEventBridge } from '../../../../../src/lib/core/sources/cloudwatch-alarm/from-eventbridge';
import { alarmFromSnsMessage } from '../../../../../src/lib/core/sources/cloudwatch-alarm/from-sns-message';
import { alarmSeverities, interpretAlarm } from '../../../../../src/lib/core/sources/cloudwatch-alarm/interpret-alarm';
import { targetGroupsOf } from '../../../../../src/lib/core/sources/cloudwatch-alarm/target-groups';
import type {
  TargetHealth,
  TargetHealthReport,
} from '../../../../../src/lib/core/sources/cloudwatch-alarm/target-health';

const fixture = <T = Record<string, unknown>>(path: string): T =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8'));
const en: RenderContext = { locale: 'en', timeZone: 'UTC', now: new Date('2024-01-01T00:00:00Z') };
const ja: RenderContext = { locale: 'ja', timeZone: 'Asia/Tokyo', now: new Date('2024-01-01T00:00:00Z') };
const eb = (file: string) =>
  alarmFromEventBridge(eventBridgeEventSchema.parse(fixture(`cloudwatch-alarm/${file}`)), '');
const albAlarm = () =>
  alarmFromSnsMessage(fixture('cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json'), '');

/** A recorded DescribeTargetHealth output (or its bare array) → our targets. */
const targetsOf = (file: string): TargetHealth[] => parseDescribeTargetHealth(fixture(`elbv2/${file}`));
const reportFor = (file: string, extra: Partial<TargetHealthReport> = {}): TargetHealthReport[] =>
  targetGroupsOf(albAlarm()).map((targetGroup) => ({ targetGroup, targets: targetsOf(file), ...extra }));
const field = (n: { fields: Array<{ label: string; value: string }> }, label: string) =>
  n.fields.find((f) => f.label === label)?.value;

describe('alarm: interpret', () => {
  it.each([
    ['eventbridge-single-metric-alarm-ALARM.json', en, 'ServerCpuTooHigh is in ALARM'],
    ['eventbridge-single-metric-alarm-ALARM.json', ja, 'ServerCpuTooHigh が ALARM 状態になりました'],
    ['eventbridge-rds-aurora-cpu-OK-from-ALARM.json', en, 'test-service_aurora_serverless_cpu_utilization is OK again'],
    [
      'eventbridge-rds-aurora-cpu-OK-from-ALARM.json',
      ja,
      'test-service_aurora_serverless_cpu_utilization が OK に戻りました',
    ],
    ['eventbridge-ec2-asg-cpu-OK-from-INSUFFICIENT_DATA.json', en, 'test-service-alarm-abcd is OK'],
  ])('titles %s in %o', (file, ctx, title) => {
    expect(interpretAlarm(eb(file), ctx).title).toBe(title);
  });

  it('tells the reason in words, with statistic, period, value, threshold and datapoints', () => {
    expect(interpretAlarm(eb('eventbridge-single-metric-alarm-ALARM.json'), en).summary).toBe(
      'CPUUtilization (Average over 5 min) was 99.5, above the threshold of 50, in 1 of the last 1 datapoints.',
    );
    expect(interpretAlarm(eb('eventbridge-single-metric-alarm-ALARM.json'), ja).summary).toBe(
      'CPUUtilization (5分間の Average) は 99.5 で、しきい値 50 を上回りました (直近 1 個中 1 個のデータポイント)。',
    );
  });

  it('says how long the incident lasted when an alarm recovers', () => {
    const n = interpretAlarm(eb('eventbridge-rds-aurora-cpu-OK-from-ALARM.json'), en);
    expect(n.summary).toBe(
      'CPUUtilization (Average over 5 min) was 10, below the threshold of 30, in 2 of the last 2 datapoints. Recovered after 16 min 39 s.',
    );
    expect(field(n, 'Incident duration')).toBe('16 min 39 s');
  });

  it('claims no recovery when the previous state was not ALARM', () => {
    const n = interpretAlarm(eb('eventbridge-ec2-asg-cpu-OK-from-INSUFFICIENT_DATA.json'), en);
    expect(n.summary).not.toMatch(/Recovered/);
    expect(field(n, 'Incident duration')).toBeUndefined();
  });

  it('falls back to AWS reason text when it cannot be told in words', () => {
    const alarm = eb('eventbridge-single-metric-alarm-ALARM.json');
    expect(
      interpretAlarm({ ...alarm, comparison: undefined, state: { ...alarm.state, reason: 'test' } }, en).summary,
    ).toBe('test');
  });

  it.each(Object.entries(alarmSeverities))('gives %s the severity %s', (state, severity) => {
    const alarm = eb('eventbridge-single-metric-alarm-ALARM.json');
    expect(interpretAlarm({ ...alarm, state: { ...alarm.state, value: state as 'OK' } }, en).severity).toBe(severity);
  });

  it('builds a valid Notification with the dedupe key, times, account, region and links', () => {
    const n = interpretAlarm(eb('eventbridge-single-metric-alarm-ALARM.json'), ja);
    expect(notificationSchema.parse(n)).toEqual(n);
    expect(n).toMatchObject({
      category: 'alarm',
      locale: 'ja',
      account: '123456789012',
      region: 'us-east-1',
      occurredAt: '2019-10-02T17:04:40.989Z',
      dedupeKey: 'alarm:123456789012:us-east-1:ServerCpuTooHigh:ALARM:2019-10-02T17:04:40.989Z',
      links: [
        {
          label: 'CloudWatch のアラーム',
          url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh',
        },
      ],
    });
    expect(field(n, '状態変化の時刻')).toBe('2019-10-03 02:04:40 JST');
  });

  describe('dedupe key', () => {
    /** The classic SNS message CloudWatch publishes for the EventBridge fixture's state change. */
    const snsFormOf = (event: Record<string, unknown>) => {
      const detail = event.detail as { alarmName: string; state: { value: string; reason: string; timestamp: string } };
      return {
        AlarmName: detail.alarmName,
        AWSAccountId: event.account,
        NewStateValue: detail.state.value,
        NewStateReason: detail.state.reason,
        StateChangeTime: detail.state.timestamp,
        Region: 'US East (N. Virginia)',
        AlarmArn: (event.resources as string[])[0],
        OldStateValue: 'OK',
        Trigger: { MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Period: 300, EvaluationPeriods: 1 },
      };
    };

    it('is the same for one state change through EventBridge and through the alarm-actions topic', () => {
      const event = fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
      const viaEventBridge = interpretAlarm(alarmFromEventBridge(eventBridgeEventSchema.parse(event), ''), en);
      const viaSns = interpretAlarm(alarmFromSnsMessage(snsFormOf(event), ''), en);
      expect(viaSns.source.type).not.toBe(viaEventBridge.source.type);
      expect(viaSns.dedupeKey).toBe(viaEventBridge.dedupeKey);
      expect(viaSns.dedupeKey).toBe('alarm:123456789012:us-east-1:ServerCpuTooHigh:ALARM:2019-10-02T17:04:40.989Z');
    });

    it('is the same without the ARN and with the time spelt in another offset', () => {
      const event = fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
      const { AlarmArn: _, ...withoutArn } = snsFormOf(event);
      const sns = { ...withoutArn, StateChangeTime: '2019-10-03T02:04:40.989+0900' };
      expect(interpretAlarm(alarmFromSnsMessage(sns, ''), en).dedupeKey).toBe(
        interpretAlarm(eb('eventbridge-single-metric-alarm-ALARM.json'), en).dedupeKey,
      );
    });

    it.each([
      ['state', { value: 'OK' }],
      ['time', { timestamp: '2019-10-02T17:09:40.989Z' }],
    ])('differs when the %s differs', (_, change) => {
      const alarm = eb('eventbridge-single-metric-alarm-ALARM.json');
      const changed = { ...alarm, state: { ...alarm.state, ...change } } as typeof alarm;
      expect(interpretAlarm(changed, en).dedupeKey).not.toBe(interpretAlarm(alarm, en).dedupeKey);
    });

    it('falls back to the event id when the state change has no time, so undated changes never collide', () => {
      const alarm = eb('eventbridge-single-metric-alarm-ALARM.json');
      const { timestamp: _, ...undated } = alarm.state;
      expect(interpretAlarm({ ...alarm, state: undated }, en).dedupeKey).toBe(
        'alarm:123456789012:us-east-1:ServerCpuTooHigh:ALARM:c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
      );
    });
  });

  it('lists the unhealthy targets with their reasons, and the health check', () => {
    const [report] = reportFor('target-health-descriptions-ResponseCodeMismatch-InvalidState.json', {
      healthCheck: { protocol: 'HTTP', port: 'traffic-port', path: '/health', matcher: '200' },
    });
    const n = interpretAlarm(albAlarm(), en, report ? [report] : []);
    expect(field(n, 'Targets of smith-poc-nodejs-restart-tg')).toBe(
      [
        '2 of 2 targets are not healthy',
        'i-019ebfaf92631c228:3000 unhealthy — Target.ResponseCodeMismatch: Health checks failed with these codes: [500]',
        'i-0b314f9c31a99621c:3000 unused — Target.InvalidState: Target is in the stopped state',
      ].join('\n'),
    );
    expect(field(n, 'Health check of smith-poc-nodejs-restart-tg')).toBe(
      'HTTP, port traffic-port, path /health, expects 200',
    );
    expect(n.links.map((l) => l.label)).toEqual(['Alarm in CloudWatch', 'Target group smith-poc-nodejs-restart-tg']);
    expect(n.notes).toEqual([]);
  });

  it('counts healthy targets without listing them', () => {
    const n = interpretAlarm(albAlarm(), ja, reportFor('describe-target-health-cli-two-healthy.json'));
    expect(field(n, 'smith-poc-nodejs-restart-tg のターゲット')).toBe('2 個のターゲットはすべて正常です');
  });

  it('turns a failed enrichment into a visible note, claiming nothing about targets', () => {
    const reports = reportFor('describe-target-health-cli-two-healthy.json', {
      targets: [],
      error: 'AccessDenied: not authorized to perform elasticloadbalancing:DescribeTargetHealth',
    });
    const n = interpretAlarm(albAlarm(), en, reports);
    expect(n.notes).toEqual([
      'Target health of smith-poc-nodejs-restart-tg could not be read: AccessDenied: not authorized to perform elasticloadbalancing:DescribeTargetHealth',
    ]);
    expect(n.fields.some((f) => f.label.startsWith('Targets of'))).toBe(false);
  });

  it('says nothing about targets when no enricher ran', () => {
    const n = interpretAlarm(albAlarm(), en);
    expect(n.fields.some((f) => /target/i.test(f.label))).toBe(false);
    expect(n.notes).toEqual([]);
  });
});

describe('alarm: one-sided anomaly bands', () => {
  const withOperator = (operator: string, value: 'OK' | 'ALARM') => {
    const alarm = eb('eventbridge-anomaly-detection-alarm-ALARM.json');
    return { ...alarm, comparison: operator, state: { ...alarm.state, value, reason: undefined } };
  };

  it.each([
    ['GreaterThanUpperThreshold', 'ALARM', 'above the expected band'],
    ['GreaterThanUpperThreshold', 'OK', 'not above the expected band'],
    ['LessThanLowerThreshold', 'ALARM', 'below the expected band'],
    ['LessThanLowerThreshold', 'OK', 'not below the expected band'],
    ['LessThanLowerOrGreaterThanUpperThreshold', 'OK', 'within the expected band'],
  ] as const)('%s in %s says "%s"', (operator, value, words) => {
    expect(interpretAlarm(withOperator(operator, value), en).summary).toContain(words);
  });
});
