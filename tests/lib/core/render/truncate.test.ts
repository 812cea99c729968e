import { describe, expect, it } from 'vitest';
import { codePointLength, ellipsize, safeCut, truncateChars } from '../../../../src/lib/core/render/truncate';

const isWellFormed = (s: string) => !/\p{Cs}/u.test(s);

describe('render: truncate', () => {
  describe('truncateChars', () => {
    it.each([
      ['short text', 'hello', 10, 'hello'],
      ['text exactly at the limit', 'a'.repeat(50), 50, 'a'.repeat(50)],
      ['empty text', '', 0, ''],
    ])('leaves %s unchanged', (_, text, max, expected) => {
      expect(truncateChars(text, max, 'en')).toBe(expected);
    });

    it('says how many characters were left out, in English', () => {
      const out = truncateChars('a'.repeat(5_000), 100, 'en');
      expect(out).toHaveLength(100);
      expect(out).toMatch(/^a+… \(truncated, \d+ more characters\)$/);
      expect(Number(/(\d+)/.exec(out)![1]) + out.indexOf('…')).toBe(5_000);
    });

    it('says how many characters were left out, in Japanese', () => {
      const out = truncateChars('あ'.repeat(5_000), 100, 'ja');
      expect(out.length).toBeLessThanOrEqual(100);
      expect(out).toMatch(/^あ+…（以下 \d+ 文字省略）$/);
      const kept = out.indexOf('…');
      expect(Number(/(\d+)/.exec(out)![1]) + kept).toBe(5_000);
    });

    it('never cuts a surrogate pair (emoji)', () => {
      for (let max = 40; max < 60; max++) {
        const out = truncateChars('😀'.repeat(100), max, 'en');
        expect(out.length).toBeLessThanOrEqual(max);
        expect(isWellFormed(out)).toBe(true);
      }
    });

    it('falls back to a plain ellipsis when the marker would not fit', () => {
      expect(truncateChars('abcdefghij', 5, 'en')).toBe('abcd…');
    });

    it('lets the caller move the cut and count omitted characters', () => {
      const out = truncateChars('x'.repeat(100), 60, 'en', { backOff: () => 3, countOmitted: () => 7 });
      expect(out).toBe('xxx… (truncated, 7 more characters)');
    });
  });

  describe('helpers', () => {
    it.each([
      ['abc', 2, 2],
      ['a😀b', 2, 1],
      ['a😀b', 3, 3],
      ['a😀b', 0, 0],
      ['a😀b', 99, 4],
    ])('safeCut(%j, %i) = %i', (text, index, expected) => {
      expect(safeCut(text, index)).toBe(expected);
    });

    it('counts code points, not UTF-16 units', () => {
      expect(codePointLength('a😀あ')).toBe(3);
    });

    it('ellipsizes to the exact limit', () => {
      expect(ellipsize('abcdef', 4)).toBe('abc…');
      expect(ellipsize('abc', 4)).toBe('abc');
      expect(ellipsize('abc', 0)).toBe('');
    });
  });
});
