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
 * True when `text` holds only characters that are neither controls, format characters, line or
 * paragraph separators, nor white space other than single spaces: printable ASCII and Latin, and
 * the Japanese blocks (kana, CJK ideographs, fullwidth forms; U+3000 excluded). Such a text is its
 * own {@link inLine}, and most event strings are one; the regexes then never run.
 * tests/lib/core/render/sanitize.test.ts checks these ranges against the regexes, code point by code point.
 */
function isCleanLine(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return false;
      previousSpace = true;
      continue;
    }
    previousSpace = false;
    if (!isPlainChar(c)) return false;
  }
  return true;
}

/** Code units that need no cleaning in any text: see {@link isCleanLine}. */
export function isPlainChar(c: number): boolean {
  return (
    (c >= 0x21 && c <= 0x7e) ||
    (c >= 0xa1 && c <= 0x2ff && c !== 0xad) ||
    (c >= 0x3001 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xff01 && c <= 0xff9f)
  );
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

/** True when no character of `text` but \n, spaces and {@link isPlainChar}s: only trimming is left to do. */
function isCleanText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x20 && !isPlainChar(c)) return false;
  }
  return true;
}

/**
 * Multi-line text: any line break becomes "\n", tabs become two spaces, other control characters
 * and bidi overrides are dropped, trailing spaces of each line and blank ends are trimmed.
 */
export function multiLine(text: string): string {
  if (isCleanText(text))
    return trimBlankEnds(text.includes('\n') ? text.split('\n').map(trimSpacesEnd).join('\n') : trimSpacesEnd(text));
  const clean = replaceEach(replaceEach(replaceEach(text, lineBreaks, '\n'), /\t/g, '  '), unsafeInText, '');
  return trimBlankEnds(clean.split('\n').map(trimSpacesEnd).join('\n'));
}
