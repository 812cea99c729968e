import { accountLabel } from '../../accounts';
import type { Locale } from '../../locale';
import type { Notification } from '../../notification';
import { escapeQuotes } from '../../render/json-text';
import { type RenderText, renderText } from '../../render/render-text';
import { multiLine, oneLine, untouchedByMultiLine, untouchedByOneLine } from '../../render/sanitize';
import { fullSubject } from '../../render/subject';
import { displayWidth } from '../../render/text-width';
import { blanks, LABEL_COLUMN_MAX, labelHead, type RowLabel, rowLabel } from './row-label';

interface Row {
  readonly label: string;
  readonly value: string;
}

/**
 * How the body is written: as plain text, or as the inside of a JSON string (the SNS publish's
 * `email`), each piece escaped as it is written instead of the whole body scanned again after.
 */
interface Writing {
  /** Between two lines. */
  readonly lineBreak: string;
  /** Before a list item: a line break and "- ". */
  readonly itemStart: string;
  /** Before a later line of a list item: a line break and the item's indent. */
  readonly itemBreak: string;
  /** The fixed text of each locale, written: list headings underlined, the footer's signature and last line. */
  readonly fixed: Readonly<Record<Locale, FixedText>>;
  /** Text already cleaned (a subject), written. */
  readonly clean: (clean: string) => string;
  /** True when pieces are escaped: a row's label is written as its `json`. */
  readonly escaped: boolean;
  /** `oneLine(text)`, written. */
  readonly line: (text: string) => string;
  /** `multiLine(text)` written, its lines still apart by \n (the layout breaks them). */
  readonly lines: (text: string) => string;
}

/** What every body of one locale writes the same, written once. */
interface FixedText {
  /** The notes' heading, underlined to its width. */
  readonly notes: string;
  /** The links' heading, underlined. */
  readonly links: string;
  /** From the end of the last section to the footer's rows: a blank line and the "-- " separator. */
  readonly signature: string;
  /** After the footer's rows: the last line. */
  readonly end: string;
  /** The footer's rows' labels and column, with the event id's row. */
  readonly footer: FooterLayout;
  /** The same without the event id's row. */
  readonly footerWithoutId: FooterLayout;
}

/** The footer's labels are the locale's own: their column is worked out once. */
interface FooterLayout {
  readonly labels: readonly RowLabel[];
  readonly column: number;
  /** A line break and the column's blanks. */
  readonly indent: string;
}

function footerLayout(labels: readonly string[], lineBreak: string): FooterLayout {
  const rowLabels = labels.map(rowLabel);
  const column = Math.min(LABEL_COLUMN_MAX, Math.max(...rowLabels.map((label) => label.width))) + 2;
  return { labels: rowLabels, column, indent: lineBreak + blanks(column) };
}

/** A heading, then a line break and dashes as wide as the heading. */
const underlined = (heading: string, lineBreak: string) => `${heading}${lineBreak}${'-'.repeat(displayWidth(heading))}`;

function fixedText(lineBreak: string): Record<Locale, FixedText> {
  const of = (t: RenderText): FixedText => ({
    notes: underlined(t.notes, lineBreak),
    links: underlined(t.links, lineBreak),
    signature: `${lineBreak}${lineBreak}-- ${lineBreak}`,
    end: `${lineBreak}${t.footer}${lineBreak}`,
    footer: footerLayout([t.eventId, t.source, t.occurred, t.dedupeKey], lineBreak),
    footerWithoutId: footerLayout([t.source, t.occurred, t.dedupeKey], lineBreak),
  });
  return { en: of(renderText.en), ja: of(renderText.ja) };
}

const asIs = (text: string) => text;

const PLAIN: Writing = {
  lineBreak: '\n',
  itemStart: '\n- ',
  itemBreak: '\n  ',
  fixed: fixedText('\n'),
  clean: asIs,
  escaped: false,
  line: oneLine,
  lines: multiLine,
};

/** Text `oneLine` and `multiLine` leave as it is and without `"` or `\`: nothing to clean or escape. */
const isInertLine = untouchedByOneLine('"\\\\');
const isInertText = untouchedByMultiLine('"\\\\');

const JSON_STRING: Writing = {
  lineBreak: '\\n',
  itemStart: '\\n- ',
  itemBreak: '\\n  ',
  fixed: fixedText('\\n'),
  clean: escapeQuotes,
  escaped: true,
  line: (text) => (isInertLine(text) ? text : escapeQuotes(oneLine(text))),
  lines: (text) => (isInertText(text) ? text : escapeQuotes(multiLine(text))),
};

/** What the SNS publish has already computed for a notification, so the email does not redo it. */
export interface EmailInputs {
  /** {@link fullSubject} of the notification. */
  readonly subject: string;
  /** `multiLine(n.summary)`, written as the body is (escaped, for {@link renderEmailJson}). */
  readonly summary: string;
}

/**
 * The plain-text email body: the subject again, the summary, aligned `Label: value` rows (account
 * and region last), the notes, the links with full URLs, and a footer (after the "-- " signature
 * separator, which mail clients dim) with the event id, source type, occurrence time (ISO) and
 * dedupe key. Fixed strings follow `n.locale`. No decoration is wider than a heading.
 *
 * @example renderEmail(n).split('\n')[0] === fullSubject(n)
 */
export function renderEmail(n: Notification): string {
  return renderEmailOf(n, { subject: fullSubject(n), summary: multiLine(n.summary) });
}

/**
 * {@link renderEmail} given the subject line and the cleaned summary (the SNS publish has them).
 * @example renderEmailOf(n, { subject: fullSubject(n), summary: multiLine(n.summary) }) === renderEmail(n)
 */
export function renderEmailOf(n: Notification, inputs: EmailInputs): string {
  return written(n, inputs, PLAIN);
}

/**
 * {@link renderEmailOf} as JSON.stringify writes it between its quotes (the `email` of the SNS
 * publish), `inputs.summary` given escaped ({@link jsonText}).
 * @example `"${renderEmailJson(n, { subject, summary: jsonText(summary) })}"` === JSON.stringify(renderEmailOf(n, { subject, summary }))
 */
export function renderEmailJson(n: Notification, inputs: EmailInputs): string {
  return written(n, inputs, JSON_STRING);
}

/**
 * The body as one string, section by section: every section but the subject is left out when
 * empty.
 */
function written(n: Notification, { subject, summary }: EmailInputs, w: Writing): string {
  const t = renderText[n.locale];
  const fixed = w.fixed[n.locale];
  const sectionBreak = w.lineBreak + w.lineBreak;
  let text = w.clean(subject);
  if (summary) text += sectionBreak + summary;
  const rows = alignedRows(n.fields, placeRows(n, t), w);
  if (rows) text += sectionBreak + rows;
  const notes = listSection(fixed.notes, noteItems(n.notes, w), w.itemStart);
  if (notes) text += sectionBreak + notes;
  const links = listSection(fixed.links, linkItems(n.links, w), w.itemStart);
  if (links) text += sectionBreak + links;
  return text + fixed.signature + footerRows(n, fixed, w) + fixed.end;
}

const NO_ROWS: readonly Row[] = [];

/** The account and the region, the rows after the fields. */
function placeRows(n: Notification, t: RenderText): readonly Row[] {
  if (!n.account) return n.region ? [{ label: t.region, value: n.region }] : NO_ROWS;
  const account = { label: t.account, value: accountLabel(n) };
  return n.region ? [account, { label: t.region, value: n.region }] : [account];
}

/**
 * The footer's aligned rows (see {@link alignedRows}): the event id (when known), the source, when
 * it occurred and the dedupe key, in the locale's column worked out once.
 */
function footerRows(n: Notification, fixed: FixedText, w: Writing): string {
  const { labels, column, indent } = n.source.id ? fixed.footer : fixed.footerWithoutId;
  let text = '';
  let i = 0;
  if (n.source.id) text = withValueLines(text, false, labels[i++]!, column, w.lines(n.source.id), indent, w);
  text = withValueLines(text, i > 0, labels[i++]!, column, w.lines(n.source.type), indent, w);
  text = withValueLines(text, true, labels[i++]!, column, w.lines(n.occurredAt), indent, w);
  return withValueLines(text, true, labels[i]!, column, w.lines(n.dedupeKey), indent, w);
}

/**
 * `Label: value` rows, `rows` then `more` (two lists, not one copied from both), with values
 * starting in one column, later lines of a value indented to it; the rows joined by line breaks
 * ("" for none).
 */
function alignedRows(rows: readonly Row[], more: readonly Row[], w: Writing): string {
  const labels: RowLabel[] = [];
  // A loop, not Math.max(...widths): a budget text can carry tens of thousands of rows.
  let widest = 0;
  for (const row of rows) widest = withLabel(labels, row, widest);
  for (const row of more) widest = withLabel(labels, row, widest);
  const column = Math.min(LABEL_COLUMN_MAX, widest) + 2;
  const indent = w.lineBreak + blanks(column);
  let text = '';
  for (let i = 0; i < labels.length; i++) {
    const row = i < rows.length ? rows[i]! : more[i - rows.length]!;
    text = withValueLines(text, i > 0, labels[i]!, column, w.lines(row.value), indent, w);
  }
  return text;
}

/** `widest` or the width of `row`'s label when wider, the label added to `labels`. */
function withLabel(labels: RowLabel[], row: Row, widest: number): number {
  const label = rowLabel(row.label);
  labels.push(label);
  return label.width > widest ? label.width : widest;
}

/**
 * `text` and, after a line break when `broken`, the label's head and the first line of
 * `value` (the line's end trimmed of white space, and the head with it when the line is empty),
 * then its later lines, each after `indent` (a line break and the blanks; a blank line is left
 * empty). The line break comes with the head (one piece) when nothing is trimmed.
 */
function withValueLines(
  text: string,
  broken: boolean,
  label: RowLabel,
  column: number,
  value: string,
  indent: string,
  w: Writing,
): string {
  let end = value.indexOf('\n');
  const first = end < 0 ? value : value.slice(0, end);
  if (endsInPrintableAscii(first)) text += labelHead(label, column, w.escaped, broken) + first;
  else text += (broken ? w.lineBreak : '') + (labelHead(label, column, w.escaped) + first).trimEnd();
  const lineBreak = w.lineBreak;
  while (end >= 0) {
    const start = end + 1;
    end = value.indexOf('\n', start);
    const line = end < 0 ? value.slice(start) : value.slice(start, end);
    text += line ? indent + line : lineBreak;
  }
  return text;
}

/** True when `text` ends in `!`..`~`, which `trimEnd` keeps (it checks nothing else). */
function endsInPrintableAscii(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last > 0x20 && last < 0x7f;
}

/** The notes, cleaned and written (later lines indented), without the empty ones. */
function noteItems(notes: readonly string[], w: Writing): string[] {
  const items: string[] = [];
  for (const note of notes) {
    const clean = w.lines(note);
    if (clean) items.push(clean.includes('\n') ? clean.replaceAll('\n', w.itemBreak) : clean);
  }
  return items;
}

/** Each link's label (when it has one) above its URL, indented: both are one line. */
function linkItems(links: Notification['links'], w: Writing): string[] {
  const items: string[] = [];
  for (const link of links) {
    const label = w.line(link.label);
    const url = w.line(link.url);
    items.push(label ? label + w.itemBreak + url : url);
  }
  return items;
}

/** The underlined heading, then one "- " item per entry (already written, indented); "" for none. */
function listSection(heading: string, items: readonly string[], itemStart: string): string {
  if (items.length === 0) return '';
  let text = heading;
  for (const item of items) text += itemStart + item;
  return text;
}
