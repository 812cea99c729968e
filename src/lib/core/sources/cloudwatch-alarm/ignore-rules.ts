import type { Reading, SourceSettings } from '../source';
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

/** The alarm source's ignore rules, in the order they are checked; each ignore is logged with its name. */
export const alarmIgnoreRules: readonly Rule[] = [alarmNamePrefix, alarmActionsSuppressed];

/** The first ignore rule that drops `alarm`, or undefined. */
export const ignoredAlarm = (alarm: Parameters<Rule>[0], settings: SourceSettings): Reading | undefined =>
  alarmIgnoreRules.reduce<Reading | undefined>((found, rule) => found ?? rule(alarm, settings), undefined);
