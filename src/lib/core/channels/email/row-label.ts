import { escapeQuotes } from '../../render/json-text';
import { oneLine } from '../../render/sanitize';
import { displayWidth } from '../../render/text-width';

/**
 * Labels wider than this do not widen the label column, so one long label cannot push every value
 * off a phone screen (about 60 columns).
 */
export const LABEL_COLUMN_MAX = 20;

/** A row's label as the email writes it. */
export interface RowLabel {
  /** `oneLine(label)`. */
  readonly text: string;
  /** Its columns ({@link displayWidth}). */
  readonly width: number;
  /** `text` as the inside of a JSON string ({@link escapeQuotes}: cleaned text has no \n). */
  readonly json: string;
  /**
   * {@link labelHead}s made so far, by column and writing, for a label kept in {@link rowLabels}
   * (a label seen once keeps none).
   */
  readonly heads: (string | undefined)[] | undefined;
}

/**
 * Bound of {@link rowLabels}. Labels are a source's own words ("Threshold", "Reason", the footer's
 * "Event"…), a few hundred across every source and both locales; past the bound, labels are
 * worked out each time.
 */
const ROW_LABELS_MAX = 512;
const rowLabels = new Map<string, RowLabel>();
/**
 * Slots of {@link RowLabel.heads}: every column up to the widest (see {@link LABEL_COLUMN_MAX}), in
 * both writings, with and without the line break before.
 */
const HEAD_SLOTS = (LABEL_COLUMN_MAX + 3) * 4;

/**
 * The cleaned text, width and escaped text of a row's label, each worked out once per label:
 * labels repeat from event to event, values do not.
 *
 * @example rowLabel(' Dedupe\tkey ').text // 'Dedupe key'
 */
export function rowLabel(label: string): RowLabel {
  let known = rowLabels.get(label);
  if (known === undefined) {
    const text = oneLine(label);
    const kept = rowLabels.size < ROW_LABELS_MAX;
    // Every slot made at once: an array written far past its end becomes a slow dictionary.
    const heads = kept ? new Array<string | undefined>(HEAD_SLOTS).fill(undefined) : undefined;
    known = { text, width: displayWidth(text), json: escapeQuotes(text), heads };
    if (kept) rowLabels.set(label, known);
  }
  return known;
}

/**
 * What a row starts with: the label (as `json` when `escaped`) and its colon padded to `column`,
 * then the space before the value; `column` blanks for a row without a label; after a line break
 * (`\n`, or `\\n` when `escaped`) when `broken`. Made once per label, column and writing, as one flat
 * string: the row adds one piece to the body, not five.
 *
 * @example labelHead(rowLabel('Region'), 12, false) // 'Region:     '
 */
export function labelHead(label: RowLabel, column: number, escaped: boolean, broken = false): string {
  const lineBreak = broken ? (escaped ? '\\n' : '\n') : '';
  if (!label.text) return lineBreak + blanks(column);
  const at = column * 4 + (escaped ? 1 : 0) + (broken ? 2 : 0);
  let head = label.heads?.[at];
  if (head === undefined) {
    head = [lineBreak, escaped ? label.json : label.text, ':', blanks(Math.max(1, column - 1 - label.width))].join('');
    if (label.heads && at < HEAD_SLOTS) label.heads[at] = head;
  }
  return head;
}

/** Blanks by count, each built once and flat (see {@link blanks}). */
const BLANKS = Array.from({ length: LABEL_COLUMN_MAX + 3 }, (_, count) => Array(count + 1).join(' '));

/**
 * `count` spaces. The column's blanks come from a table: `repeat`
 * builds longer runs as a rope, which every row would then carry into the body's final copy.
 */
export function blanks(count: number): string {
  return BLANKS[count] ?? ' '.repeat(count);
}
