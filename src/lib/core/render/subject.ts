import type { Notification } from '../notification';
import { SNS_SUBJECT_MAX_CHARS } from '../publish/limits';
import { oneLine } from './sanitize';
import { categoryLabel, severityStyle } from './severity-style';
import { ellipsize, ellipsizeMiddle } from './truncate';

/** A region suffix longer than this is not a real region name and gets no special care. */
const REGION_SUFFIX_MAX_CHARS = 30;

function subjectParts(n: Notification) {
  const prefix = `[${severityStyle[n.severity].label[n.locale]}] `;
  const title = oneLine(n.title) || categoryLabel[n.category][n.locale];
  const region = oneLine(n.region ?? '');
  const suffix = region && !title.includes(region) ? ` (${region})` : '';
  return { prefix, title, suffix };
}

/**
 * The subject line without the SNS length limit, for places with room (the first line of the
 * email body), so a long alarm name is never shown cut.
 */
export function fullSubject(n: Notification): string {
  const { prefix, title, suffix } = subjectParts(n);
  return `${prefix}${title}${suffix}`;
}

/**
 * The one subject line of a notification, shared by every channel: the SNS/email Subject and the
 * Slack header. `[SEVERITY] title (region)`; the region is added when the title does not already
 * name it. One line, no control characters, at most {@link SNS_SUBJECT_MAX_CHARS} characters
 * (the middle of the title is replaced with "…", so its start and the state at its end stay; the region is kept), never empty (an empty title falls back to
 * the category's name).
 *
 * @example renderSubject(n) // "[CRITICAL] web-tg-unhealthy is in ALARM (ap-northeast-1)"
 */
export function renderSubject(n: Notification): string {
  const { prefix, title, suffix } = subjectParts(n);
  const full = `${prefix}${title}${suffix}`;
  if (full.length <= SNS_SUBJECT_MAX_CHARS) return full;
  if (suffix.length > REGION_SUFFIX_MAX_CHARS) return ellipsize(full, SNS_SUBJECT_MAX_CHARS);
  return `${prefix}${ellipsizeMiddle(title, SNS_SUBJECT_MAX_CHARS - suffix.length - prefix.length)}${suffix}`;
}
