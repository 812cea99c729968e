import type { NotificationGroup } from '../../grouping/group-notifications';
import { groupHead } from '../../grouping/group-text';
import type { Notification } from '../../notification';
import { actionUrl, cardParts, teamsLine, teamsMessage } from './teams-card';
import type { TeamsMessage, TextBlock } from './teams-types';

/** Layout choices: a member's title and summary in the list, and the longest link kept on its line. */
const MEMBER_TITLE_MAX_CHARS = 100;
const MEMBER_SUMMARY_MAX_CHARS = 120;
const MEMBER_URL_MAX_CHARS = 500;

/**
 * Most notifications one Teams card lists. A line takes at most about 1.2 KB (title and summary at
 * 3 bytes a character once escaped or in CJK, a 500-character link), so 20 lines and the head stay
 * under the 28 KB limit (TEAMS_MESSAGE_MAX_BYTES) whatever the members hold.
 */
export const TEAMS_GROUP_MAX_MEMBERS = 20;

/** Characters that would end or break a markdown link destination, percent-encoded. */
const LINK_BREAKERS: Readonly<Record<string, string>> = { '(': '%28', ')': '%29', '<': '%3C', '>': '%3E', ' ': '%20' };

function linkOf(n: Notification): string | undefined {
  for (const link of n.links) {
    const url = actionUrl(link.url)?.replace(/[()<> ]/g, (c) => LINK_BREAKERS[c] ?? c);
    if (url && url.length <= MEMBER_URL_MAX_CHARS) return url;
  }
  return undefined;
}

/** `- [title](url) — summary`, title and summary escaped, so only this line's own link is a link. */
function memberLine(n: Notification): string {
  const title = teamsLine(n.title, MEMBER_TITLE_MAX_CHARS) || '—';
  const url = linkOf(n);
  const summary = teamsLine(n.summary, MEMBER_SUMMARY_MAX_CHARS);
  return `- ${url ? `[${title}](${url})` : `**${title}**`}${summary ? ` — ${summary}` : ''}`;
}

/**
 * One Teams card for a group (at most {@link TEAMS_GROUP_MAX_MEMBERS}): the title coloured by the
 * members' severity with the shared subject ("🔴 [CRITICAL] 37 alarms in ALARM (ap-northeast-1)"),
 * one list line per notification with its first link and summary, and the context line.
 * @example renderTeamsGroup({ key, members, part: 1, parts: 1 }).attachments[0].content.body.length // 3
 */
export function renderTeamsGroup(g: NotificationGroup): TeamsMessage {
  const head = cardParts(groupHead(g));
  const list: TextBlock = { type: 'TextBlock', text: g.members.map(memberLine).join('\n'), wrap: true };
  return teamsMessage([head.title, list, head.context]);
}
