/*
 * The JSON text of a value written as a JSON string, in one pass: what `JSON.stringify(
 * JSON.stringify(value))` returns, without building the inner text only to escape it again. The SNS
 * publish embeds the Notification's JSON this way in its `lambda` and `sqs` bodies.
 *
 * Escaping is per character, so the escaped text of an object is the escaped text of its pieces:
 * a string JSON needs no escape in (most values: no `"`, `\`, control character or surrogate) is
 * written as `\"value\"`, any other through JSON.stringify twice. Keys come in for…in order, which
 * for plain objects is JSON.stringify's (Object.keys order: integer keys, then insertion order).
 *
 * The text is a rope of pieces (V8 joins long strings lazily) that is flattened once before use, at
 * a cost per piece; so the punctuation around a string value is not a piece of its own: a string's
 * closing `\"` goes with the `,\"key\":\"` after it (one cached piece), and the value itself is
 * the only other piece a string field adds. A list of label/value pairs (a notification's fields
 * and links) goes further: each pair is one cached piece (the end of the pair before it, its
 * label, up to the opening of its value) and its value.
 */

/**
 * A character JSON.stringify escapes (`"`, `\`, U+0000..U+001F), or any surrogate (a lone one is
 * escaped; pairs take the slow path): anything but U+0020..U+D7FF and U+E000..U+FFFF without `"`
 * (U+0022) and `\` (U+005C). One character class: irregexp scans it faster than an alternation.
 */
const escapedInJson = /[^\x20\x21\x23-\x5b\x5d-\ud7ff\ue000-\uffff]/;
/** {@link escapedInJson} but for \n: multi-line text (a summary, a field's value) often needs no other escape. */
const escapedInJsonBesidesLineBreaks = /[^\n\x20\x21\x23-\x5b\x5d-\ud7ff\ue000-\uffff]/;

/** Thrown at what plain data does not hold (a Date, toJSON, a function, a BigInt): the caller falls back. */
const NOT_PLAIN = Symbol('not plain data');

/** Bound of {@link keyCache}: a notification has a few dozen distinct keys. */
const KEY_CACHE_MAX = 256;

/**
 * What a member of an object or array starts with, by what came before it and what it is:
 * {@link FIRST} or after a value that is not a string, or after a string (whose closing `\"` is
 * written here); then `+ STRING_VALUE` when the value is a string (its opening `\"` written here).
 */
const FIRST = 0;
const AFTER_VALUE = 2;
const AFTER_STRING = 4;
const STRING_VALUE = 1;
/** In a list, after a pair (see {@link pairText}): its closing `\"}` is written by what comes next. */
const AFTER_PAIR = 6;
/** The eight starts of an array item (see {@link FIRST} and {@link AFTER_PAIR}). */
const ITEM_STARTS = ['', '\\"', ',', ',\\"', '\\",', '\\",\\"', '\\"},', '\\"},\\"'];
/** What a list item starts with before its own text, by what came before it (see {@link ITEM_STARTS}). */
const ITEM_LEADS = ['', '', ',', '', '\\",', '', '\\"},'];

/** The six starts of each key (see {@link FIRST}): `\"title\":`, `,\"title\":\"`, `\",\"title\":\"`… */
const keyCache = new Map<string, readonly string[]>();

/** The starts of a pair as a list item, by what came before it (see {@link ITEM_LEADS}). */
interface PairStarts {
  /** The pair's keys: a first value (a label) may come with others. */
  readonly first: string;
  readonly second: string;
  readonly starts: readonly string[];
}

/** {@link PairStarts} by the pair's first value. */
const pairCache = new Map<string, PairStarts>();

/**
 * A pair's first value (a label) is cached with its starts when this short. Labels are a source's
 * own words ("Threshold", "Reason"), a few hundred across sources and locales.
 */
const PAIR_FIRST_MAX_CHARS = 64;
/** Bound of {@link pairCache}. */
const PAIR_CACHE_MAX = 1024;

/**
 * `JSON.stringify(JSON.stringify(value))`, the same bytes, in one pass for plain data (what
 * JSON.parse or object and array literals of strings, numbers, booleans and null make); anything
 * else goes through JSON.stringify itself.
 *
 * @example embeddedJson({ a: 'b' }) // "\"{\\\"a\\\":\\\"b\\\"}\""
 */
export function embeddedJson(value: unknown): string {
  try {
    return typeof value === 'string' ? `"\\"${escapedString(value)}\\""` : `"${escaped(value)}"`;
  } catch {
    return JSON.stringify(JSON.stringify(value));
  }
}

/** The escaped JSON of a value other than a string (strings are written by their container). */
function escaped(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return escapedArray(value);
      return escapedObject(value);
    default:
      throw NOT_PLAIN;
  }
}

/** A string's JSON text without its quotes, escaped again (so \n is \\n). */
function escapedString(s: string): string {
  if (!escapedInJson.test(s)) return s;
  // A line break is \n in JSON, \\n written again as a string.
  if (!escapedInJsonBesidesLineBreaks.test(s)) return s.replaceAll('\n', '\\\\n');
  return JSON.stringify(JSON.stringify(s)).slice(3, -3);
}

/**
 * `JSON.stringify(s)` for a string: text whose only character JSON escapes is \n (most emails) is
 * written by replacing its line breaks, without JSON's scan of every character for escapes.
 *
 * @example jsonString('a\nb') // "\"a\\nb\""
 */
export function jsonString(s: string): string {
  return `"${jsonStringText(s)}"`;
}

/**
 * {@link jsonString} without its quotes: `s` itself when JSON escapes nothing in it (most
 * subjects), without copying it into quotes only to slice them off.
 *
 * @example jsonStringText('a "b"') // 'a \\"b\\"'
 */
export function jsonStringText(s: string): string {
  if (!escapedInJson.test(s)) return s;
  return escapedInJsonBesidesLineBreaks.test(s) ? JSON.stringify(s).slice(1, -1) : s.replaceAll('\n', '\\n');
}

function escapedArray(list: readonly unknown[]): string {
  if (Object.getPrototypeOf(list) !== Array.prototype) throw NOT_PLAIN;
  let out = '[';
  let after = FIRST;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const pair = pairText(item, after);
    if (pair !== undefined) {
      out += pair;
      after = AFTER_PAIR;
    } else if (typeof item === 'string') {
      out += ITEM_STARTS[after + STRING_VALUE]! + escapedString(item);
      after = AFTER_STRING;
    } else {
      // JSON writes a missing item (undefined, a function, a symbol) as null.
      const text =
        item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : escaped(item);
      out += ITEM_STARTS[after]! + text;
      after = AFTER_VALUE;
    }
  }
  return after === AFTER_STRING ? `${out}\\"]` : after === AFTER_PAIR ? `${out}\\"}]` : `${out}]`;
}

/**
 * A list item that is a pair, written after `after` but for its closing `\"}` (written by what
 * comes next): one cached piece (up to its second value's opening `\"`) and its second value.
 * `undefined` for an item that is not a pair: a plain object of exactly two members, both strings,
 * the first short (see {@link PAIR_FIRST_MAX_CHARS}), as `{ label, value }` and `{ label, url }`.
 */
function pairText(item: unknown, after: number): string | undefined {
  if (typeof item !== 'object' || item === null || Object.getPrototypeOf(item) !== Object.prototype) return;
  const record = item as Record<string, unknown>;
  // Each member read once, as the general writer does.
  let firstKey: string | undefined;
  let secondKey: string | undefined;
  let label = '';
  let value = '';
  for (const key in record) {
    const member = record[key];
    if (secondKey !== undefined || typeof member !== 'string') return;
    if (firstKey === undefined) {
      firstKey = key;
      label = member;
    } else {
      secondKey = key;
      value = member;
    }
  }
  if (firstKey === undefined || secondKey === undefined || label.length > PAIR_FIRST_MAX_CHARS) return;
  let pair = pairCache.get(label);
  if (pair === undefined || pair.first !== firstKey || pair.second !== secondKey) {
    const text = `{${keyStarts(firstKey)[FIRST + STRING_VALUE]}${escapedString(label)}${keyStarts(secondKey)[AFTER_STRING + STRING_VALUE]}`;
    // Each start made flat now: it is copied into every text it starts.
    pair = { first: firstKey, second: secondKey, starts: ITEM_LEADS.map((lead) => flat(lead + text)) };
    if (pairCache.size < PAIR_CACHE_MAX || pairCache.has(label)) pairCache.set(label, pair);
  }
  return pair.starts[after]! + escapedString(value);
}

/** `s` made one flat string (a rope is flattened on its first read). */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

function escapedObject(object: object): string {
  if (Object.getPrototypeOf(object) !== Object.prototype) throw NOT_PLAIN;
  const record = object as Record<string, unknown>;
  let out = '{';
  let after = FIRST;
  for (const key in record) {
    const item = record[key];
    // JSON leaves out a key whose value is undefined or a symbol; a function may be a toJSON.
    if (item === undefined || typeof item === 'symbol') continue;
    if (typeof item === 'string') {
      out += keyStarts(key)[after + STRING_VALUE]! + escapedString(item);
      after = AFTER_STRING;
    } else {
      out += keyStarts(key)[after]! + escaped(item);
      after = AFTER_VALUE;
    }
  }
  return after === AFTER_STRING ? `${out}\\"}` : `${out}}`;
}

/** The six starts of a member with this key (see {@link FIRST}). */
function keyStarts(key: string): readonly string[] {
  let starts = keyCache.get(key);
  if (starts === undefined) {
    const text = `\\"${escapedString(key)}\\":`;
    starts = ITEM_STARTS.slice(0, AFTER_PAIR).map((_, i) => {
      const before = i >= AFTER_STRING ? '\\",' : i >= AFTER_VALUE ? ',' : '';
      return before + text + (i % 2 === STRING_VALUE ? '\\"' : '');
    });
    if (keyCache.size < KEY_CACHE_MAX) keyCache.set(key, starts);
  }
  return starts;
}
