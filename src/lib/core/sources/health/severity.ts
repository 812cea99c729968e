import type { Severity } from '../../notification';

/**
 * AWS Health severities by event category and status. An open or upcoming issue or scheduled
 * change needs someone to look (warning); account notifications are information; a closed event
 * is resolved. Missing status reads as open.
 * @see https://docs.aws.amazon.com/health/latest/ug/aws-health-events-eventbridge-schema.html
 */
export const healthSeverities = {
  issue: { open: 'warning', upcoming: 'warning', closed: 'ok' },
  scheduledChange: { open: 'warning', upcoming: 'warning', closed: 'ok' },
  accountNotification: { open: 'info', upcoming: 'info', closed: 'ok' },
  investigation: { open: 'warning', upcoming: 'warning', closed: 'ok' },
} as const satisfies Record<string, Record<'open' | 'upcoming' | 'closed', Severity>>;

/**
 * Health services that are security incidents in the account itself, critical while open: abuse
 * reports (also their own detail-type, "AWS Health Abuse Event") and exposed credentials (RISK).
 */
export const criticalHealthServices = { ABUSE: 'critical', RISK: 'critical' } as const satisfies Record<
  string,
  Severity
>;
