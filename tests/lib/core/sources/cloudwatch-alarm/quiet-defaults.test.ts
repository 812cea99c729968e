import { describe, expect, it } from 'vitest';
import { sources } from '../../../../../src/lib/core/sources';
import type { AlarmActionsReport, AlarmRef } from '../../../../../src/lib/core/sources/cloudwatch-alarm/alarm-actions';
import type { QuietAlarmSettings } from '../../../../../src/lib/core/sources/source';
import { processEvent } from '../../../../../src/lib/pipeline';
import { fixture } from '../../../../helpers/fixtures';

const ctx = { locale: 'en' as const, timeZone: 'UTC', now: new Date('2025-01-01T00:00:00Z') };
/** The deployed defaults (src/lib/config.ts). */
const quiet: QuietAlarmSettings = {
  reportInsufficientDataToOk: false,
  excludedAlarmNamePrefixes: ['TargetTracking-'],
  reportActionsDisabled: false,
};
const INITIAL_OK =
  'cloudwatch-alarm/eventbridge-cwagent-mem-used-percent-OK-from-INSUFFICIENT_DATA-initial-creation-autoops.json';
const ASG_OK = 'cloudwatch-alarm/eventbridge-ec2-asg-cpu-OK-from-INSUFFICIENT_DATA.json';
const IN_ALARM = 'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json';

/** A real state change renamed as Auto Scaling names target-tracking alarms (AWS CLI docs' example). */
function targetTrackingAlarm() {
  const event = fixture<{ resources: string[]; detail: Record<string, unknown> }>(IN_ALARM);
  const name = 'TargetTracking-my-asg-AlarmHigh-fc0e4183-23ac-497e-9992-691c9980c38e';
  event.detail.alarmName = name;
  event.resources = [`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`];
  return event;
}

/** An alarmActions enricher answering `report`, recording what it was asked. */
function actionsAnswer(report: AlarmActionsReport) {
  const asked: AlarmRef[] = [];
  const alarmActions = async (ref: AlarmRef) => {
    asked.push(ref);
    return report;
  };
  return { asked, alarmActions };
}

describe('alarm quiet defaults', () => {
  it.each([INITIAL_OK, ASG_OK])('logs INSUFFICIENT_DATA → OK by name instead of "resolved" (%s)', async (file) => {
    const { notifications, ignored } = await processEvent(fixture(file), { ctx, sources, quietAlarms: quiet });
    expect(notifications).toEqual([]);
    expect(ignored).toEqual([expect.objectContaining({ rule: 'insufficient-data-to-ok' })]);
  });

  it('reports INSUFFICIENT_DATA → OK with reportInsufficientDataToOk, and always without quiet settings (the CLI)', async () => {
    const loud = { ...quiet, reportInsufficientDataToOk: true };
    expect((await processEvent(fixture(INITIAL_OK), { ctx, sources, quietAlarms: loud })).notifications).toHaveLength(
      1,
    );
    expect((await processEvent(fixture(INITIAL_OK), { ctx, sources })).notifications).toHaveLength(1);
  });

  it('logs target-tracking alarms by name, and reports them when no prefix is excluded', async () => {
    const { ignored } = await processEvent(targetTrackingAlarm(), { ctx, sources, quietAlarms: quiet });
    expect(ignored).toEqual([
      expect.objectContaining({ rule: 'alarm-name-excluded', reason: expect.stringContaining('TargetTracking-') }),
    ]);
    const none = { ...quiet, excludedAlarmNamePrefixes: [] };
    expect((await processEvent(targetTrackingAlarm(), { ctx, sources, quietAlarms: none })).notifications).toHaveLength(
      1,
    );
  });

  it('asks whether the alarm’s actions are enabled, in its region, and logs it when they are off', async () => {
    const off = actionsAnswer({ actionsEnabled: false });
    const result = await processEvent(fixture(IN_ALARM), { ctx, sources, quietAlarms: quiet, ...off });
    expect(off.asked).toEqual([{ name: 'ServerCpuTooHigh', region: 'us-east-1' }]);
    expect(result.notifications).toEqual([]);
    expect(result.ignored).toEqual([
      expect.objectContaining({
        rule: 'alarm-actions-disabled',
        reason: 'actions of alarm "ServerCpuTooHigh" are disabled',
      }),
    ]);
  });

  it.each([
    ['enabled', { actionsEnabled: true }],
    ['unknown (not found, another account)', {}],
    ['unknown (DescribeAlarms failed)', { error: 'AccessDeniedException: not authorized' }],
  ])('reports the change when the actions are %s', async (_case, report) => {
    const answer = actionsAnswer(report);
    const { notifications } = await processEvent(fixture(IN_ALARM), { ctx, sources, quietAlarms: quiet, ...answer });
    expect(notifications).toHaveLength(1);
  });

  it('does not ask with reportActionsDisabled, nor for SNS alarm actions (CloudWatch runs none when they are off)', async () => {
    const loud = actionsAnswer({ actionsEnabled: false });
    await processEvent(fixture(IN_ALARM), {
      ctx,
      sources,
      quietAlarms: { ...quiet, reportActionsDisabled: true },
      ...loud,
    });
    expect(loud.asked).toEqual([]);
    const classic = actionsAnswer({ actionsEnabled: false });
    const sns = fixture('cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json');
    const { notifications } = await processEvent(sns, { ctx, sources, quietAlarms: quiet, ...classic });
    expect(classic.asked).toEqual([]);
    expect(notifications).toHaveLength(1);
  });
});
