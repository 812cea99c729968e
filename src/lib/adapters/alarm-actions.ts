import { type CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import type { AlarmActionsReport, AlarmRef } from '../core/sources/cloudwatch-alarm/alarm-actions';
import { describeAwsError } from './aws-errors';
import type { Clock } from './clock';
import { withTimeout } from './timeout';

/** How long an answer is reused: switching actions off or on shows within five minutes. */
export const ALARM_ACTIONS_CACHE_MS = 300_000;

/** Budget of one DescribeAlarms call; past it the change is reported, as when nothing is known. */
export const ALARM_ACTIONS_TIMEOUT_MS = 1_500;

/** Options of {@link createAlarmActionsReader}. */
export interface AlarmActionsReaderOptions {
  readonly timeoutMs?: number;
  readonly cacheMs?: number;
  readonly now?: Clock;
}

/**
 * The `alarmActions` enricher: DescribeAlarms for one alarm (metric or composite) in its region,
 * answers cached per container. Never throws: a failure, a timeout or an alarm it cannot see (one
 * forwarded from another account) is a report without `actionsEnabled`, and the change is reported.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 * @example const alarmActions = createAlarmActionsReader((region) => new CloudWatchClient({ region }));
 */
export function createAlarmActionsReader(
  clientFor: (region: string | undefined) => CloudWatchClient | Promise<CloudWatchClient>,
  options: AlarmActionsReaderOptions = {},
): (ref: AlarmRef) => Promise<AlarmActionsReport> {
  const timeoutMs = options.timeoutMs ?? ALARM_ACTIONS_TIMEOUT_MS;
  const cacheMs = options.cacheMs ?? ALARM_ACTIONS_CACHE_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { report: AlarmActionsReport; until: number }>();

  return async function alarmActions(ref) {
    const key = `${ref.region ?? ''}\u0000${ref.name}`;
    const cached = cache.get(key);
    if (cached && cached.until > now()) return cached.report;
    const command = new DescribeAlarmsCommand({
      AlarmNames: [ref.name],
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
    });
    try {
      const client = await clientFor(ref.region);
      const answer = await withTimeout(timeoutMs, (abortSignal) => client.send(command, { abortSignal }));
      const alarm = answer.MetricAlarms?.[0] ?? answer.CompositeAlarms?.[0];
      const report = typeof alarm?.ActionsEnabled === 'boolean' ? { actionsEnabled: alarm.ActionsEnabled } : {};
      cache.set(key, { report, until: now() + cacheMs });
      return report;
    } catch (error) {
      return { error: describeAwsError(error) };
    }
  };
}
