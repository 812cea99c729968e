import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../../helpers/fast-check-seed';
import { labelHead, rowLabel } from '../../../../../src/lib/core/channels/email/row-label';
import { escapeQuotes } from '../../../../../src/lib/core/render/json-text';
import { oneLine } from '../../../../../src/lib/core/render/sanitize';
import { displayWidth } from '../../../../../src/lib/core/render/text-width';
import { anyText } from '../../render/notification-arbitrary';

const known = (label: string) => {
  const { text, width, json } = rowLabel(label);
  return { text, width, json };
};
const expected = (label: string) => {
  const text = oneLine(label);
  return { text, width: displayWidth(text), json: escapeQuotes(text) };
};

describe('rowLabel: a label cleaned, measured and escaped once', () => {
  it.each([
    [' Dedupe\tkey ', { text: 'Dedupe key', width: 10, json: 'Dedupe key' }],
    ['重複排除キー', { text: '重複排除キー', width: 12, json: '重複排除キー' }],
    ['say "hi" \\', { text: 'say "hi" \\', width: 10, json: 'say \\"hi\\" \\\\' }],
    ['', { text: '', width: 0, json: '' }],
  ])('knows %j', (label, written) => {
    expect(known(label)).toEqual(written);
  });

  it('gives what oneLine, displayWidth and escapeQuotes give, the first time and every time after', () => {
    fc.assert(
      fc.property(anyText, (label) => {
        expect(known(label)).toEqual(expected(label));
        expect(known(label)).toEqual(expected(label));
      }),
      { numRuns: 1_000 },
    );
  });

  it('starts a row with the label and its colon padded to the column, then a space; blanks without a label', () => {
    expect(labelHead(rowLabel('Region'), 12, false)).toBe('Region:     ');
    expect(labelHead(rowLabel('Region'), 12, false)).toBe('Region:     ');
    expect(labelHead(rowLabel('a "q"'), 7, true)).toBe('a \\"q\\": ');
    expect(labelHead(rowLabel('リージョン'), 12, false)).toBe('リージョン: ');
    expect(labelHead(rowLabel('a-label-wider-than-the-column'), 22, false)).toBe('a-label-wider-than-the-column: ');
    expect(labelHead(rowLabel(''), 5, true)).toBe('     ');
  });

  it('starts a later row with the line break before it, written as the body is', () => {
    expect(labelHead(rowLabel('Region'), 12, false, true)).toBe('\nRegion:     ');
    expect(labelHead(rowLabel('Region'), 12, true, true)).toBe('\\nRegion:     ');
    expect(labelHead(rowLabel('Region'), 12, false)).toBe('Region:     ');
    expect(labelHead(rowLabel(''), 3, false, true)).toBe('\n   ');
  });
});
