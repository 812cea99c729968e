import type { Severity } from '../../notification';

/**
 * Security Hub's severity labels and ours. CRITICAL and HIGH ("must be addressed as a priority")
 * page; MEDIUM is a warning; LOW and INFORMATIONAL are context.
 * @see https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Severity.html
 */
export const securityHubSeverities = {
  CRITICAL: 'critical',
  HIGH: 'critical',
  MEDIUM: 'warning',
  LOW: 'info',
  INFORMATIONAL: 'info',
} as const satisfies Record<string, Severity>;

export type SecurityHubLabel = keyof typeof securityHubSeverities;

/**
 * The label Security Hub derives from the deprecated `Normalized` score (0–100) when a product sent
 * no label, most severe first; older findings imported from other products carry only the score.
 */
export const normalizedLabels = [
  { from: 90, label: 'CRITICAL' },
  { from: 70, label: 'HIGH' },
  { from: 40, label: 'MEDIUM' },
  { from: 1, label: 'LOW' },
  { from: 0, label: 'INFORMATIONAL' },
] as const satisfies ReadonlyArray<{ from: number; label: SecurityHubLabel }>;

/**
 * Workflow and record states that close a finding. RESOLVED and ARCHIVED mean the issue is gone
 * (fixed, or the resource deleted): a resolved notification, so the Slack thread can close.
 * SUPPRESSED means a person decided not to hear about it: ignored by name.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/finding-workflow-status.html
 */
export const closedStates = {
  workflow: { RESOLVED: 'ok', SUPPRESSED: 'ignored' },
  record: { ARCHIVED: 'ok' },
} as const;

/** The labels reported at each `findingsMinSeverity`, for the EventBridge pattern. */
export const securityHubThresholds = {
  critical: ['CRITICAL', 'HIGH'],
  warning: ['CRITICAL', 'HIGH', 'MEDIUM'],
  info: undefined,
} as const satisfies Record<string, readonly SecurityHubLabel[] | undefined>;
