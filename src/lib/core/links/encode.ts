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
  return encodeURIComponent(text.toWellFormed());
}
