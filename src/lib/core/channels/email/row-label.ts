import { escapeQuotes } from '../../render/json-text';
import { oneLine } from '../../render/sanitize';
import { displayWidth } from '../../render/text-width';

/** A row's label as the email writes it. */
export interface RowLabel {
  /** `oneLine(label)`. */
  readonly text: string;
  /** Its columns ({@link displayWidth}). */
  readonly width: number;
  /** `text` as the inside of a JSON string ({@link escapeQuotes}: cleaned text has no \n). */
  readonly json: string;
}

/**
 * Bound of {@link rowLabels}. Labels are a source's own words ("Threshold", "Reason", the footer's
 * "Event"…), a few hundred across every source and both locales; past the bound, labels are
 * worked out each time.
 */
const ROW_LABELS_MAX = 512;
const rowLabels = new Map<string, RowLabel>();

/**
 * The cleaned text, width and escaped text of a row's label, each worked out once per label:
 * labels repeat from event to event, values do not.
 *
 * @example rowLabel(' Dedupe\tkey ') // { text: 'Dedupe key', width: 10, json: 'Dedupe key' }
 */
export function rowLabel(label: string): RowLabel {
  let known = rowLabels.get(label);
  if (known === undefined) {
    const text = oneLine(label);
    known = { text, width: displayWidth(text), json: escapeQuotes(text) };
    if (rowLabels.size < ROW_LABELS_MAX) rowLabels.set(label, known);
  }
  return known;
}
