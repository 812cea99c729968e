import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPoints } from '../../../../src/lib/core/render/word-cut';
import { anyText } from './notification-arbitrary';

/*
 * cutPoints classifies each character once per code unit value (a table) instead of testing
 * regular expressions at every character; the reference below is the per-character scan it replaced.
 */
const BREAK_BEFORE = /[\s\-_./:@,;(（「『、。・：]/u;
const BREAK_AFTER = /[)）」』、。,;]/u;
const SPACE = /\s/u;
const HAN = /\p{Script_Extensions=Han}/u;
const HIRAGANA = /\p{Script_Extensions=Hiragana}/u;
const KATAKANA = /\p{Script_Extensions=Katakana}/u;

function referenceScript(char: string): string {
  const hira = HIRAGANA.test(char);
  if (HAN.test(char) && !hira) return 'han';
  const kata = KATAKANA.test(char);
  if (hira && kata) return 'kana';
  if (hira) return 'hiragana';
  if (kata) return 'katakana';
  return 'other';
}

const sameScript = (a: string, b: string) =>
  a === b ||
  (a === 'kana' && (b === 'hiragana' || b === 'katakana')) ||
  (b === 'kana' && (a === 'hiragana' || a === 'katakana'));

function referenceCutPoints(text: string, from = 0, count = Number.POSITIVE_INFINITY): number[] {
  const points: number[] = [];
  let previous: string | undefined;
  let index = from;
  for (const char of from > 0 ? text.slice(from) : text) {
    if (previous !== undefined) {
      const breaks =
        BREAK_BEFORE.test(char) ||
        BREAK_AFTER.test(previous) ||
        (!SPACE.test(previous) &&
          !BREAK_BEFORE.test(previous) &&
          !sameScript(referenceScript(previous), referenceScript(char)));
      if (breaks && points.push(index) >= count) break;
    }
    previous = char;
    index += char.length;
  }
  return points;
}

/** Japanese of every script, separators of both widths, emoji and broken surrogates. */
const mixed = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '9',
    ' ',
    '-',
    '_',
    '.',
    '/',
    ':',
    '@',
    ',',
    ';',
    '(',
    ')',
    '\u3000',
    '\u00a0',
    '\t',
    '漢',
    '字',
    'ひ',
    'ら',
    'カ',
    'タ',
    'ー',
    '・',
    '、',
    '。',
    '（',
    '）',
    '「',
    '」',
    '：',
    '々',
    '〆',
    '😀',
    '𠮷',
    '\ud800',
    '\udc00',
  ),
  maxLength: 60,
});

describe('render: cut points', () => {
  it('are those of the per-character reference scan, from any start, up to any count', () => {
    fc.assert(
      fc.property(
        fc.oneof(mixed, anyText),
        fc.integer({ min: -3, max: 70 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        (text, from, count) => {
          expect(cutPoints(text, from, count)).toEqual(referenceCutPoints(text, from, count));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it.each(['a', ' ', '-', ')', '漢', 'ひ', 'カ', 'ー'])(
    'break around every BMP code unit next to %j as the reference does',
    (neighbour) => {
      // Every code unit value between two neighbours: each is classified (its table entry filled) here.
      const all = Array.from({ length: 0x10000 }, (_, c) => neighbour + String.fromCharCode(c)).join('') + neighbour;
      for (let start = 0; start < all.length; start += 8192) {
        const chunk = all.slice(start, start + 8193);
        expect(cutPoints(chunk)).toEqual(referenceCutPoints(chunk));
      }
    },
  );
});
