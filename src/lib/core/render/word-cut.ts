import { safeCut } from './truncate';

/**
 * Shortening text where a reader sees a break: before a space or a separator ("-", "_", ".", "/",
 * ":", "@", "、"…), after closing punctuation, or where the script changes (kanji to kana, kana to
 * Latin…), since Japanese puts no spaces between words. Never inside a surrogate pair.
 */

/** Characters a cut may come before: spaces and the separators inside identifiers and sentences. */
const BREAK_BEFORE = /[\s\-_./:@,;(（「『、。・：]/u;
/** Characters a cut may come after: closing punctuation. */
const BREAK_AFTER = /[)）」』、。,;]/u;
/** Separators not worth keeping at the end of a cut text ("prod-…" reads worse than "prod…"). */
const SEPARATOR = /[\s\-_./:@,;(（「『、・：]/u;
/** Separators not worth keeping at the start of a kept tail ("…-Hosts" reads worse than "…Hosts"). */
const LEADING_SEPARATORS = /^[\s\-_./:@,;、・：]+/u;

/** The script expressions: each builds a large Unicode table, so they are made on first use. */
interface Scripts {
  readonly han: RegExp;
  readonly hiragana: RegExp;
  readonly katakana: RegExp;
}
/** Made by the first text cut, not at import: most invocations cut no text. */
let scripts: Scripts | undefined;

/*
 * What a scan for breaks needs to know of a character, packed in a few bits: whether a cut may come
 * before it (white space included), after it, and its script. Worked out with the expressions
 * above, once per code unit value (a table of 64 K bytes, filled as characters are met), since a
 * regular expression test per character made every shortened subject cost microseconds.
 */
const BEFORE = 1;
const AFTER = 2;
const SCRIPT_SHIFT = 2;
const OTHER = 0;
const HAN_SCRIPT = 1;
const HIRAGANA_SCRIPT = 2;
const KATAKANA_SCRIPT = 3;
/** ー, ・: either kana. */
const KANA_SCRIPT = 4;
/** Marks a filled entry of {@link unitClasses} (a class itself may be 0). */
const KNOWN = 0x80;

function scriptOf(char: string): number {
  scripts ??= {
    han: /\p{Script_Extensions=Han}/u,
    hiragana: /\p{Script_Extensions=Hiragana}/u,
    katakana: /\p{Script_Extensions=Katakana}/u,
  };
  const hira = scripts.hiragana.test(char);
  if (scripts.han.test(char) && !hira) return HAN_SCRIPT;
  const kata = scripts.katakana.test(char);
  if (hira && kata) return KANA_SCRIPT;
  if (hira) return HIRAGANA_SCRIPT;
  if (kata) return KATAKANA_SCRIPT;
  return OTHER;
}

function classify(char: string): number {
  return (
    (BREAK_BEFORE.test(char) ? BEFORE : 0) | (BREAK_AFTER.test(char) ? AFTER : 0) | (scriptOf(char) << SCRIPT_SHIFT)
  );
}

/** The class of each UTF-16 code unit value met so far, with {@link KNOWN} set; 0 for not yet. */
const unitClasses = new Uint8Array(0x10000);

/** The class of the character at `at` of `text`: `size` code units, the first being `code`. */
function classAt(text: string, at: number, size: number, code: number): number {
  if (size > 1) return classify(text.slice(at, at + size));
  const known = unitClasses[code]!;
  if (known !== 0) return known & ~KNOWN;
  const cls = classify(text[at]!);
  unitClasses[code] = cls | KNOWN;
  return cls;
}

const sameScript = (a: number, b: number) =>
  a === b ||
  (a === KANA_SCRIPT && (b === HIRAGANA_SCRIPT || b === KATAKANA_SCRIPT)) ||
  (b === KANA_SCRIPT && (a === HIRAGANA_SCRIPT || a === KATAKANA_SCRIPT));

/** True when a cut may fall between a character of class `previous` and one of class `next`. */
const breaksBetween = (previous: number, next: number) =>
  (next & BEFORE) !== 0 ||
  (previous & AFTER) !== 0 ||
  ((previous & BEFORE) === 0 && !sameScript(previous >> SCRIPT_SHIFT, next >> SCRIPT_SHIFT));

/** `text` without separators at its end (a loop: a regex anchored at the end backtracks quadratically). */
function trimSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && SEPARATOR.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * UTF-16 indices (0 < i < length) where `text` may be cut, in increasing order, starting the scan at
 * `from` and stopping after `count` points: callers look near the cut only, so a megabyte of text
 * costs no more than a line.
 */
export function cutPoints(text: string, from = 0, count = Number.POSITIVE_INFINITY): number[] {
  const points: number[] = [];
  let previous = -1;
  let index = from;
  // A negative `from` scans the whole text, still counting indices from `from`.
  for (let at = Math.max(0, from); at < text.length; ) {
    const code = text.charCodeAt(at);
    const size = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
    const cls = classAt(text, at, size, code);
    if (previous >= 0 && breaksBetween(previous, cls) && points.push(index) >= count) break;
    previous = cls;
    index += size;
    at += size;
  }
  return points;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** What {@link ellipsizeAtBoundary} does when no break fits. */
export type NoBreak = 'cut-word' | 'keep-first-word' | 'nothing';

/**
 * `text` shortened to at most `max` UTF-16 units at the last break that fits, ending in "…". When no
 * break fits: `cut-word` (the default) cuts at `max` (a single word longer than the whole line),
 * `keep-first-word` keeps the first word whole (the result is then longer than `max`), `nothing`
 * returns "". Never splits a surrogate pair.
 *
 * @example ellipsizeAtBoundary('terraform-apply-production-pipeline', 20) // "terraform-apply…"
 * @example ellipsizeAtBoundary('セキュリティグループが変更されました', 12) // "セキュリティグループが…"
 */
export function ellipsizeAtBoundary(text: string, max: number, noBreak: NoBreak = 'cut-word'): string {
  if (text.length <= max) return text;
  const point = cutPoints(text.slice(0, Math.max(0, max)))
    .filter((p) => p + 1 <= max)
    .at(-1);
  // A shorter prefix of an all-separator head is all separators too: one try is enough.
  const head = point === undefined ? '' : trimSeparators(text.slice(0, point));
  if (head) return `${head}…`;
  if (noBreak === 'nothing') return '';
  if (noBreak === 'keep-first-word') {
    const [first] = cutPoints(text, 0, 1);
    return first === undefined ? text : `${text.slice(0, first)}…`;
  }
  return max <= 0 ? '' : `${text.slice(0, safeCut(text, max - 1))}…`;
}

/**
 * `text` shortened to at most `max` UTF-16 units by cutting its middle at breaks, so its start and
 * its end (an alarm's "… is in ALARM") both stay. Falls back to {@link ellipsizeAtBoundary} when
 * the text has too few breaks.
 *
 * @example ellipsizeMiddleAtBoundary('awsapplicationelb-prod-web-tg-High-Unhealthy-Hosts is in ALARM', 40)
 * // "awsapplicationelb-prod…is in ALARM"
 */
export function ellipsizeMiddleAtBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  const budget = max - 1;
  const half = Math.ceil(budget / 2);
  const head = cutPoints(text.slice(0, half + 1)).at(-1);
  if (head === undefined) return ellipsizeAtBoundary(text, max);
  const start = trimSeparators(text.slice(0, head));
  // A point at `from` itself is not reported (no character before it in the scan): start one early.
  const from = Math.max(head, text.length - (budget - start.length) - 1);
  const tailStart = cutPoints(text, from).find((p) => text.length - p <= budget - start.length);
  if (tailStart === undefined) return ellipsizeAtBoundary(text, max);
  return `${start}…${text.slice(tailStart).replace(LEADING_SEPARATORS, '')}`;
}
