import type { Severity } from '../../notification';

/**
 * GuardDuty's severity levels (its `severity` is a number from 1.0 to 10.0) and ours, most severe
 * first: a level applies from its lower bound up. High means a resource is compromised and in use,
 * so it pages like critical; Medium is suspicious activity to look at; Low is context.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html
 */
export const guardDutySeverityLevels = [
  { level: 'Critical', from: 9, severity: 'critical' },
  { level: 'High', from: 7, severity: 'critical' },
  { level: 'Medium', from: 4, severity: 'warning' },
  { level: 'Low', from: 0, severity: 'info' },
] as const satisfies ReadonlyArray<{ level: string; from: number; severity: Severity }>;

/** The level of a GuardDuty severity value (anything below 1.0, or not a number, reads as Low). */
export function guardDutyLevel(value: number): (typeof guardDutySeverityLevels)[number] {
  return guardDutySeverityLevels.find((l) => value >= l.from) ?? guardDutySeverityLevels[3];
}

/** The least GuardDuty severity value reported at each threshold, for the EventBridge pattern. */
export const guardDutyThresholds = { critical: 7, warning: 4, info: 0 } as const;
