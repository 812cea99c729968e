import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/lib/core/errors';
import { eventBridgeEventSchema } from '../../../../src/lib/core/schemas/eventbridge';
import { formatPath, parseAt } from '../../../../src/lib/core/schemas/parse';
import { snsHttpBodySchema, snsRecordSchema } from '../../../../src/lib/core/schemas/sns';
import { classicAlarmMessageSchema } from '../../../../src/lib/core/sources/cloudwatch-alarm/classic-schema';
import { lambdaAlarmActionSchema } from '../../../../src/lib/core/sources/cloudwatch-alarm/lambda-action-schema';
import {
  alarmStateChangeDetailSchema,
  reasonDataSchema,
} from '../../../../src/lib/core/sources/cloudwatch-alarm/schema';

const fixture = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8'));

describe('schemas', () => {
  it.each([
    'eventbridge-anomaly-detection-alarm-ALARM.json',
    'eventbridge-composite-alarm-with-suppressor-ALARM.json',
    'eventbridge-metrics-insights-alarm-ALARM-PARTIAL_DATA-docs.json',
    'eventbridge-ec2-asg-cpu-OK-from-INSUFFICIENT_DATA.json',
  ])('accept the EventBridge alarm event %s', (file) => {
    const event = eventBridgeEventSchema.parse(fixture(`cloudwatch-alarm/${file}`));
    expect(alarmStateChangeDetailSchema.safeParse(event.detail).success).toBe(true);
  });

  it.each([
    'composite-alarm-ALARM-powertools.json',
    'metric-alarm-ALARM-from-INSUFFICIENT_DATA-java.json',
    'metric-math-alarm-ALARM-powertools.json',
  ])('accept the Lambda alarm action %s', (file) => {
    expect(lambdaAlarmActionSchema.safeParse(fixture(`cloudwatch-alarm/lambda-action/${file}`)).success).toBe(true);
  });

  it('accept classic alarm messages, including the minimal one without a Trigger', () => {
    expect(
      classicAlarmMessageSchema.parse(fixture('cloudwatch-alarm/sns-message-minimal-notify-slack.json')).Trigger,
    ).toBeUndefined();
    const sre = fixture('sns/http-notification-cloudwatch-alarm-lambda-concurrency-ALARM-sre-bot.json');
    expect(snsHttpBodySchema.parse(sre).Type).toBe('Notification');
    expect(classicAlarmMessageSchema.parse(JSON.parse(String(sre.Message))).AlarmDescription).toBeNull();
  });

  it('accept SNS records and HTTP subscription confirmations', () => {
    const event = fixture('sns/generic-sns-event-powertools-ts.json') as { Records: unknown[] };
    expect(snsRecordSchema.parse(event.Records[0]).Sns.Message).toBe('Hello from SNS!');
    expect(snsHttpBodySchema.parse(fixture('sns/http-subscription-confirmation-alerta.json')).Type).toBe(
      'SubscriptionConfirmation',
    );
  });

  it('read reasonData of composite alarms (triggering alarms only)', () => {
    const detail = fixture('cloudwatch-alarm/eventbridge-composite-alarm-with-suppressor-ALARM.json').detail as {
      state: { reasonData: string };
    };
    expect(reasonDataSchema.parse(JSON.parse(detail.state.reasonData)).triggeringAlarms?.[0]?.arn).toBe(
      'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh',
    );
  });

  it('name the failing field in the InputError, with the zod error as cause', () => {
    const event = structuredClone(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'));
    (event.detail as { state: Record<string, unknown> }).state.timestamp = 12;
    const error = (() => {
      try {
        parseAt(alarmStateChangeDetailSchema, event.detail, 'detail', 'alarm state change');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ path: 'detail.state.timestamp' });
    expect((error as InputError).cause).toBeDefined();
  });

  it.each([
    ['', ['Records', 2, 'Sns', 'Message'], 'Records[2].Sns.Message'],
    ['Records[0].Sns.Message', ['detail', 'state'], 'Records[0].Sns.Message.detail.state'],
    ['x', [], 'x'],
  ])('format paths: %s + %j = %s', (base, path, expected) => {
    expect(formatPath(base, path)).toBe(expected);
  });
});
