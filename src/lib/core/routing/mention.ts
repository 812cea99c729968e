import {
  SLACK_MAX_BLOCKS,
  SLACK_SECTION_TEXT_MAX_CHARS,
  SLACK_TEXT_FALLBACK_MAX_CHARS,
} from '../channels/slack/limits';
import { truncateEscaped } from '../channels/slack/slack-escape';
import type { SlackBlock, SlackMessage } from '../channels/slack/slack-types';
import type { Locale } from '../locale';

/**
 * The only mentions a route may configure: a user group (`<!subteam^S…>`), a user (`<@U…>`, `<@W…>`
 * for Enterprise Grid), `<!here>` and `<!channel>`. Nothing else, so a routing file cannot smuggle a
 * link or formatting into a message either. Event text never mentions: the renderer escapes it.
 * @see https://api.slack.com/reference/surfaces/formatting#mentioning-groups
 * @see https://api.slack.com/reference/surfaces/formatting#mentioning-users
 * @see https://api.slack.com/reference/surfaces/formatting#special-mentions
 */
export const MENTION_PATTERN = /^(?:<!subteam\^S[A-Z0-9]{2,20}>|<@[UW][A-Z0-9]{2,20}>|<!here>|<!channel>)$/;

/** The forms {@link MENTION_PATTERN} accepts, for error messages. */
export const MENTION_FORMS = '<!subteam^S0123ABCD>, <@U0123ABCD>, <!here> or <!channel>';

/** True when `text` is exactly one allowed mention. */
export function isMention(text: string): boolean {
  return MENTION_PATTERN.test(text);
}

/**
 * The rendered Slack message with `mention` added: a section right after the header (so it is the
 * first thing read and Slack notifies the mentioned people), and at the start of the `text` fallback
 * (what push notifications show). When the message already has Slack's 50 blocks, the mention goes
 * into the first section instead. Throws on anything that is not an allowed mention, so no caller
 * can pass event text here by mistake.
 * @example addMention(renderSlack(n), '<!subteam^S012AB3CD>')
 */
export function addMention(message: SlackMessage, mention: string, locale: Locale = 'en'): SlackMessage {
  if (!isMention(mention)) throw new TypeError(`not an allowed Slack mention (use ${MENTION_FORMS})`);
  const text = `${mention} ${truncateEscaped(message.text, SLACK_TEXT_FALLBACK_MAX_CHARS - mention.length - 1, locale)}`;
  const mentionSection: SlackBlock = { type: 'section', text: { type: 'mrkdwn', text: mention } };
  const headerEnd = message.blocks[0]?.type === 'header' ? 1 : 0;
  if (message.blocks.length < SLACK_MAX_BLOCKS) {
    return {
      text,
      blocks: [...message.blocks.slice(0, headerEnd), mentionSection, ...message.blocks.slice(headerEnd)],
    };
  }
  // Full: the mention opens the first section, whose text is shortened visibly to make room.
  const room = SLACK_SECTION_TEXT_MAX_CHARS - mention.length - 1;
  const blocks = message.blocks.map((block, i) =>
    i === headerEnd && block.type === 'section' && block.text
      ? {
          ...block,
          text: { type: 'mrkdwn' as const, text: `${mention}\n${truncateEscaped(block.text.text, room, locale)}` },
        }
      : block,
  );
  return { text, blocks };
}
