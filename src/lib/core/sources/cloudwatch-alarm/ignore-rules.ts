import type { Ignored, Reading, SourceSettings } from '../source';
import type { Alarm } from './model';

/** An ignore reading, or undefined when the rule lets the alarm through. */
type Rule = (alarm: Pick<Alarm, 'name'> & Partial<Alarm>, settings: SourceSettings) => Reading | undefined;

/** Alarms outside the configured name prefixes (deploy parameter `alarmNamePrefixes`). */
const alarmNamePrefix: Rule = ({ name }, { alarmNamePrefixes: prefixes }) =>
  !prefixes?.length || prefixes.some((prefix) => name.startsWith(prefix))
    ? undefined
    : { kind: 'ignored', rule: 'alarm-name-prefix', reason: `alarm "${name}" is not under ${prefixes.join(', ')}` };

/**
 * A composite alarm whose actions its suppressor alarm is holding back (`actionsSuppressedBy:
 * "Alarm"`) is what the team asked to stay quiet about. WaitPeriod and ExtensionPeriod are not
 * ignored: CloudWatch may still run the actions when they end, and no new event says so.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-suppression.html
 */
const alarmActionsSuppressed: Rule = ({ name, state, actionsSuppressor }) =>
  state?.actionsSuppressedBy !== 'Alarm'
    ? undefined
    : {
        kind: 'ignored',
        rule: 'alarm-actions-suppressed',
        reason: `actions of "${name}" are suppressed${actionsSuppressor ? ` by ${actionsSuppressor}` : ''}, which is in ALARM`,
      };

/**
 * Alarms under an excluded name prefix (deploy parameter `excludedAlarmNamePrefixes`, by default
 * `TargetTracking-`: the alarms Auto Scaling target tracking creates flip as scaling works, by design).
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
 */
const excludedAlarmName: Rule = ({ name }, { quietAlarms }) => {
  const prefix = quietAlarms?.excludedAlarmNamePrefixes.find((p) => name.startsWith(p));
  return prefix === undefined
    ? undefined
    : {
        kind: 'ignored',
        rule: 'alarm-name-excluded',
        reason: `alarm "${name}" is under the excluded prefix ${prefix}`,
      };
};

/**
 * INSUFFICIENT_DATA → OK: a new alarm's first evaluation, or a metric that came back healthy. Nothing
 * was wrong, so nothing is "resolved" (deploy parameter `reportInsufficientDataToOk`, off by default).
 */
const insufficientDataToOk: Rule = ({ name, state, previousState }, { quietAlarms }) =>
  quietAlarms &&
  !quietAlarms.reportInsufficientDataToOk &&
  previousState?.value === 'INSUFFICIENT_DATA' &&
  state?.value === 'OK'
    ? {
        kind: 'ignored',
        rule: 'insufficient-data-to-ok',
        reason: `alarm "${name}" went from INSUFFICIENT_DATA to OK (a first evaluation or returning data): nothing to resolve`,
      }
    : undefined;

/** The alarm source's ignore rules, in the order they are checked; each ignore is logged with its name. */
export const alarmIgnoreRules: readonly Rule[] = [
  alarmNamePrefix,
  excludedAlarmName,
  alarmActionsSuppressed,
  insufficientDataToOk,
];

/** An alarm whose actions are disabled (DescribeAlarms said so): the team switched it off on purpose. */
export const actionsDisabledIgnore = (name: string): Ignored => ({
  kind: 'ignored',
  rule: 'alarm-actions-disabled',
  reason: `actions of alarm "${name}" are disabled`,
});

/** The first ignore rule that drops `alarm`, or undefined. */
export const ignoredAlarm = (alarm: Parameters<Rule>[0], settings: SourceSettings): Reading | undefined =>
  alarmIgnoreRules.reduce<Reading | undefined>((found, rule) => found ?? rule(alarm, settings), undefined);
