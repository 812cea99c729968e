import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RenderContext } from '../../../../../src/lib/core/locale';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { buildSnsPublish } from '../../../../../src/lib/core/publish/sns-message';
import { eventBridgeEventSchema } from '../../../../../src/lib/core/schemas/eventbridge';
import {
  alarmChangeOf,
  buildAlarmChange,
  FLAPPING_RULE,
} from '../../../../../src/lib/core/sources/cloudwatch-alarm/flapping';
import { alarmFromEventBridge } from '../../../../../src/lib/core/sources/cloudwatch-alarm/from-eventbridge';
import { interpretAlarm } from '../../../../../src/lib/core/sources/cloudwatch-alarm/interpret-alarm';

const fixture = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8'));
const now = new Date('2024-01-01T00:00:00Z');
const en: RenderContext = { locale: 'en', timeZone: 'UTC', now };
const ja: RenderContext = { locale: 'ja', timeZone: 'Asia/Tokyo', now };
const alarm = () =>
  alarmFromEventBridge(
    eventBridgeEventSchema.parse(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json')),
    '',
  );
const flapping = { kind: 'flapping', changes: 6, windowMs: 600_000 } as const;

describe('alarm: flapping', () => {
  it('asks the flapping check about each dated change, keyed by account, region and alarm name', () => {
    expect(alarmChangeOf(alarm())).toEqual({
      key: 'flap:123456789012:us-east-1:ServerCpuTooHigh',
      state: 'ALARM',
      at: Date.parse('2019-10-02T17:04:40.989Z'),
    });
    const undated = { ...alarm(), state: { ...alarm().state, timestamp: undefined } };
    expect(alarmChangeOf(undated)).toBeUndefined();
  });

  it.each([
    [
      en,
      'ServerCpuTooHigh is flapping',
      'ServerCpuTooHigh changed state 6 times in 10 min; further changes are muted until it is stable for 10 min.',
      ['State now: ALARM', 'State changes: 6 in 10 min', 'Account: 123456789012', 'Region: us-east-1'],
    ],
    [
      ja,
      'ServerCpuTooHigh がフラッピングしています',
      'ServerCpuTooHigh の状態が 10分で 6 回変わりました。10分安定するまで、以降の変化は通知しません。',
      ['現在の状態: ALARM', '状態の変化: 10分で 6 回', 'アカウント: 123456789012', 'リージョン: us-east-1'],
    ],
  ])('renders the one "flapping" message (%s)', (ctx, title, summary, fields) => {
    const n = notificationSchema.parse(buildAlarmChange(alarm(), ctx, [], flapping));
    expect(n).toMatchObject({ title, summary, category: 'alarm', severity: 'warning' });
    expect(n.fields.map((f) => `${f.label}: ${f.value}`)).toEqual(fields);
    expect(n.links.map((l) => l.url)).toEqual([expect.stringContaining('alarmsV2:alarm/ServerCpuTooHigh')]);
    expect(n.dedupeKey).toBe(`${interpretAlarm(alarm(), ctx).dedupeKey}:flapping`);
    expect(buildSnsPublish(n).Subject).toContain(title.slice(0, 20));
  });

  it('mutes a change while flapping, by a named rule with the reason', () => {
    const since = Date.parse('2019-10-02T17:00:00Z');
    expect(buildAlarmChange(alarm(), en, [], { kind: 'muted', since, muted: 2, windowMs: 600_000 })).toEqual({
      kind: 'ignored',
      rule: FLAPPING_RULE,
      reason:
        'ServerCpuTooHigh is flapping since 2019-10-02T17:00:00.000Z; this change to ALARM is muted (2 so far) until it is stable for 10 min',
    });
  });

  it.each([
    [en, 'Stable again after flapping: it stayed in OK for 1 h 4 min; 3 changes were muted.'],
    [ja, 'フラッピング後に安定しました: OK のまま 1時間4分続きました（通知しなかった変化 3 件）。'],
  ])('says, in the first message after flapping, that it is stable again (%s)', (ctx, note) => {
    const stayedSince = Date.parse('2019-10-02T16:00:40.989Z');
    const n = buildAlarmChange(alarm(), ctx, [], { kind: 'stable', stayed: 'OK', stayedSince, muted: 3 });
    expect(n).toMatchObject({ title: interpretAlarm(alarm(), ctx).title, notes: [note] });
  });

  it('builds the usual notification without a decision (the CLI) or when notifying', () => {
    expect(buildAlarmChange(alarm(), en, [])).toEqual(interpretAlarm(alarm(), en));
    expect(buildAlarmChange(alarm(), en, [], { kind: 'notify' })).toEqual(interpretAlarm(alarm(), en));
  });
});
