import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLine } from '../../../../src/lib/core/render/join-line';
import { inLine, oneLine } from '../../../../src/lib/core/render/sanitize';
import { anyText } from './notification-arbitrary';

/** A piece as the subject builds them: a cleaned part, a word-cut of one ending in "…", or nothing. */
const piece = fc.oneof(
  anyText.map(inLine),
  anyText.map(oneLine),
  fc.tuple(anyText, fc.nat(), fc.nat()).map(([text, a, b]) => inLine(text).slice(Math.min(a, b), Math.max(a, b))),
  fc.tuple(anyText, fc.nat()).map(([text, end]) => `${oneLine(text).slice(0, end)}…`),
  fc.constantFrom('', ' ', ' by ', ' on ', ' failed: ', ' が ', '(', ')'),
);

describe('render: joining clean pieces into one line', () => {
  it('is oneLine of the joined pieces, for pieces that are each clean', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        expect(joinLine(pieces)).toBe(oneLine(pieces.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [['StopLogging', ' on trail ', '', ' by ', 'alice'], 'StopLogging on trail by alice'],
    [[' ', 'a', ' '], 'a'],
    [['', ''], ''],
    [['a  b'], 'a b'],
  ])('joins %j as %j', (pieces, line) => {
    expect(joinLine(pieces)).toBe(line);
  });
});
