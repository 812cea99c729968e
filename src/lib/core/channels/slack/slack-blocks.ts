import type { Locale } from '../../locale';
import type { Field, Link } from '../../notification';
import { renderText } from '../../render/render-text';
import { multiLine } from '../../render/sanitize';
import { buttonUrl } from './button-url';
import {
  SLACK_ACTIONS_ELEMENTS_MAX,
  SLACK_BUTTON_TEXT_MAX_CHARS,
  SLACK_SECTION_FIELD_MAX_CHARS,
  SLACK_SECTION_FIELDS_MAX,
  SLACK_SECTION_TEXT_MAX_CHARS,
} from './limits';
import { escapedText, escapeSlack, isInertSlackText, slackLine, truncateEscaped } from './slack-escape';
import type { ButtonElement, Mrkdwn, SlackBlock } from './slack-types';

/** A block and how many of the notification's fields, links and notes it shows. */
export interface Piece {
  readonly block: SlackBlock;
  readonly fields: number;
  readonly links: number;
  readonly notes: number;
}

/** Layout choice, not a Slack limit: values longer than this read better full-width than in a column. */
const FIELD_INLINE_MAX_CHARS = 200;
/** Layout choice: values with more lines than this get their own section too. */
const FIELD_INLINE_MAX_LINES = 4;
/** Layout choice: a label is a few words; longer ones are cut so the value keeps its room. */
const FIELD_LABEL_MAX_CHARS = 150;

const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text });

/** True when a cleaned value is too long or has too many lines for a column. */
function isLong(value: string): boolean {
  if (value.length > FIELD_INLINE_MAX_CHARS) return true;
  let lines = 1;
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1))
    if (++lines > FIELD_INLINE_MAX_LINES) return true;
  return false;
}

/** `*Label*\nvalue` (`value` already cleaned and escaped), shortened visibly so the whole text fits in `max`. */
function fieldText(label: string, value: string, max: number, locale: Locale): string {
  const head = fieldHead(label);
  return head + (truncateEscaped(value, max - head.length, locale) || '—');
}

/**
 * Bound of {@link fieldHeads}. Labels are a source's own words ("Threshold", "Reason"), a few
 * hundred across every source and both locales; past the bound, heads are made each time.
 */
const FIELD_HEADS_MAX = 512;
const fieldHeads = new Map<string, string>();

/** `*Label*\n` (cleaned, escaped and cut), or "" for an empty label: made once per label, as labels repeat. */
function fieldHead(label: string): string {
  let head = fieldHeads.get(label);
  if (head === undefined) {
    const line = slackLine(label, FIELD_LABEL_MAX_CHARS);
    head = line ? `*${line}*\n` : '';
    if (fieldHeads.size < FIELD_HEADS_MAX) fieldHeads.set(label, head);
  }
  return head;
}

/**
 * Fields in order: runs of short ones as `fields` sections (at most 10 each), each long one as its
 * own full-width section.
 */
export function fieldPieces(fields: readonly Field[], locale: Locale): Piece[] {
  const pieces: Piece[] = [];
  let run: Mrkdwn[] = [];
  const flush = () => {
    if (run.length > 0)
      pieces.push({ block: { type: 'section', fields: run }, fields: run.length, links: 0, notes: 0 });
    run = [];
  };
  for (const field of fields) {
    // Cleaned once: the layout choice measures it as shown, the block sends it escaped (most
    // values are both already: no pair of them made).
    const raw = field.value;
    const inert = isInertSlackText(raw);
    const clean = inert ? raw : multiLine(raw);
    const escaped = inert ? raw : escapeSlack(clean);
    if (isLong(clean)) {
      flush();
      const text = mrkdwn(fieldText(field.label, escaped, SLACK_SECTION_TEXT_MAX_CHARS, locale));
      pieces.push({ block: { type: 'section', text }, fields: 1, links: 0, notes: 0 });
      continue;
    }
    run.push(mrkdwn(fieldText(field.label, escaped, SLACK_SECTION_FIELD_MAX_CHARS, locale)));
    if (run.length === SLACK_SECTION_FIELDS_MAX) flush();
  }
  flush();
  return pieces;
}

/** All notes in one section under a ⚠️ heading, or nothing when there are none. */
export function notesPieces(notes: readonly string[], locale: Locale): Piece[] {
  if (notes.length === 0) return [];
  let lines = '';
  let count = 0;
  for (const note of notes) {
    const line = escapedText(note);
    if (!line) continue;
    lines += `\n• ${line}`;
    count++;
  }
  if (count === 0) return [];
  const text = `⚠️ *${renderText[locale].notes}*${lines}`;
  const block: SlackBlock = {
    type: 'section',
    text: mrkdwn(truncateEscaped(text, SLACK_SECTION_TEXT_MAX_CHARS, locale)),
  };
  return [{ block, fields: 0, links: 0, notes: count }];
}

/** `link-0`, `link-1`…: the `action_id`s of one actions block's buttons, made once. */
const ACTION_IDS = Array.from({ length: SLACK_ACTIONS_ELEMENTS_MAX }, (_, i) => `link-${i}`);

/** One link button per valid link, in `actions` blocks of at most 25. */
export function actionPieces(links: readonly Link[], locale: Locale): Piece[] {
  const buttons: ButtonElement[] = [];
  for (const link of links) {
    const url = buttonUrl(link.url);
    if (!url) continue;
    const label = slackLine(link.label, SLACK_BUTTON_TEXT_MAX_CHARS) || renderText[locale].openLink;
    buttons.push({
      type: 'button',
      text: { type: 'plain_text', text: label },
      url,
      action_id: buttons.length < ACTION_IDS.length ? ACTION_IDS[buttons.length]! : `link-${buttons.length}`,
    });
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_ACTIONS_ELEMENTS_MAX) {
    // One block (most messages) takes the list itself.
    const elements =
      buttons.length <= SLACK_ACTIONS_ELEMENTS_MAX ? buttons : buttons.slice(i, i + SLACK_ACTIONS_ELEMENTS_MAX);
    pieces.push({ block: { type: 'actions', elements }, fields: 0, links: elements.length, notes: 0 });
  }
  return pieces;
}

export { buttonUrl } from './button-url';
