import { accountLabel } from '../../../../src/lib/core/accounts';
import type { Notification } from '../../../../src/lib/core/notification';
import { messageAttributes } from '../../../../src/lib/core/publish/attributes';
import { SNS_MESSAGE_MAX_BYTES } from '../../../../src/lib/core/publish/limits';
import { fitNotification } from '../../../../src/lib/core/publish/sns-fit';
import type { FittedPublish, SnsPublishInput } from '../../../../src/lib/core/publish/sns-message';
import { renderText } from '../../../../src/lib/core/render/render-text';
import { multiLine, oneLine } from '../../../../src/lib/core/render/sanitize';
import { fullSubject, renderSubject } from '../../../../src/lib/core/render/subject';
import { truncateChars } from '../../../../src/lib/core/render/truncate';

/*
 * The SNS publish and its email body as first written, plainly: every string sanitised where it
 * is used, the Notification JSON stringified and then embedded by stringifying the whole message,
 * sizes counted with `Buffer.byteLength`. The fast paths in src/ are pinned to these, byte for byte.
 */

const LABEL_COLUMN_MAX = 20;

/** Columns of `text` in a monospace font, from East Asian Width W/F and the main emoji blocks. */
function referenceWidth(text: string): number {
  const wide = [
    [0x1100, 0x115f],
    [0x2e80, 0x303e],
    [0x3041, 0x33ff],
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xa000, 0xa4cf],
    [0xac00, 0xd7a3],
    [0xf900, 0xfaff],
    [0xfe30, 0xfe4f],
    [0xff00, 0xff60],
    [0xffe0, 0xffe6],
    [0x1f300, 0x1f64f],
    [0x1f900, 0x1f9ff],
    [0x20000, 0x3fffd],
  ];
  let width = 0;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    width += wide.some(([from, to]) => c >= from! && c <= to!) ? 2 : 1;
  }
  return width;
}

function alignedRows(rows: ReadonlyArray<{ label: string; value: string }>): string[] {
  const cleaned = rows.map((r) => ({ label: oneLine(r.label), value: multiLine(r.value) }));
  const widest = cleaned.reduce((max, r) => Math.max(max, referenceWidth(r.label)), 0);
  const column = Math.min(LABEL_COLUMN_MAX, widest) + 2;
  const indent = ' '.repeat(column);
  return cleaned.map(({ label, value }) => {
    const [first = '', ...rest] = value.split('\n');
    const head = label
      ? `${label}:${' '.repeat(Math.max(0, column - 1 - referenceWidth(`${label}:`)))}`
      : ' '.repeat(column - 1);
    return [`${head} ${first}`.trimEnd(), ...rest.map((line) => (line ? indent + line : ''))].join('\n');
  });
}

function listSection(heading: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  return [heading, '-'.repeat(referenceWidth(heading)), ...items.map((item) => `- ${item.split('\n').join('\n  ')}`)];
}

/** The plain-text email body as first written (channels/email/render-email.ts). */
export function referenceEmail(n: Notification): string {
  const t = renderText[n.locale];
  const rows = [
    ...n.fields,
    ...(n.account ? [{ label: t.account, value: accountLabel(n) }] : []),
    ...(n.region ? [{ label: t.region, value: n.region }] : []),
  ];
  const footer = [
    ...(n.source.id ? [{ label: t.eventId, value: n.source.id }] : []),
    { label: t.source, value: n.source.type },
    { label: t.occurred, value: n.occurredAt },
    { label: t.dedupeKey, value: n.dedupeKey },
  ];
  const summary = multiLine(n.summary);
  const sections = [
    [fullSubject(n)],
    summary ? [summary] : [],
    alignedRows(rows),
    listSection(t.notes, n.notes.map(multiLine).filter(Boolean)),
    listSection(
      t.links,
      n.links.map((l) => (oneLine(l.label) ? `${oneLine(l.label)}\n${oneLine(l.url)}` : oneLine(l.url))),
    ),
    ['-- ', ...alignedRows(footer), t.footer],
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function referenceMessage(n: Notification): string {
  const summary = truncateChars(multiLine(n.summary), 1_000, n.locale);
  const subject = renderSubject(n);
  const json = JSON.stringify(n);
  return JSON.stringify({
    default: summary ? `${subject}\n\n${summary}` : subject,
    email: referenceEmail(n),
    lambda: json,
    sqs: json,
  });
}

const bytes = (p: SnsPublishInput) =>
  Buffer.byteLength(p.Subject) +
  Buffer.byteLength(p.Message) +
  Object.entries(p.MessageAttributes).reduce(
    (sum, [name, a]) => sum + Buffer.byteLength(name + a.DataType + a.StringValue),
    0,
  );

/** `fitForSns` as first written: the publish of every candidate built whole and measured exactly. */
export function referenceFitForSns(n: Notification): FittedPublish {
  const Subject = renderSubject(n);
  const publishOf = (c: Notification): SnsPublishInput => ({
    Subject,
    Message: referenceMessage(c),
    MessageStructure: 'json',
    MessageAttributes: messageAttributes(c),
  });
  const notification = fitNotification(n, (c) => bytes(publishOf(c)) <= SNS_MESSAGE_MAX_BYTES);
  return { notification, publish: publishOf(notification) };
}
