import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../helpers/fast-check-seed';
import { escapeQuotes, jsonText } from '../../../../src/lib/core/render/json-text';
import { multiLine, oneLine } from '../../../../src/lib/core/render/sanitize';
import { anyText } from './notification-arbitrary';

/** Text with the characters JSON escapes, often: quotes, backslashes, line breaks, controls. */
const escapable = fc.oneof(
  anyText,
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', 'a', ' ', 'あ', '😀', '\ud800'),
    maxLength: 40,
  }),
);

describe('jsonText: cleaned text as JSON.stringify writes it between its quotes', () => {
  it.each([
    ['plain', 'plain'],
    ['say "hi"', 'say \\"hi\\"'],
    ['C:\\temp', 'C:\\\\temp'],
    ['two\nlines', 'two\\nlines'],
    ['', ''],
  ])('writes %j as %j', (clean, written) => {
    expect(jsonText(clean)).toBe(written);
  });

  it('writes any output of multiLine and oneLine as JSON.stringify does', () => {
    fc.assert(
      fc.property(escapable, (text) => {
        for (const clean of [multiLine(text), oneLine(text)])
          expect(jsonText(clean)).toBe(JSON.stringify(clean).slice(1, -1));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('escapeQuotes: cleaned text with quotes and backslashes escaped, line breaks kept', () => {
  it('is jsonText with its line breaks left as they are', () => {
    fc.assert(
      fc.property(escapable, (text) => {
        const clean = multiLine(text);
        expect(escapeQuotes(clean).split('\n')).toEqual(clean.split('\n').map(jsonText));
      }),
      { numRuns: 2_000 },
    );
  });
});
