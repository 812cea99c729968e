import { intlLocales, type Locale } from './locale';

/** Intl.NumberFormat is costly to build (tens of µs); one per locale and option set is kept. */
const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The one Intl.NumberFormat for `locale` and `options`, built once per container.
 * @throws RangeError as Intl does, e.g. for an unknown currency code.
 */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocales[locale], options);
    formatters.set(key, format);
  }
  return format;
}

/**
 * A number with the locale's separators and at most `maxFractionDigits` decimals; by default as
 * many as its size needs (99.50160229693434 → "99.5", 0.020599444741798756 → "0.0206",
 * 45628 → "45,628").
 *
 * @example formatNumber(1234.567, 'en', 2) // "1,234.57"
 */
export function formatNumber(value: number, locale: Locale, maxFractionDigits = digitsFor(value)): string {
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** Decimals a measured value needs to stay readable: 1 from 100 up, 2 from 1, else 4. */
function digitsFor(value: number): number {
  const size = Math.abs(value);
  return size >= 100 ? 1 : size >= 1 ? 2 : 4;
}
