import { accountLabel } from '../../accounts';
import type { Notification } from '../../notification';
import { type RenderText, renderText } from '../../render/render-text';
import { multiLine, oneLine } from '../../render/sanitize';
import { fullSubject } from '../../render/subject';
import { displayWidth } from '../../render/text-width';

/**
 * Labels wider than this do not widen the label column, so one long label cannot push every value
 * off a phone screen (about 60 columns).
 */
const LABEL_COLUMN_MAX = 20;

/** Between the sections of the body: one blank line. */
const SECTION_BREAK = '\n\n';

interface Row {
  readonly label: string;
  readonly value: string;
}

/** What the SNS publish has already computed for a notification, so the email does not redo it. */
export interface EmailInputs {
  /** {@link fullSubject} of the notification. */
  readonly subject: string;
  /** `multiLine(n.summary)`. */
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
 * The body is written as one string, section by section: every section but the subject is left out
 * when empty.
 */
export function renderEmailOf(n: Notification, { subject, summary }: EmailInputs): string {
  const t = renderText[n.locale];
  let text = subject;
  if (summary) text += SECTION_BREAK + summary;
  const rows = alignedRows(valueRows(n, t));
  if (rows) text += SECTION_BREAK + rows;
  const notes = listSection(t.notes, noteItems(n.notes));
  if (notes) text += SECTION_BREAK + notes;
  const links = listSection(t.links, n.links.map(linkLines));
  if (links) text += SECTION_BREAK + links;
  return `${text}${SECTION_BREAK}-- \n${alignedRows(footerRows(n, t))}\n${t.footer}\n`;
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
function alignedRows(rows: readonly Row[]): string {
  const labels: string[] = [];
  const widths: number[] = [];
  // A loop, not Math.max(...widths): a budget text can carry tens of thousands of rows.
  let widest = 0;
  for (const row of rows) {
    const label = oneLine(row.label);
    const width = displayWidth(label);
    labels.push(label);
    widths.push(width);
    if (width > widest) widest = width;
  }
  const column = Math.min(LABEL_COLUMN_MAX, widest) + 2;
  const indent = ' '.repeat(column);
  let text = '';
  for (let i = 0; i < rows.length; i++) {
    const label = labels[i]!;
    // The label and its colon padded to the column, or blanks for a row without a label.
    const head = label ? `${label}:${' '.repeat(Math.max(0, column - 2 - widths[i]!))}` : ' '.repeat(column - 1);
    if (i > 0) text += '\n';
    text += valueLines(head, multiLine(rows[i]!.value), indent);
  }
  return text;
}

/** `head` and the first line of `value`, then its later lines, each indented (blank lines left empty). */
function valueLines(head: string, value: string, indent: string): string {
  let end = value.indexOf('\n');
  let text = `${head} ${end < 0 ? value : value.slice(0, end)}`.trimEnd();
  while (end >= 0) {
    const start = end + 1;
    end = value.indexOf('\n', start);
    const line = end < 0 ? value.slice(start) : value.slice(start, end);
    text += line ? `\n${indent}${line}` : '\n';
  }
  return text;
}

/** The notes, cleaned, without the empty ones. */
function noteItems(notes: readonly string[]): string[] {
  const items: string[] = [];
  for (const note of notes) {
    const clean = multiLine(note);
    if (clean) items.push(clean);
  }
  return items;
}

/** A heading underlined to its own width, then one "- " item per entry (later lines indented); "" for none. */
function listSection(heading: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  let text = `${heading}\n${'-'.repeat(displayWidth(heading))}`;
  for (const item of items) text += `\n- ${item.includes('\n') ? item.replaceAll('\n', '\n  ') : item}`;
  return text;
}

function linkLines(link: Notification['links'][number]): string {
  const label = oneLine(link.label);
  const url = oneLine(link.url);
  return label ? `${label}\n${url}` : url;
}
