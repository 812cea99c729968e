import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlarmHandler } from '../../src/handlers/alarm';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { fixture } from '../helpers/fixtures';

const sns = mockClient(SNSClient);
const cloudwatch = mockClient(CloudWatchClient);
const env = { NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:notifications' };
let logs: CapturedLogs;
beforeEach(() => {
  sns.reset();
  cloudwatch.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  logs = captureLogs();
});
afterEach(() => logs.restore());

const handler = (extra: Record<string, string> = {}) =>
  createAlarmHandler({ env: { ...env, ...extra }, cloudwatch: () => new CloudWatchClient({ region: 'us-east-1' }) });
const ignoredRules = () => logs.entries().flatMap((e) => (e.message === 'input ignored' ? [e.rule] : []));

describe('handlers: alarm quiet defaults', () => {
  it('publishes nothing for an alarm whose actions are disabled, and logs why', async () => {
    cloudwatch
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [{ AlarmName: 'ServerCpuTooHigh', ActionsEnabled: false }] });
    expect(await handler()(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'))).toEqual({
      published: 0,
      ignored: 1,
    });
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
    expect(ignoredRules()).toEqual(['alarm-actions-disabled']);
  });

  it('publishes when DescribeAlarms fails: an unknown answer never hides an alarm', async () => {
    cloudwatch.on(DescribeAlarmsCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }));
    await handler()(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'));
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('does not ask CloudWatch with REPORT_ALARMS_WITH_ACTIONS_DISABLED=true', async () => {
    await handler({ REPORT_ALARMS_WITH_ACTIONS_DISABLED: 'true' })(
      fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'),
    );
    expect(cloudwatch).not.toHaveReceivedCommand(DescribeAlarmsCommand);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('logs a new alarm’s first OK (INSUFFICIENT_DATA → OK) instead of sending "resolved"', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ ActionsEnabled: true }] });
    const event = fixture(
      'cloudwatch-alarm/eventbridge-cwagent-mem-used-percent-OK-from-INSUFFICIENT_DATA-initial-creation-autoops.json',
    );
    expect(await handler()(event)).toEqual({ published: 0, ignored: 1 });
    expect(ignoredRules()).toEqual(['insufficient-data-to-ok']);
  });
});
