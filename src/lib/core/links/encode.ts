/**
 * Characters encodeURIComponent leaves as they are: A–Z a–z 0–9 - _ . ! ~ * ' ( ).
 * @see https://tc39.es/ecma262/#sec-encodeuricomponent-uricomponent
 */
const UNRESERVED = (() => {
  const table = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()") table[c.charCodeAt(0)] = 1;
  return table;
})();

/** True when encodeURIComponent would give `text` back unchanged (most ids and names). */
function needsNoEncoding(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] === 0) return false;
  }
  return true;
}

/**
 * `encodeURIComponent` that never throws. A lone surrogate (half of an emoji, cut or forged) makes
 * the built-in throw URIError, which used to fail a whole batch over one alarm name; here it
 * becomes U+FFFD first, which is what a browser shows for it anyway. Every link in the core is
 * built with this.
 *
 * @example encodeUriComponent('web 5xx') // "web%205xx"
 * @example encodeUriComponent('web \ud800') // "web%20%EF%BF%BD"
 */
export function encodeUriComponent(text: string): string {
  return needsNoEncoding(text) ? text : encodeURIComponent(text.toWellFormed());
}
