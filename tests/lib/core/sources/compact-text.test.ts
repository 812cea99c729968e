import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactText } from '../../../../src/lib/core/sources/compact-text';

describe('sources: compactText, a string written anew in its narrowest form', () => {
  it('gives back the same text, whatever its characters (lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1100 }), (text) => {
        expect(compactText(text)).toBe(text);
      }),
    );
  });

  it('keeps ASCII read out of a two-byte JSON text, and text past its bound unchanged', () => {
    const parsed = JSON.parse('{"name":"prod-budget","note":"日本"}') as { name: string };
    expect(compactText(`budget:${parsed.name}`)).toBe('budget:prod-budget');
    const long = 'x'.repeat(5000);
    expect(compactText(long)).toBe(long);
  });
});
