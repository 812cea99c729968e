import type { Severity } from '../../notification';

/**
 * IAM Access Analyzer findings carry no severity, so it comes from what the finding says: a
 * resource anyone can reach pages; access shared outside the zone of trust warns; unused access
 * and a resource the analyzer could not read are context. A RESOLVED finding (the access was
 * removed) is a resolved notification.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html
 */
export const accessAnalyzerSeverities = {
  public: 'critical',
  external: 'warning',
  unused: 'info',
  error: 'info',
  resolved: 'ok',
} as const satisfies Record<string, Severity>;

export type AccessKind = keyof typeof accessAnalyzerSeverities;

/**
 * Statuses and flags ignored by name: ARCHIVED (a person or an archive rule accepted the access)
 * and a deleted finding (the retention period ended, or the analyzer was deleted).
 */
export const accessAnalyzerIgnored = { ARCHIVED: 'finding-archived', deleted: 'finding-deleted' } as const;
