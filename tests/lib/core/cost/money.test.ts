import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apportion,
  formatDecimalMoney,
  formatMoney,
  minorDigits,
  PLAIN_CURRENCIES,
  parseExact,
  toMinor,
} from '../../../../src/lib/core/cost/money';

describe('cost: money', () => {
  it.each([
    ['0.59', 5_900_000_000n],
    ['40.3527508453', 403_527_508_453n],
    ['0.0000462902', 462_902n],
    ['1.11254067343557', 11_125_406_734n],
    ['-0.01', -100_000_000n],
    ['1e-7', 1_000n],
    ['.5', 5_000_000_000n],
    ['0', 0n],
  ])('reads %s exactly at 10 decimals', (text, exact) => {
    expect(parseExact(text)).toBe(exact);
  });

  it.each(['', 'abc', '1.2.3', '$1'])('rejects %j', (text) => {
    expect(parseExact(text)).toBeUndefined();
  });

  it('knows minor units per currency', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
  });

  it('rounds half up to minor units', () => {
    expect(toMinor(parseExact('0.005')!, 'USD')).toBe(1);
    expect(toMinor(parseExact('0.0049999999')!, 'USD')).toBe(0);
    expect(toMinor(parseExact('1234.5')!, 'JPY')).toBe(1235);
  });

  it('gives lost cents to the parts that lost most, so parts add up to the rounded total', () => {
    const parts = ['0.004', '0.004', '0.004'].map((s) => parseExact(s)!);
    expect(apportion(parts, 'USD')).toEqual([1, 0, 0]);
  });

  it('keeps the sum of apportioned parts equal to the rounded exact total (property)', () => {
    const amount = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 40 }), fc.constantFrom('USD', 'JPY', 'EUR'), (parts, currency) => {
        const minor = apportion(parts, currency);
        const total = parts.reduce((a, b) => a + b, 0n);
        expect(minor.reduce((a, b) => a + b, 0)).toBe(toMinor(total, currency));
        expect(minor).toHaveLength(parts.length);
      }),
    );
  });

  it.each([
    [123456, 'USD', 'en', '$1,234.56'],
    [123456, 'USD', 'ja', '$1,234.56'],
    [1235, 'JPY', 'ja', '￥1,235'],
    [1235, 'JPY', 'en', '¥1,235'],
  ] as const)('formats %d %s in %s as %s', (minor, currency, locale, text) => {
    expect(formatMoney(minor, currency, locale)).toBe(text);
  });

  it('keeps the digits AWS gave when formatting a decimal string', () => {
    expect(formatDecimalMoney('0.5', 'USD', 'en')).toBe('$0.50');
    expect(formatDecimalMoney('0.001', 'USD', 'en')).toBe('$0.001');
  });

  describe('currencies written without Intl', () => {
    const intlLocale = { en: 'en-US', ja: 'ja-JP' } as const;
    const currencies = Object.keys(PLAIN_CURRENCIES);

    it.each(currencies)('%s has the minor digits Intl gives it', (currency) => {
      const viaIntl = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions();
      expect(minorDigits(currency)).toBe(viaIntl.maximumFractionDigits);
    });

    it('formatMoney writes what Intl writes, in both locales, for any amount of minor units', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(0, 1, -1, 99, -100, 123456789)),
          fc.constantFrom(...currencies),
          fc.constantFrom('en' as const, 'ja' as const),
          (minor, currency, locale) => {
            const digits = minorDigits(currency);
            const viaIntl = new Intl.NumberFormat(intlLocale[locale], {
              style: 'currency',
              currency,
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
            }).format(minor / 10 ** digits);
            expect(formatMoney(minor, currency, locale)).toBe(viaIntl);
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('formatDecimalMoney writes what Intl writes, in both locales, for any decimal AWS may send', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String),
            fc.integer({ min: -1e12, max: 1e12 }).map((n) => (n / 1e6).toFixed(6)),
            fc.constantFrom('0.5', '0.001', '-0.004', '999.995', '0.0000462902', '40.3527508453', '1e-7', '-0'),
          ),
          fc.constantFrom(...currencies),
          fc.constantFrom('en' as const, 'ja' as const),
          (value, currency, locale) => {
            const min = minorDigits(currency);
            const max = Math.min(20, Math.max(min, value.split('.')[1]?.length ?? 0));
            const viaIntl = new Intl.NumberFormat(intlLocale[locale], {
              style: 'currency',
              currency,
              minimumFractionDigits: min,
              maximumFractionDigits: max,
            }).format(Number(value));
            expect(formatDecimalMoney(value, currency, locale)).toBe(viaIntl);
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});
