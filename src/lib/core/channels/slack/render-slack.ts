import { accountLabel } from '../../accounts';
import type { Locale } from '../../locale';
import type { Notification } from '../../notification';
import { renderText } from '../../render/render-text';
import { categoryLabel, severityStyle } from '../../render/severity-style';
import { renderSubject } from '../../render/subject';
import {
  SLACK_HEADER_TEXT_MAX_CHARS,
  SLACK_MAX_BLOCKS,
  SLACK_SECTION_TEXT_MAX_CHARS,
  SLACK_TEXT_FALLBACK_MAX_CHARS,
} from './limits';
import { actionPieces, fieldPieces, notesPieces, type Piece } from './slack-blocks';
import { escapedText, escapeSlack, slackLine, slackLineAfter, truncateEscaped } from './slack-escape';
import type { SlackBlock, SlackMessage } from './slack-types';

/** Layout choice: each part of the context line (account, region) is an id, not prose. */
const CONTEXT_PART_MAX_CHARS = 200;

/**
 * The Slack Block Kit message: a header (severity emoji and the shared subject), the summary,
 * the fields (short ones in columns, long ones full-width), the notes, one button per valid link
 * and a context line (account · region · category). Every event value is escaped, so it can never
 * mention anyone or smuggle a link, and shortened visibly to Slack's limits. When there would be
 * more than {@link SLACK_MAX_BLOCKS} blocks, the last section says what was left out.
 *
 * @example await fetch(webhookUrl, { method: 'POST', body: JSON.stringify(renderSlack(n)) })
 */
export function renderSlack(n: Notification): SlackMessage {
  // The header has room for more than the SNS subject: the region and whole names stay.
  const subject = renderSubject(n, SLACK_HEADER_TEXT_MAX_CHARS - HEADER_EMOJI_ROOM);
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: slackLineAfter(severityStyle[n.severity].emoji, subject, SLACK_HEADER_TEXT_MAX_CHARS),
        emoji: true,
      },
    },
  ];
  // Cleaned and escaped once: the summary section and the fallback text both show it.
  const escapedSummary = escapedText(n.summary);
  const summary = truncateEscaped(escapedSummary, SLACK_SECTION_TEXT_MAX_CHARS, n.locale);
  if (summary) blocks.push(section(summary));
  // Pushed, not concatenated: Array.prototype.concat is a runtime call, dear for three short lists.
  const middle = fieldPieces(n.fields, n.locale);
  for (const piece of notesPieces(n.notes, n.locale)) middle.push(piece);
  for (const piece of actionPieces(n.links, n.locale)) middle.push(piece);
  pushWithinBudget(blocks, middle, n.locale);
  blocks.push(contextBlock(n));
  return { text: fallbackText(subject, escapedSummary, n.locale), blocks };
}

/** The severity emoji and the space after it, counted generously (an emoji can be two UTF-16 units). */
const HEADER_EMOJI_ROOM = 3;

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/**
 * Appends as many middle blocks as fit in the message before the context line, then, if some did
 * not fit, one section counting the rest.
 */
function pushWithinBudget(blocks: SlackBlock[], pieces: readonly Piece[], locale: Locale): void {
  const room = SLACK_MAX_BLOCKS - blocks.length - 1;
  const kept = pieces.length <= room ? pieces.length : room - 1;
  for (let i = 0; i < kept; i++) blocks.push((pieces[i] as Piece).block);
  if (kept === pieces.length) return;
  const left = { fields: 0, links: 0, notes: 0 };
  for (let i = kept; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    left.fields += piece.fields;
    left.links += piece.links;
    left.notes += piece.notes;
  }
  blocks.push(section(renderText[locale].leftOut(left.fields, left.links, left.notes)));
}

/** Each category's label, escaped once. */
const CATEGORY_TEXT = Object.fromEntries(
  Object.entries(categoryLabel).map(([category, label]) => [
    category,
    { en: escapeSlack(label.en), ja: escapeSlack(label.ja) },
  ]),
) as Record<Notification['category'], Record<Locale, string>>;

/** The last line: account · region · category. */
export function contextBlock(n: Notification): SlackBlock {
  const account = slackLine(accountLabel(n), CONTEXT_PART_MAX_CHARS);
  const region = slackLine(n.region ?? '', CONTEXT_PART_MAX_CHARS);
  let text = CATEGORY_TEXT[n.category][n.locale];
  if (region) text = `${region} · ${text}`;
  if (account) text = `${account} · ${text}`;
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** Subject and summary (already cleaned and escaped): what notifications and screen readers show. */
function fallbackText(subject: string, summary: string, locale: Locale): string {
  const text = summary ? `${escapeSlack(subject)}\n${summary}` : escapeSlack(subject);
  return truncateEscaped(text, SLACK_TEXT_FALLBACK_MAX_CHARS, locale);
}

export type { SlackBlock, SlackMessage } from './slack-types';
