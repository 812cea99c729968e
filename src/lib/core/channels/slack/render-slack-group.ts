import type { NotificationGroup } from '../../grouping/group-notifications';
import { groupHead } from '../../grouping/group-text';
import type { Notification } from '../../notification';
import { severityStyle } from '../../render/severity-style';
import { renderSubject } from '../../render/subject';
import { buttonUrl } from './button-url';
import {
  SLACK_HEADER_TEXT_MAX_CHARS,
  SLACK_MAX_BLOCKS,
  SLACK_SECTION_TEXT_MAX_CHARS,
  SLACK_TEXT_FALLBACK_MAX_CHARS,
} from './limits';
import { contextBlock } from './render-slack';
import { escapeSlack, slackLine, slackLineAfter, truncateEscaped } from './slack-escape';
import type { SlackBlock, SlackMessage } from './slack-types';

/** Layout choice: a member's title in the list, cut like a header. */
const MEMBER_TITLE_MAX_CHARS = 150;
/** Layout choice: a member's summary in the list, one line. */
const MEMBER_SUMMARY_MAX_CHARS = 200;
/** Layout choice: a longer link is left out of the list line (the email has it) so two lines fit a section. */
const MEMBER_URL_MAX_CHARS = 1_000;

/**
 * Most notifications one Slack message lists. Every line is under half of
 * {@link SLACK_SECTION_TEXT_MAX_CHARS} (title, summary and link are cut above), so two lines fit a
 * section: 50 members take at most 25 sections, plus the header and the context line, within
 * {@link SLACK_MAX_BLOCKS}.
 */
export const SLACK_GROUP_MAX_MEMBERS = 50;

/** A URL usable inside `<url|label>`: valid for a button, short, and without the `|` that ends it. */
function linkUrl(n: Notification): string | undefined {
  for (const link of n.links) {
    const url = buttonUrl(link.url)?.replaceAll('|', '%7C');
    if (url && url.length <= MEMBER_URL_MAX_CHARS) return url;
  }
  return undefined;
}

/** `• <url|title> — summary`, every event value escaped, so a name can neither mention nor link. */
function memberLine(n: Notification): string {
  const title = slackLine(n.title, MEMBER_TITLE_MAX_CHARS) || slackLine(renderSubject(n), MEMBER_TITLE_MAX_CHARS);
  const url = linkUrl(n);
  const summary = slackLine(n.summary, MEMBER_SUMMARY_MAX_CHARS);
  return `• ${url ? `<${url}|${title}>` : `*${title}*`}${summary ? ` — ${summary}` : ''}`;
}

/** Lines packed into as few sections as fit {@link SLACK_SECTION_TEXT_MAX_CHARS}. */
function sections(lines: readonly string[]): SlackBlock[] {
  const texts: string[] = [];
  for (const line of lines) {
    const last = texts.length - 1;
    if (last >= 0 && (texts[last] as string).length + 1 + line.length <= SLACK_SECTION_TEXT_MAX_CHARS)
      texts[last] += `\n${line}`;
    else texts.push(line);
  }
  return texts.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/**
 * One Slack message for a group (at most {@link SLACK_GROUP_MAX_MEMBERS}): a header with the shared
 * subject ("🔴 [CRITICAL] 37 alarms in ALARM (ap-northeast-1)"), one line per notification with its
 * link and summary, and the context line. The fallback text lists the titles.
 * @example renderSlackGroup({ key, members, part: 1, parts: 1 }).blocks.length <= SLACK_MAX_BLOCKS
 */
export function renderSlackGroup(g: NotificationGroup): SlackMessage {
  const head = groupHead(g);
  const subject = renderSubject(head);
  const header: SlackBlock = {
    type: 'header',
    text: {
      type: 'plain_text',
      text: slackLineAfter(severityStyle[head.severity].emoji, subject, SLACK_HEADER_TEXT_MAX_CHARS),
      emoji: true,
    },
  };
  const fallback = [escapeSlack(subject), ...g.members.map((n) => slackLine(n.title, MEMBER_TITLE_MAX_CHARS))];
  return {
    text: truncateEscaped(fallback.join('\n'), SLACK_TEXT_FALLBACK_MAX_CHARS, head.locale),
    blocks: [header, ...sections(g.members.map(memberLine)), contextBlock(head)],
  };
}
