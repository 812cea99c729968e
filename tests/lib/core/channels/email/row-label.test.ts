import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../../helpers/fast-check-seed';
import { rowLabel } from '../../../../../src/lib/core/channels/email/row-label';
import { escapeQuotes } from '../../../../../src/lib/core/render/json-text';
import { oneLine } from '../../../../../src/lib/core/render/sanitize';
import { displayWidth } from '../../../../../src/lib/core/render/text-width';
import { anyText } from '../../render/notification-arbitrary';

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
  ])('knows %j', (label, known) => {
    expect(rowLabel(label)).toEqual(known);
  });

  it('gives what oneLine, displayWidth and escapeQuotes give, the first time and every time after', () => {
    fc.assert(
      fc.property(anyText, (label) => {
        expect(rowLabel(label)).toEqual(expected(label));
        expect(rowLabel(label)).toEqual(expected(label));
      }),
      { numRuns: 1_000 },
    );
  });
});
