/**
 * `text.replace(pattern, by)` for a global pattern that may match very often (every character of a
 * run of line breaks, of `&lt;&lt;…`, of `"1,1,1,…"`). V8 builds the result of a replacement STRING
 * in a way that slows down faster than the text grows once there are hundreds of thousands of
 * matches (measured on Node 20: 7–9× the time for 4× the text); a replacement FUNCTION stays
 * linear (4.3–4.8×). `by` is inserted as is (no `$&` patterns).
 *
 * @example replaceEach('a\r\nb', /\r\n?/g, '\n') // "a\nb"
 */
export function replaceEach(text: string, pattern: RegExp, by: string): string {
  return text.replace(pattern, () => by);
}
