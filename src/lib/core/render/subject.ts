import type { Notification } from '../notification';
import { SNS_SUBJECT_MAX_CHARS } from './limits';
import { oneLine } from './sanitize';
import { categoryLabel, severityStyle } from './severity-style';
import { ellipsize } from './truncate';

/** A region suffix longer than this is not a real region name and gets no special care. */
const REGION_SUFFIX_MAX_CHARS = 30;

/**
 * The one subject line of a notification, shared by every channel: the SNS/email Subject and the
 * Slack header. `[SEVERITY] title (region)`; the region is added when the title does not already
 * name it. One line, no control characters, at most {@link SNS_SUBJECT_MAX_CHARS} characters
 * (the title is shortened with "…", the region kept), never empty (an empty title falls back to
 * the category's name).
 *
 * @example renderSubject(n) // "[CRITICAL] web-tg-unhealthy is in ALARM (ap-northeast-1)"
 */
export function renderSubject(n: Notification): string {
  const prefix = `[${severityStyle[n.severity].label[n.locale]}] `;
  const title = oneLine(n.title) || categoryLabel[n.category][n.locale];
  const region = oneLine(n.region ?? '');
  const suffix = region && !title.includes(region) ? ` (${region})` : '';
  const full = `${prefix}${title}${suffix}`;
  if (full.length <= SNS_SUBJECT_MAX_CHARS) return full;
  if (suffix.length > REGION_SUFFIX_MAX_CHARS) return ellipsize(full, SNS_SUBJECT_MAX_CHARS);
  return `${ellipsize(`${prefix}${title}`, SNS_SUBJECT_MAX_CHARS - suffix.length)}${suffix}`;
}
