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
}

/** A heading, then a line break and dashes as wide as the heading. */
const underlined = (heading: string, lineBreak: string) => `${heading}${lineBreak}${'-'.repeat(displayWidth(heading))}`;

function fixedText(lineBreak: string): Record<Locale, FixedText> {
  const of = (t: RenderText): FixedText => ({
    notes: underlined(t.notes, lineBreak),
    links: underlined(t.links, lineBreak),
    signature: `${lineBreak}${lineBreak}-- ${lineBreak}`,
    end: `${lineBreak}${t.footer}${lineBreak}`,
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
  const rows = alignedRows(valueRows(n, t), w);
  if (rows) text += sectionBreak + rows;
  const notes = listSection(fixed.notes, noteItems(n.notes, w), w.itemStart);
  if (notes) text += sectionBreak + notes;
  const links = listSection(fixed.links, linkItems(n.links, w), w.itemStart);
  if (links) text += sectionBreak + links;
  return text + fixed.signature + alignedRows(footerRows(n, t), w) + fixed.end;
}

/** The fields, then the account and the region. */
function valueRows(n: Notification, t: RenderText): readonly Row[] {
  if (!n.account && !n.region) return n.fields;
  const rows: Row[] = [...n.fields];
  if (n.account) rows.push({ label: t.account, value: accountLabel(n) });
  if (n.region) rows.push({ label: t.region, value: n.region });
  return rows;
}

/** The event id (when known), the source, when it occurred and the dedupe key. */
function footerRows(n: Notification, t: RenderText): Row[] {
  const rows: Row[] = n.source.id ? [{ label: t.eventId, value: n.source.id }] : [];
  rows.push(
    { label: t.source, value: n.source.type },
    { label: t.occurred, value: n.occurredAt },
    { label: t.dedupeKey, value: n.dedupeKey },
  );
  return rows;
}

/**
 * `Label: value` rows with values starting in one column, later lines of a value indented to it;
 * the rows joined by line breaks ("" for none).
 */
function alignedRows(rows: readonly Row[], w: Writing): string {
  const labels: RowLabel[] = [];
  // A loop, not Math.max(...widths): a budget text can carry tens of thousands of rows.
  let widest = 0;
  for (const row of rows) {
    const label = rowLabel(row.label);
    labels.push(label);
    if (label.width > widest) widest = label.width;
  }
  const column = Math.min(LABEL_COLUMN_MAX, widest) + 2;
  const indent = w.lineBreak + blanks(column);
  let text = '';
  for (let i = 0; i < rows.length; i++) {
    const label = labels[i]!;
    const head = labelHead(label, column, w.escaped);
    if (i > 0) text += w.lineBreak;
    text += valueLines(head, w.lines(rows[i]!.value), indent, w.lineBreak);
  }
  return text;
}

/**
 * `head` and the first line of `value` (the line's end trimmed of white space, and `head` with it
 * when the line is empty), then its later lines, each after `indent` (a line break and the blanks;
 * a blank line is left empty).
 */
function valueLines(head: string, value: string, indent: string, lineBreak: string): string {
  let end = value.indexOf('\n');
  const first = end < 0 ? value : value.slice(0, end);
  let text = endsInPrintableAscii(first) ? head + first : (head + first).trimEnd();
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
