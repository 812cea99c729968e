/**
 * The longest text {@link compactText} rewrites (it passes every character as an argument, and
 * JavaScript bounds a call's arguments); longer text is returned as it is.
 */
const MAX_COMPACT_CHARS = 1024;

/**
 * The same text written anew, character by character: one whole string (not a concatenation), and
 * in one byte a character whenever every character fits — String.fromCharCode writes the narrowest
 * form. A string read out of an event whose JSON text held any wider character (a `’`, a Japanese
 * name) is two bytes a character even when it is plain ASCII, and so is every string it is joined
 * into: an SNS message that quotes it is then twice the bytes to build, copy and escape. For short
 * text a notification keeps (a key, a type); longer text is returned unchanged.
 * @example compactText('budget:123:monthly') // "budget:123:monthly"
 */
export function compactText(text: string): string {
  if (text.length > MAX_COMPACT_CHARS) return text;
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return String.fromCharCode(...codes);
}
