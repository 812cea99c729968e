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

type Script = 'han' | 'hiragana' | 'katakana' | 'kana' | 'other';

const HAN = /\p{Script_Extensions=Han}/u;
const HIRAGANA = /\p{Script_Extensions=Hiragana}/u;
const KATAKANA = /\p{Script_Extensions=Katakana}/u;
const SPACE = /\s/u;

function scriptOf(char: string): Script {
  const hira = HIRAGANA.test(char);
  if (HAN.test(char) && !hira) return 'han';
  const kata = KATAKANA.test(char);
  if (hira && kata) return 'kana'; // ー, ・: either kana
  if (hira) return 'hiragana';
  if (kata) return 'katakana';
  return 'other';
}

const sameScript = (a: Script, b: Script) =>
  a === b ||
  (a === 'kana' && (b === 'hiragana' || b === 'katakana')) ||
  (b === 'kana' && (a === 'hiragana' || a === 'katakana'));

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
  let previous: string | undefined;
  let index = from;
  for (const char of from > 0 ? text.slice(from) : text) {
    if (previous !== undefined) {
      const breaks =
        BREAK_BEFORE.test(char) ||
        BREAK_AFTER.test(previous) ||
        (!SPACE.test(previous) && !BREAK_BEFORE.test(previous) && !sameScript(scriptOf(previous), scriptOf(char)));
      if (breaks && points.push(index) >= count) break;
    }
    previous = char;
    index += char.length;
  }
  return points;
}

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
