import { replaceEach } from './replace';

/*
 * Cleaning of event strings before any channel sees them: events may carry control characters,
 * terminal escapes, bidi overrides (which can make a name read backwards) and broken surrogates.
 * Every step is linear in the text: each regex here matches single characters or a run it
 * consumes whole, replaced by a function (see replace.ts), and line ends are trimmed by code
 * (`/[ ]+$/gm` retried every space of a run: a 40 KB line of spaces took seconds).
 */

const lineBreaks = /\r\n|[\r\n\u2028\u2029\u0085]/g;
/** C0/C1 controls except \n, lone surrogates, bidi embeddings/overrides/isolates. */
const unsafeInText = /(?!\n)\p{Cc}|[\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;
/** Everything that may not appear in a one-line text such as an SNS subject. */
const unsafeInLine = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/**
 * One line of text: line breaks and control/format characters become spaces, runs of whitespace
 * collapse to one space, ends are trimmed.
 *
 * @example oneLine(' web\r\n  alarm\u0007 ') // "web alarm"
 */
export function oneLine(text: string): string {
  return inLine(text).trim();
}

/**
 * {@link oneLine} without trimming the ends: for pieces of a line joined later (" by ", " が "),
 * whose outer spaces are the grammar.
 */
export function inLine(text: string): string {
  if (isCleanLine(text)) return text;
  return replaceEach(replaceEach(text, unsafeInLine, ' '), /\s+/g, ' ');
}

/**
 * Characters no cleaning ever touches: they are neither controls, format characters, surrogates,
 * line or paragraph separators, nor white space (spaces are handled apart). Printable ASCII and
 * Latin; the punctuation, arrows, letterlike and technical symbols events and our own texts use
 * ("…", "→", "•", "ℹ"), variation selectors (the emoji style of "ℹ️"), the emoji blocks (the
 * severity of the Slack header); the Japanese blocks (kana, CJK ideographs, fullwidth forms; U+3000
 * excluded). tests/lib/core/render/sanitize.test.ts checks every code point of these ranges against
 * the regexes below.
 */
const PLAIN_CHARS =
  '\\x21-\\x7e\\u00a1-\\u00ac\\u00ae-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u2100-\\u23ff\\u2460-\\u27bf' +
  '\\u3001-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\ufe00-\\ufe0f\\uff01-\\uff9f\\u{1f000}-\\u{1fbff}';
/** A character other than a plain one or a space, or two spaces in a row: what {@link inLine} changes. */
const uncleanInLine = new RegExp(`[^ ${PLAIN_CHARS}]|  `, 'u');
/** A character other than a plain one, a space or \n: what {@link multiLine} does more than trim. */
const uncleanInText = new RegExp(`[^\\n ${PLAIN_CHARS}]`, 'u');
const plainChar = new RegExp(`^[${PLAIN_CHARS}]$`, 'u');

/**
 * True when `text` holds only plain characters and single spaces. Such a text is its own
 * {@link inLine}, and most event strings are one; the cleaning regexes then never run. (A regex
 * test, not a loop over char codes: irregexp scans a character class about twice as fast.)
 */
const isCleanLine = (text: string): boolean => !uncleanInLine.test(text);

/** True for a code point (a BMP code unit, or a whole astral character) that needs no cleaning in any text. */
export function isPlainChar(c: number): boolean {
  return plainChar.test(String.fromCodePoint(c));
}

/** `line` without the spaces and no-break spaces it ends with. */
function trimSpacesEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\u00a0')) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** `text` without the line breaks it starts and ends with. */
function trimBlankEnds(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '\n') start++;
  while (end > start && text[end - 1] === '\n') end--;
  return text.slice(start, end);
}

/** True when no character of `text` but \n, spaces and plain ones: only trimming may be left to do. */
const isCleanText = (text: string): boolean => !uncleanInText.test(text);

/** True when a clean text (see {@link isCleanText}) has no blank ends nor spaces ending a line. */
function isTrimmed(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x0a || last === 0x20) return false;
  return !text.includes('\n') || (text.charCodeAt(0) !== 0x0a && !text.includes(' \n'));
}

/**
 * A test for text that {@link multiLine} returns as it is and that holds none of `unwanted` (the
 * body of a regex character class): for a channel that escapes a few characters after cleaning,
 * one regex test for most values instead of one to clean and one to escape. `unwanted` is written
 * as in a `v`-flag class (single characters; no `&&`, `--`, nor unescaped `()[]{}/-|`).
 *
 * @example const inert = untouchedByMultiLine('&<>'); inert('web-alarm') // true
 */
export function untouchedByMultiLine(unwanted: string): (text: string) => boolean {
  // The unwanted characters taken out of the plain ones (a `v`-flag class difference): one class,
  // which irregexp scans faster than a class or another (about 25% on field values).
  const changed = new RegExp(`[^[\\n ${PLAIN_CHARS}]--[${unwanted}]]`, 'v');
  return (text) => !changed.test(text) && isTrimmed(text);
}

/** {@link untouchedByMultiLine} for {@link oneLine}. @example untouchedByOneLine('&<>')(' a') // false */
export function untouchedByOneLine(unwanted: string): (text: string) => boolean {
  const changed = new RegExp(`[^ ${PLAIN_CHARS}]|  |[${unwanted}]`, 'u');
  return (text) => !changed.test(text) && text.charCodeAt(0) !== 0x20 && text.charCodeAt(text.length - 1) !== 0x20;
}

/**
 * Multi-line text: any line break becomes "\n", tabs become two spaces, other control characters
 * and bidi overrides are dropped, trailing spaces of each line and blank ends are trimmed.
 */
export function multiLine(text: string): string {
  if (isCleanText(text)) {
    if (isTrimmed(text)) return text;
    return trimBlankEnds(text.includes('\n') ? text.split('\n').map(trimSpacesEnd).join('\n') : trimSpacesEnd(text));
  }
  const clean = replaceEach(replaceEach(replaceEach(text, lineBreaks, '\n'), /\t/g, '  '), unsafeInText, '');
  return trimBlankEnds(clean.split('\n').map(trimSpacesEnd).join('\n'));
}
