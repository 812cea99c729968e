/**
 * Cleaning of event strings before any channel sees them: events may carry control characters,
 * terminal escapes, bidi overrides (which can make a name read backwards) and broken surrogates.
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
  return text.replace(unsafeInLine, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Multi-line text: any line break becomes "\n", tabs become two spaces, other control characters
 * and bidi overrides are dropped, trailing spaces of each line and blank ends are trimmed.
 */
export function multiLine(text: string): string {
  return text
    .replace(lineBreaks, '\n')
    .replace(/\t/g, '  ')
    .replace(unsafeInText, '')
    .replace(/[ \u00a0]+$/gm, '')
    .replace(/^\n+|\n+$/g, '');
}
