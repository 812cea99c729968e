import { accountLabel } from '../../accounts';
import type { Notification } from '../../notification';
import { renderText } from '../../render/render-text';
import { multiLine, oneLine } from '../../render/sanitize';
import { fullSubject } from '../../render/subject';
import { displayWidth, padToWidth } from '../../render/text-width';

/**
 * Labels wider than this do not widen the label column, so one long label cannot push every value
 * off a phone screen (about 60 columns).
 */
const LABEL_COLUMN_MAX = 20;

interface Row {
  readonly label: string;
  readonly value: string;
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
  const t = renderText[n.locale];
  const rows: Row[] = [
    ...n.fields,
    ...(n.account ? [{ label: t.account, value: accountLabel(n) }] : []),
    ...(n.region ? [{ label: t.region, value: n.region }] : []),
  ];
  const footer: Row[] = [
    ...(n.source.id ? [{ label: t.eventId, value: n.source.id }] : []),
    { label: t.source, value: n.source.type },
    { label: t.occurred, value: n.occurredAt },
    { label: t.dedupeKey, value: n.dedupeKey },
  ];
  const sections = [
    [fullSubject(n)],
    paragraph(n.summary),
    alignedRows(rows),
    listSection(t.notes, n.notes.map(multiLine).filter(Boolean)),
    listSection(t.links, n.links.map(linkLines)),
    ['-- ', ...alignedRows(footer), t.footer],
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function paragraph(text: string): string[] {
  const clean = multiLine(text);
  return clean ? [clean] : [];
}

/** `Label: value` rows with values starting in one column; later lines of a value indented to it. */
function alignedRows(rows: readonly Row[]): string[] {
  const cleaned = rows.map((r) => ({ label: oneLine(r.label), value: multiLine(r.value) }));
  // A loop, not Math.max(...widths): a budget text can carry tens of thousands of rows.
  const widest = cleaned.reduce((max, r) => Math.max(max, displayWidth(r.label)), 0);
  const column = Math.min(LABEL_COLUMN_MAX, widest) + 2;
  const indent = ' '.repeat(column);
  return cleaned.map(({ label, value }) => {
    const [first = '', ...rest] = value.split('\n');
    const head = label ? padToWidth(`${label}:`, column - 1) : ' '.repeat(column - 1);
    return [`${head} ${first}`.trimEnd(), ...rest.map((line) => (line ? indent + line : ''))].join('\n');
  });
}

/** A heading underlined to its own width, then one "- " item per entry (later lines indented). */
function listSection(heading: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  const bullets = items.map((item) => `- ${item.split('\n').join('\n  ')}`);
  return [heading, '-'.repeat(displayWidth(heading)), ...bullets];
}

function linkLines(link: Notification['links'][number]): string {
  const label = oneLine(link.label);
  const url = oneLine(link.url);
  return label ? `${label}\n${url}` : url;
}
