import type { Locale } from '../locale';
import { renderText } from './render-text';

/** Hooks for text whose cut points or character counts differ from raw strings (escaped mrkdwn). */
export interface TruncateOptions {
  /** Moves a cut index back so it does not split a unit (e.g. an HTML entity). */
  readonly backOff?: (text: string, cut: number) => number;
  /** How many characters a reader would see in the omitted part. */
  readonly countOmitted?: (omitted: string) => number;
}

/**
 * Number of bytes `text` takes in UTF-8 (lone surrogates count as U+FFFD, as SNS would see them).
 * Counted, not encoded: the publish's size is measured several times while it is fitted.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3; // the BMP, and a lone surrogate as U+FFFD
  }
  return bytes;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Number of code points (what a person calls characters, near enough). */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Moves `index` back by one when it would split a surrogate pair. */
export function safeCut(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splitsPair ? index - 1 : index;
}

/**
 * Shortens a one-line text to at most `max` UTF-16 units, ending in "…". For subjects and labels,
 * where a "(truncated, N more characters)" marker would not fit.
 */
export function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  return `${text.slice(0, safeCut(text, max - 1)).trimEnd()}…`;
}

/**
 * Like {@link ellipsize} but keeps the start and the end, cutting the middle: titles end with the
 * state ("… is in ALARM"), which matters as much as the start of a long name.
 *
 * @example ellipsizeMiddle('very-long-alarm-name is in ALARM', 24) // "very-long-a…is in ALARM"
 */
export function ellipsizeMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ellipsize(text, max);
  const tail = Math.floor((max - 1) / 2);
  const headEnd = safeCut(text, max - 1 - tail);
  let tailStart = text.length - tail;
  const code = text.charCodeAt(tailStart);
  if (code >= 0xdc00 && code <= 0xdfff) tailStart += 1;
  return `${text.slice(0, headEnd)}…${text.slice(tailStart)}`;
}

/**
 * Shortens `text` to at most `max` UTF-16 units (Slack's and JavaScript's "characters"), visibly:
 * the kept start is followed by "… (truncated, N more characters)" in the notification's locale.
 * Never splits a surrogate pair. Returns `text` unchanged when it fits.
 *
 * @example truncateChars('a'.repeat(5000), 100, 'en') // "aaa… (truncated, 4937 more characters)"
 */
export function truncateChars(text: string, max: number, locale: Locale, options: TruncateOptions = {}): string {
  if (text.length <= max) return text;
  const marker = renderText[locale].truncated;
  // The digits of the whole length bound the digits of any omitted count, so the result always fits.
  const room = max - marker(text.length).length;
  if (room <= 0) return ellipsize(text, max);
  let cut = safeCut(text, room);
  if (options.backOff) cut = options.backOff(text, cut);
  const omitted = text.slice(cut);
  const count = options.countOmitted ? options.countOmitted(omitted) : codePointLength(omitted);
  return `${text.slice(0, cut).trimEnd()}${marker(count)}`;
}
