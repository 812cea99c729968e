/*
 * Cleaned text written as the inside of a JSON string, without JSON.stringify's scan for every
 * character it might escape. Text that went through `oneLine` or `multiLine` (./sanitize) holds no
 * control character but \n and no lone surrogate, so `"`, `\` and \n are all JSON escapes in it.
 */

/** What JSON escapes in cleaned text besides the line break. */
const quoteOrBackslash = /["\\]/;
const quotesAndBackslashes = /["\\]/g;
/** What JSON escapes in cleaned text. */
const escapedInClean = /["\\\n]/;
const everyEscapedInClean = /["\\\n]/g;

const escapes: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n' };
/** A replacement function, not a string: linear on text with many matches (see ./replace). */
const escapeOf = (c: string) => escapes[c]!;

/**
 * Cleaned text with `"` and `\` escaped as JSON escapes them, line breaks left as they are (for a
 * layout that writes its own line breaks between the lines).
 *
 * @example escapeQuotes('say "hi"\nthen go') // 'say \\"hi\\"\nthen go'
 */
export function escapeQuotes(clean: string): string {
  return quoteOrBackslash.test(clean) ? clean.replace(quotesAndBackslashes, escapeOf) : clean;
}

/**
 * Cleaned text as JSON.stringify writes it between its quotes: `JSON.stringify(clean).slice(1, -1)`
 * for any output of `oneLine` or `multiLine`.
 *
 * @example jsonText('a "b"\nc') // 'a \\"b\\"\\nc'
 */
export function jsonText(clean: string): string {
  return escapedInClean.test(clean) ? clean.replace(everyEscapedInClean, escapeOf) : clean;
}
