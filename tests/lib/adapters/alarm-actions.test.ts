import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALARM_ACTIONS_CACHE_MS, createAlarmActionsReader } from '../../../src/lib/adapters/alarm-actions';

const cloudwatch = mockClient(CloudWatchClient);
beforeEach(() => cloudwatch.reset());

/** A reader whose clock the test moves; the client of every region is the mocked one. */
function reader() {
  let now = 1_000_000;
  const regions: Array<string | undefined> = [];
  const read = createAlarmActionsReader(
    (region) => {
      regions.push(region);
      return new CloudWatchClient({ region: region ?? 'us-east-1' });
    },
    { now: () => now },
  );
  return { read, regions, advance: (ms: number) => (now += ms) };
}

describe('adapters: alarm actions (DescribeAlarms)', () => {
  it('reads ActionsEnabled of a metric alarm, in the alarm’s region, asking for both alarm types', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'cpu', ActionsEnabled: false }] });
    const { read, regions } = reader();
    expect(await read({ name: 'cpu', region: 'ap-northeast-1' })).toEqual({ actionsEnabled: false });
    expect(regions).toEqual(['ap-northeast-1']);
    expect(cloudwatch).toHaveReceivedCommandWith(DescribeAlarmsCommand, {
      AlarmNames: ['cpu'],
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
    });
  });

  it('reads a composite alarm too', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({ CompositeAlarms: [{ AlarmName: 'app', ActionsEnabled: true }] });
    expect(await reader().read({ name: 'app' })).toEqual({ actionsEnabled: true });
  });

  it('reuses an answer for five minutes, then asks again', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ ActionsEnabled: true }] });
    const { read, advance } = reader();
    await read({ name: 'cpu' });
    advance(ALARM_ACTIONS_CACHE_MS - 1);
    await read({ name: 'cpu' });
    expect(cloudwatch).toHaveReceivedCommandTimes(DescribeAlarmsCommand, 1);
    advance(1);
    await read({ name: 'cpu' });
    expect(cloudwatch).toHaveReceivedCommandTimes(DescribeAlarmsCommand, 2);
  });

  it('knows nothing of an alarm it cannot see (another account’s), and says why when the call fails; never throws', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolvesOnce({ MetricAlarms: [] });
    const { read } = reader();
    expect(await read({ name: 'elsewhere' })).toEqual({});
    cloudwatch
      .on(DescribeAlarmsCommand)
      .rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDenied' }));
    expect(await read({ name: 'denied' })).toEqual({ error: expect.stringContaining('AccessDenied') });
    // Failures are not cached: the next change asks again.
    await read({ name: 'denied' });
    expect(cloudwatch).toHaveReceivedCommandTimes(DescribeAlarmsCommand, 3);
  });
});
