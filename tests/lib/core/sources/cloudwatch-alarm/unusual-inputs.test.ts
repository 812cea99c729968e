import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../../../src/lib/core/notification';
import { sources } from '../../../../../src/lib/core/sources';
import { toIsoInstant } from '../../../../../src/lib/core/sources/cloudwatch-alarm/derive';
import { processEvent } from '../../../../../src/lib/pipeline';
import { fixture } from '../../../../helpers/fixtures';
import { contexts, fieldOf } from '../../../../helpers/render-fixture';

type Json = Record<string, unknown>;
const LOCALES = ['en', 'ja'] as const;
const labels = {
  en: { since: 'Since', sinceUnparsed: 'Since (as sent, not a date)', kind: 'Alarm type', rule: 'Alarm rule' },
  ja: {
    since: '状態変化の時刻',
    sinceUnparsed: '状態変化の時刻（日時として読めない値）',
    kind: 'アラームの種類',
    rule: 'アラームルール',
  },
} as const;

/** The one notification an input becomes through the production pipeline and the whole registry. */
async function notificationOf(input: unknown, locale: (typeof LOCALES)[number]): Promise<Notification> {
  const result = await processEvent(input, { ctx: contexts[locale], sources });
  if (result.errors.length > 0) throw result.errors[0];
  expect(result.notifications).toHaveLength(1);
  return result.notifications[0] as Notification;
}

const LAMBDA_ACTION = 'cloudwatch-alarm/lambda-action/metric-alarm-ALARM-from-INSUFFICIENT_DATA-java.json';

/** The Lambda-action payload re-wrapped as an EventBridge-style envelope: `account` and `resources`, no `accountId`/`alarmArn`. */
function eventBridgeStyleEnvelope(withResources: boolean): Json {
  const action = fixture(LAMBDA_ACTION);
  const { alarmArn, accountId, ...rest } = structuredClone(action);
  return { ...rest, account: accountId, ...(withResources ? { resources: [alarmArn] } : {}) };
}

describe('alarm: unusual inputs seen in real payloads', () => {
  describe('an EventBridge-style envelope carrying alarmData', () => {
    it.each(
      LOCALES.flatMap((locale) => [
        [locale, 'account and resources', true],
        [locale, 'account only', false],
      ]),
    )('keeps the account (%s, %s)', async (locale, _, withResources) => {
      const n = await notificationOf(eventBridgeStyleEnvelope(withResources as boolean), locale);
      expect(n).toMatchObject({ category: 'alarm', account: '444455556666', region: 'us-east-1' });
      expect(n.dedupeKey).toBe('alarm:444455556666:us-east-1:lambda-demo-metric-alarm:ALARM:2023-08-04T12:36:15.490Z');
      expect(n.dedupeKey).not.toMatch(/^alarm::/);
    });
  });

  describe('a malformed timestamp', () => {
    const BAD = '2022-07-22T25:61:45.394+0000';

    it.each([
      ['CloudWatch text', '2019-10-02T17:04:40.989+0000', '2019-10-02T17:04:40.989Z'],
      ['ISO', '2022-07-22T15:57:45Z', '2022-07-22T15:57:45.000Z'],
      ['hour 25', BAD, undefined],
      ['words', 'yesterday', undefined],
      ['empty', '', undefined],
    ])('toIsoInstant reads %s (%j) as %j', (_, text, iso) => {
      expect(toIsoInstant(text)).toBe(iso);
    });

    const eventBridge = (): Json => {
      const event = structuredClone(fixture('cloudwatch-alarm/eventbridge-composite-alarm-with-suppressor-ALARM.json'));
      (event.detail as { state: { timestamp: string } }).state.timestamp = BAD;
      return event;
    };
    const classic = (): Json => ({
      ...structuredClone(fixture('cloudwatch-alarm/sns-message-minimal-notify-slack.json')),
      StateChangeTime: BAD,
    });
    const lambdaAction = (): Json => {
      const action = structuredClone(fixture(LAMBDA_ACTION));
      (action.alarmData as { state: { timestamp: string } }).state.timestamp = BAD;
      return action;
    };

    it.each(
      LOCALES.flatMap((locale) => [
        [locale, 'EventBridge', eventBridge],
        [locale, 'classic SNS', classic],
        [locale, 'Lambda action', lambdaAction],
      ]),
    )('is shown only as a labelled field, never as a time or in the dedupe key (%s, %s)', async (locale, _, make) => {
      const n = await notificationOf((make as () => Json)(), locale);
      const t = labels[locale];
      expect(fieldOf(n, t.sinceUnparsed)).toBe(BAD);
      expect(fieldOf(n, t.since)).toBeUndefined();
      expect(n.dedupeKey).not.toContain(BAD);
      expect(n.dedupeKey).not.toContain('25:61');
      expect(Number.isNaN(Date.parse(n.occurredAt))).toBe(false);
      expect(n.occurredAt).not.toContain('25:61');
    });

    it('falls back to the event id in the dedupe key of an EventBridge event', async () => {
      const n = await notificationOf(eventBridge(), 'en');
      expect(n.dedupeKey).toBe(
        'alarm:123456789012:us-east-1:ServiceAggregatedAlarm:ALARM:d3dfc86d-384d-24c8-0345-9f7986db0b80',
      );
    });

    it('keeps at most 64 characters of the text', async () => {
      const event = eventBridge();
      const long = `${BAD} ${'x'.repeat(200)}`;
      (event.detail as { state: { timestamp: string } }).state.timestamp = long;
      const n = await notificationOf(event, 'en');
      expect(fieldOf(n, labels.en.sinceUnparsed)).toBe(long.slice(0, 64));
    });
  });

  describe('a classic SNS composite alarm', () => {
    /** The minimal classic message given the rule and triggering child of the real composite event. */
    function classicComposite(): Json {
      const composite = fixture('cloudwatch-alarm/eventbridge-composite-alarm-with-suppressor-ALARM.json');
      const detail = composite.detail as {
        configuration: { alarmRule: string };
        state: { reasonData: string };
      };
      const [child] = (
        JSON.parse(detail.state.reasonData) as {
          triggeringAlarms: Array<{ arn: string; state: { value: string; timestamp: string } }>;
        }
      ).triggeringAlarms;
      return {
        ...structuredClone(fixture('cloudwatch-alarm/sns-message-minimal-notify-slack.json')),
        AlarmRule: detail.configuration.alarmRule,
        TriggeringChildren: [
          { Arn: child?.arn, State: { Value: child?.state.value, Timestamp: child?.state.timestamp } },
        ],
      };
    }

    it.each([
      ['en', 'Composite alarm', 'Triggering alarms'],
      ['ja', '複合アラーム', 'トリガーとなったアラーム'],
    ] as const)('reads AlarmRule and TriggeringChildren (%s)', async (locale, kind, triggering) => {
      const n = await notificationOf(classicComposite(), locale);
      const t = labels[locale];
      expect(fieldOf(n, t.kind)).toBe(kind);
      expect(fieldOf(n, t.rule)).toBe('ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)');
      expect(fieldOf(n, triggering)).toMatch(/^ServerCpuTooHigh · ALARM · \S/);
    });

    it('stays a composite alarm when TriggeringChildren is malformed', async () => {
      const message = { ...classicComposite(), TriggeringChildren: 'ServerCpuTooHigh' };
      const n = await notificationOf(message, 'en');
      expect(fieldOf(n, labels.en.kind)).toBe('Composite alarm');
      expect(fieldOf(n, 'Triggering alarms')).toBeUndefined();
    });
  });
});
