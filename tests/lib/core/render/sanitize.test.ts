import { describe, expect, it } from 'vitest';
import { multiLine, oneLine } from '../../../../src/lib/core/render/sanitize';

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
});
