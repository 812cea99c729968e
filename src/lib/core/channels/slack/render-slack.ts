import { accountLabel } from '../../accounts';
import type { Locale } from '../../locale';
import type { Notification } from '../../notification';
import { renderText } from '../../render/render-text';
import { multiLine } from '../../render/sanitize';
import { categoryLabel, severityStyle } from '../../render/severity-style';
import { renderSubject } from '../../render/subject';
import {
  SLACK_HEADER_TEXT_MAX_CHARS,
  SLACK_MAX_BLOCKS,
  SLACK_SECTION_TEXT_MAX_CHARS,
  SLACK_TEXT_FALLBACK_MAX_CHARS,
} from './limits';
import { actionPieces, fieldPieces, notesPieces, type Piece } from './slack-blocks';
import { escapeSlack, slackLine, truncateEscaped } from './slack-escape';
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
  const header: SlackBlock = {
    type: 'header',
    text: {
      type: 'plain_text',
      text: slackLine(`${severityStyle[n.severity].emoji} ${subject}`, SLACK_HEADER_TEXT_MAX_CHARS),
      emoji: true,
    },
  };
  // Cleaned and escaped once: the summary section and the fallback text both show it.
  const escapedSummary = escapeSlack(multiLine(n.summary));
  const summary = truncateEscaped(escapedSummary, SLACK_SECTION_TEXT_MAX_CHARS, n.locale);
  const head: SlackBlock[] = [header, ...(summary ? [section(summary)] : [])];
  const middle = [
    ...fieldPieces(n.fields, n.locale),
    ...notesPieces(n.notes, n.locale),
    ...actionPieces(n.links, n.locale),
  ];
  const tail = [contextBlock(n)];
  return {
    text: fallbackText(subject, escapedSummary, n.locale),
    blocks: [...head, ...withinBudget(middle, head.length + tail.length, n), ...tail],
  };
}

/** The severity emoji and the space after it, counted generously (an emoji can be two UTF-16 units). */
const HEADER_EMOJI_ROOM = 3;

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Keeps as many middle blocks as fit in the message, then one section counting the rest. */
function withinBudget(pieces: readonly Piece[], fixed: number, n: Notification): SlackBlock[] {
  if (fixed + pieces.length <= SLACK_MAX_BLOCKS) return pieces.map((p) => p.block);
  const kept = pieces.slice(0, SLACK_MAX_BLOCKS - fixed - 1);
  const left = pieces.slice(kept.length);
  const count = (key: 'fields' | 'links' | 'notes') => left.reduce((sum, p) => sum + p[key], 0);
  const note = renderText[n.locale].leftOut(count('fields'), count('links'), count('notes'));
  return [...kept.map((p) => p.block), section(note)];
}

/** The last line: account · region · category. */
export function contextBlock(n: Notification): SlackBlock {
  const parts = [accountLabel(n), n.region ?? '']
    .map((part) => slackLine(part, CONTEXT_PART_MAX_CHARS))
    .filter(Boolean);
  const text = [...parts, escapeSlack(categoryLabel[n.category][n.locale])].join(' · ');
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** Subject and summary (already cleaned and escaped): what notifications and screen readers show. */
function fallbackText(subject: string, summary: string, locale: Locale): string {
  const text = summary ? `${escapeSlack(subject)}\n${summary}` : escapeSlack(subject);
  return truncateEscaped(text, SLACK_TEXT_FALLBACK_MAX_CHARS, locale);
}

export type { SlackBlock, SlackMessage } from './slack-types';
