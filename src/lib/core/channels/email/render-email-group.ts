import type { NotificationGroup } from '../../grouping/group-notifications';
import { groupHead } from '../../grouping/group-text';
import type { Notification } from '../../notification';
import { renderText } from '../../render/render-text';
import { oneLine } from '../../render/sanitize';
import { fullSubject } from '../../render/subject';
import { ellipsize } from '../../render/truncate';

/** Layout choice: a member's title in the list. */
const MEMBER_TITLE_MAX_CHARS = 150;
/** Layout choice: a member's summary, one line. */
const MEMBER_SUMMARY_MAX_CHARS = 200;
/** Layout choice: longer links are left out of the list (rare; a console link is a few hundred characters). */
const MEMBER_URL_MAX_CHARS = 1_000;

/**
 * Most notifications one email lists. A member takes at most about 2 KB of UTF-8 (title, summary
 * and link cut above, three bytes a character in Japanese), so 100 of them fit SNS's 256 KB publish
 * (`publish/limits.ts`) with room for the subject and attributes. A storm of 1,000 alarms of one
 * kind is 10 emails.
 */
export const EMAIL_GROUP_MAX_MEMBERS = 100;

function memberLines(n: Notification): string {
  const title = ellipsize(oneLine(n.title), MEMBER_TITLE_MAX_CHARS);
  const summary = ellipsize(oneLine(n.summary), MEMBER_SUMMARY_MAX_CHARS);
  const url = n.links.map((l) => oneLine(l.url)).find((u) => u && u.length <= MEMBER_URL_MAX_CHARS);
  return [`- ${title}`, ...(summary ? [`  ${summary}`] : []), ...(url ? [`  ${url}`] : [])].join('\n');
}

/**
 * The plain-text email for a group (at most {@link EMAIL_GROUP_MAX_MEMBERS}): the group's subject
 * ("[CRITICAL] 37 alarms in ALARM (ap-northeast-1)"), one item per notification (title, summary,
 * link), account and region, and the footer. Fixed strings follow the members' locale.
 * @example renderEmailGroup(g).split('\n')[0] === fullSubject(groupHead(g))
 */
export function renderEmailGroup(g: NotificationGroup): string {
  const head = groupHead(g);
  const t = renderText[head.locale];
  const where = [
    ...(head.account ? [`${t.account}: ${oneLine(head.account)}`] : []),
    ...(head.region ? [`${t.region}: ${oneLine(head.region)}`] : []),
  ];
  const sections = [[fullSubject(head)], g.members.map(memberLines), where, ['-- ', t.footer]];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}
