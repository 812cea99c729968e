import { describe, expect, it } from 'vitest';
import { inLine, isPlainChar, multiLine, oneLine } from '../../../../src/lib/core/render/sanitize';
import { displayWidth } from '../../../../src/lib/core/render/text-width';

describe('render: sanitize', () => {
  it.each([
    ['CRLF and LF', 'a\r\nb\nc', 'a b c'],
    ['runs of spaces and tabs', '  a \t\t b  ', 'a b'],
    ['bell and escape sequences', 'a\u0007b\u001b[31mred', 'a b [31mred'],
    ['Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
    ['a right-to-left override', 'evil\u202Etxt.exe', 'evil txt.exe'],
    ['a lone surrogate', 'a\ud800b', 'a b'],
    ['only whitespace', ' \n\t ', ''],
  ])('oneLine flattens %s', (_, input, expected) => {
    expect(oneLine(input)).toBe(expected);
  });

  it.each([
    ['CRLF and CR to LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['tabs to two spaces', 'a\tb', 'a  b'],
    ['control characters dropped', 'a\u0000b\u0007c', 'abc'],
    ['trailing spaces and blank ends trimmed', '\n\na  \nb\n\n', 'a\nb'],
    ['bidi overrides dropped', 'a\u202Eb', 'ab'],
    ['Japanese kept', '日本語\n二行目', '日本語\n二行目'],
  ])('multiLine keeps lines: %s', (_, input, expected) => {
    expect(multiLine(input)).toBe(expected);
  });

  it('treats as plain only characters that neither the one-line nor the multi-line cleaning would touch', () => {
    // The fast paths skip the regexes for text of plain characters: every one must be a no-op for them.
    const unsafeInLine = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|\s/u;
    const unsafeInText = /(?!\n)\p{Cc}|[\u202a-\u202e\u2066-\u2069]|\p{Cs}|[\r\u2028\u2029\u0085\t]/u;
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const char = String.fromCharCode(c);
      if (isPlainChar(c) && (unsafeInLine.test(char) || unsafeInText.test(char))) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['plain ASCII', 'web-alarm on i-0abc'],
    ['Japanese', 'アラーム状態 東京リージョン（失敗: AccessDenied）'],
    ['two spaces', 'a  b'],
    ['a trailing space per line', 'a \nb  \n\n'],
    ['no-break spaces', 'a\u00a0\u00a0b\u00a0\nc'],
    ['an ideographic space', 'a\u3000b'],
    ['a soft hyphen', 'a\u00adb'],
  ])('gives the same text by the fast path as by the regexes (%s)', (_, text) => {
    const slowInLine = text.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/g, ' ');
    expect(inLine(text)).toBe(slowInLine);
    expect(multiLine(`x${text}`)).toBe(multiLine(`x${text}\u0007`));
  });

  it.each([
    ['', 0],
    ['abc', 3],
    ['日本語', 6],
    ['a😀b', 4],
    ['lone \ud800 surrogate', 16],
  ])('measures %j as %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
