import type { Severity } from '../../notification';

/**
 * Amazon Inspector's severity labels and ours: CRITICAL and HIGH page, MEDIUM warns, the rest is
 * context (UNTRIAGED: no score yet).
 * @see https://docs.aws.amazon.com/inspector/latest/user/findings-understanding-severity.html
 */
export const inspectorSeverities = {
  CRITICAL: 'critical',
  HIGH: 'critical',
  MEDIUM: 'warning',
  LOW: 'info',
  INFORMATIONAL: 'info',
  UNTRIAGED: 'info',
} as const satisfies Record<string, Severity>;

/**
 * Finding statuses that are not "open": CLOSED means remediated (a resolved notification);
 * SUPPRESSED means a suppression rule hides it (ignored by name).
 * @see https://docs.aws.amazon.com/inspector/latest/user/findings-understanding.html
 */
export const inspectorClosedStatuses = { CLOSED: 'ok', SUPPRESSED: 'ignored' } as const;

/** The labels reported at each `findingsMinSeverity`, for the EventBridge pattern. */
export const inspectorThresholds = {
  critical: ['CRITICAL', 'HIGH'],
  warning: ['CRITICAL', 'HIGH', 'MEDIUM'],
  info: undefined,
} as const satisfies Record<string, ReadonlyArray<keyof typeof inspectorSeverities> | undefined>;
