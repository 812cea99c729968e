import type { Severity } from '../notification';
import type { FindingsMinSeverity } from '../sources/source';

/** How severe each of our severities is; `ok` (resolved) always passes, it closes what was sent. */
const rank = { critical: 3, warning: 2, info: 1 } as const satisfies Record<FindingsMinSeverity, number>;

/**
 * The named ignore for a finding below the user's threshold (`findingsMinSeverity`), else undefined.
 * The deployed EventBridge patterns already filter; this keeps SNS-delivered events and replays alike.
 *
 * @example belowThreshold('info', 'warning')?.rule // "finding-below-threshold"
 */
export function belowThreshold(severity: Severity, min: FindingsMinSeverity | undefined) {
  if (!min || severity === 'ok' || rank[severity] >= rank[min]) return undefined;
  return {
    kind: 'ignored',
    rule: 'finding-below-threshold',
    reason: `${severity} finding below findingsMinSeverity ${min}`,
  } as const;
}
