import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/lib/core/numbers';

describe('formatNumber without Intl', () => {
  it('writes what Intl writes, in both locales, for any finite number and up to 6 decimals', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e15, max: 1e15, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
          fc.constantFrom(0.125, 2.5, -2.5, 0.0005, -0.0004, 999.995, 1234.5678, 99.50160229693434),
        ),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('en' as const, 'ja' as const),
        (value, digits, locale) => {
          const viaIntl = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
            maximumFractionDigits: digits,
          }).format(value);
          expect(formatNumber(value, locale, digits)).toBe(viaIntl);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
