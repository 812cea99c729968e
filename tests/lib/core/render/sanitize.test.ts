import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inLine,
  isPlainChar,
  multiLine,
  oneLine,
  untouchedByMultiLine,
  untouchedByOneLine,
} from '../../../../src/lib/core/render/sanitize';
import { displayWidth } from '../../../../src/lib/core/render/text-width';

/**
 * Units chosen to hit every branch: plain ASCII, Latin, kana, arrows, emoji (a surrogate pair),
 * spaces of every kind, line breaks, tabs, controls, bidi overrides, a soft hyphen, lone surrogates.
 */
const mixedUnit = fc.constantFrom(
  ...['a', 'Z', '9', '-', '&', '<', 'é', '·', 'ア', '東', '→', '…', 'ℹ', '\ufe0f', '🔴', '😀', '✅'],
  ...[' ', ' ', '\n', '\n', '\r', '\r\n', '\t', '\u00a0', '\u3000', '\u2028', '\u2029', '\u0085'],
  ...['\u0000', '\u0007', '\u001b', '\u007f', '\u009b', '\u202e', '\u2066', '\u200b', '\u00ad', '\ud800', '\udc00'],
);
/** Plain characters, spaces, line breaks and the characters Slack escapes. */
const plainUnit = fc.constantFrom('a', '-', 'é', 'ア', '→', '🔴', ' ', '\n', '&', '<', '>');

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

  it('treats as plain only astral characters that neither cleaning would touch (the emoji blocks)', () => {
    const unsafe = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|\s/u;
    const wrong: string[] = [];
    let plain = 0;
    for (let c = 0x10000; c <= 0x10ffff; c++) {
      if (!isPlainChar(c)) continue;
      plain++;
      if (unsafe.test(String.fromCodePoint(c))) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(plain).toBeGreaterThan(0);
  });

  it.each([
    ['emoji', '🔴 [CRITICAL] web ℹ️ ✅ ⚠️'],
    ['arrows and punctuation', 'OK → ALARM … • “quoted” ‘x’ – —'],
    ['a line ending in a space', 'a \nb'],
    ['blank ends', '\na\n'],
    ['a trailing space', 'a '],
  ])('gives the same text by the fast path as by the regexes (%s)', (_, text) => {
    expect(inLine(text)).toBe(referenceInLine(text));
    expect(multiLine(text)).toBe(referenceMultiLine(text));
  });

  it('gives the same text as the regexes alone for any mix of plain, space, break and unsafe characters', () => {
    fc.assert(
      fc.property(fc.array(mixedUnit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        expect(inLine(text)).toBe(referenceInLine(text));
        expect(oneLine(text)).toBe(referenceInLine(text).trim());
        expect(multiLine(text)).toBe(referenceMultiLine(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('says a text is untouched only when cleaning leaves it as it is and it holds none of the unwanted characters', () => {
    const byMultiLine = untouchedByMultiLine('&<>');
    const byOneLine = untouchedByOneLine('&<>');
    let untouched = 0;
    fc.assert(
      // Mostly characters the fast paths accept, so that many texts are untouched.
      fc.property(fc.array(fc.oneof({ arbitrary: plainUnit, weight: 4 }, mixedUnit), { maxLength: 12 }), (units) => {
        const text = units.join('');
        if (byMultiLine(text)) {
          untouched++;
          expect(multiLine(text)).toBe(text);
          expect(text).not.toMatch(/[&<>]/);
        }
        if (byOneLine(text)) {
          untouched++;
          expect(oneLine(text)).toBe(text);
          expect(text).not.toMatch(/[&<>]/);
        }
      }),
      { numRuns: 3_000 },
    );
    expect(untouched).toBeGreaterThan(0);
  });

  it.each(['&<>', '"\\\\'])(
    'says a text is untouched by multiLine, %s unwanted, exactly when it is plain, trimmed and without them',
    (unwanted) => {
      const untouched = untouchedByMultiLine(unwanted);
      const isUnwanted = (char: string) => unwanted.replaceAll('\\\\', '\\').includes(char);
      const unit = fc.oneof(plainUnit, mixedUnit, fc.constantFrom('"', '\\', '/', '[', '-', '|'));
      fc.assert(
        fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
          const text = units.join('');
          const plain = [...text].every((c) => c === '\n' || c === ' ' || isPlainChar(c.codePointAt(0)!));
          const expected = plain && multiLine(text) === text && ![...text].some(isUnwanted);
          expect(untouched(text)).toBe(expected);
        }),
        { numRuns: 3_000 },
      );
    },
  );

  it.each([
    ['web-alarm on i-0abc', true, true],
    ['🔴 [CRITICAL] OK → ALARM', true, true],
    ['two\nlines', true, false],
    ['R&D', false, false],
    [' lead', true, false],
    ['tail ', false, false],
    ['a  b', true, false],
    ['\u0007', false, false],
  ])('knows %j is untouched by multiLine (%s) and by oneLine (%s), & < > unwanted', (text, multi, one) => {
    expect(untouchedByMultiLine('&<>')(text)).toBe(multi);
    expect(untouchedByOneLine('&<>')(text)).toBe(one);
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

/** inLine by its regexes alone, without the fast path. */
function referenceInLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/g, ' ');
}

/** multiLine by its regexes alone, without the fast path. */
function referenceMultiLine(text: string): string {
  const clean = text
    .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, '  ')
    .replace(/(?!\n)\p{Cc}|[\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu, '');
  const lines = clean.split('\n').map((line) => line.replace(/[ \u00a0]+$/, ''));
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}
