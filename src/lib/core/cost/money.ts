import type { Locale } from '../locale';
import { lookup } from '../lookup';
import { formatNumber, numberFormat, plainDecimal } from '../numbers';

/**
 * Decimal places kept exactly when adding Cost Explorer amounts ("0.0000462902" has 10). Sums are
 * exact at this scale; rounding to the currency's minor unit happens once, at the end.
 * @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_MetricValue.html
 */
export const EXACT_DECIMALS = 10;
const SCALE = 10n ** BigInt(EXACT_DECIMALS);

/** The currency Cost Explorer reports in when a response names none. */
export const DEFAULT_CURRENCY = 'USD';

const DECIMAL = /^\s*([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i;

/**
 * Parses a decimal string ("40.3527508453", "-0.01", "1e-7") into an exact integer count of
 * 10^-{@link EXACT_DECIMALS} units; digits past that scale are rounded half away from zero.
 * Returns undefined for anything that is not a finite decimal.
 *
 * @example parseExact('0.59') // 5_900_000_000n
 */
export function parseExact(text: string | number | undefined): bigint | undefined {
  if (text === undefined) return undefined;
  const m = DECIMAL.exec(typeof text === 'number' ? String(text) : text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole = '', frac = '', exp = '0'] = m;
  const shift = Number(exp);
  if (!Number.isSafeInteger(shift) || Math.abs(shift) > 60) return undefined;
  let digits = `${whole}${frac}` || '0';
  let point = whole.length + shift; // position of the decimal point inside `digits`
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  const padded = digits.padEnd(point + EXACT_DECIMALS + 1, '0');
  const kept = BigInt(padded.slice(0, point + EXACT_DECIMALS) || '0');
  const roundUp = Number(padded[point + EXACT_DECIMALS] ?? '0') >= 5 ? 1n : 0n;
  const value = kept + roundUp;
  return sign === '-' ? -value : value;
}

/**
 * Currencies written without Intl (building the first NumberFormat loads ICU data, milliseconds of
 * a function's first invocation): their minor digits per ISO 4217, and the symbol Intl puts before
 * the amount in each locale (en-US, ja-JP). Cost Explorer and Budgets report in USD. A test pins
 * every entry to Intl.
 * @see https://www.iso.org/iso-4217-currency-codes.html
 */
export const PLAIN_CURRENCIES: Readonly<Record<string, { digits: number; symbol: Record<Locale, string> }>> = {
  USD: { digits: 2, symbol: { en: '$', ja: '$' } },
  EUR: { digits: 2, symbol: { en: '€', ja: '€' } },
  JPY: { digits: 0, symbol: { en: '¥', ja: '￥' } },
};

/** Money as Intl writes it ("-$1,234.50"), for a currency in {@link PLAIN_CURRENCIES}; else undefined. */
function plainMoney(value: number, currency: string, locale: Locale, min: number, max: number): string | undefined {
  const plain = lookup(PLAIN_CURRENCIES, currency);
  const text = plain && plainDecimal(Math.abs(value), max, min);
  if (!plain || text === undefined || Object.is(value, -0)) return undefined;
  return `${value < 0 ? '-' : ''}${plain.symbol[locale]}${text}`;
}

/** Decimal places of a currency's minor unit per Intl (USD 2, JPY 0); 2 for an unknown code. */
export function minorDigits(currency: string): number {
  let digits = lookup(PLAIN_CURRENCIES, currency)?.digits ?? minorDigitsOf.get(currency);
  if (digits === undefined) {
    digits = readMinorDigits(currency);
    if (minorDigitsOf.size < MAX_CACHED_CURRENCIES) minorDigitsOf.set(currency, digits);
  }
  return digits;
}

/** Building an Intl.NumberFormat costs ~50 µs; a currency's digits never change. */
const minorDigitsOf = new Map<string, number>();
/** ISO 4217 has under 200 codes; an event inventing more cannot grow the cache without bound. */
const MAX_CACHED_CURRENCIES = 256;

function readMinorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const floorDiv = (a: bigint, b: bigint) => {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};

/** Rounds an exact amount to minor units (cents), half up. */
export function toMinor(exact: bigint, currency: string): number {
  const unit = SCALE / 10n ** BigInt(minorDigits(currency));
  return Number(floorDiv(exact * 2n + unit, unit * 2n));
}

/**
 * Rounds parts to minor units so they add up exactly to the rounded total (largest remainder):
 * each part is floored, then the cents lost go to the parts that lost most. A digest that lists
 * services and "Other" therefore always sums to the total it prints.
 *
 * @example apportion([333n, 333n, 334n].map(x => x * 10n ** 7n), 'USD') // [0, 0, 0] → total 0
 */
export function apportion(parts: readonly bigint[], currency: string): number[] {
  const unit = SCALE / 10n ** BigInt(minorDigits(currency));
  const floors = parts.map((p) => floorDiv(p, unit));
  const total = parts.reduce((a, b) => a + b, 0n);
  let extra = Number(floorDiv(total * 2n + unit, unit * 2n) - floors.reduce((a, b) => a + b, 0n));
  const order = parts
    .map((p, i) => ({ i, rest: p - (floors[i] ?? 0n) * unit }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  const result = floors.map(Number);
  for (const { i } of order) {
    if (extra <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    extra -= 1;
  }
  return result;
}

/** Converts an exact amount to a float, for ratios and sparklines only (never for money shown). */
export function exactToNumber(exact: bigint): number {
  return Number(exact) / Number(SCALE);
}

/**
 * Formats minor units as money for people, per locale and currency (`$1,234.56`, `¥1,235`).
 * An unknown currency code is shown as `1,234.56 XYZ`.
 */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const digits = minorDigits(currency);
  const value = minor / 10 ** digits;
  const plain = plainMoney(value, currency, locale, digits, digits);
  if (plain !== undefined) return plain;
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${formatNumber(value, locale, digits)} ${currency}`;
  }
}

/** Formats a ratio as a percentage with one decimal (`123.4%`); big ratios without decimals. */
export function formatPercent(percent: number, locale: Locale): string {
  const digits = Math.abs(percent) >= 1000 ? 0 : 1;
  return `${formatNumber(percent, locale, digits)}%`;
}

/**
 * Formats a decimal string as money without losing digits AWS gave ("0.5" → "$0.50",
 * "0.001" → "$0.001"): at least the currency's minor digits, at most what the string has.
 */
export function formatDecimalMoney(value: string, currency: string, locale: Locale): string {
  const min = minorDigits(currency);
  const decimals = Math.min(20, Math.max(min, value.split('.')[1]?.length ?? 0));
  const plain = plainMoney(Number(value), currency, locale, min, decimals);
  if (plain !== undefined) return plain;
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: min,
      maximumFractionDigits: decimals,
    }).format(Number(value));
  } catch {
    return `${value} ${currency}`;
  }
}
