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
  return (
    plainDecimal(value, maxFractionDigits) ??
    numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value)
  );
}

/** Char code of "0". */
const ZERO = 48;
/** Digits in a group between "," separators (en-US and ja-JP). */
const GROUP_SIZE = 3;

/** Adds one to a string of digits ("0999" → "1000"). */
function incremented(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

/**
 * What Intl writes for a plain decimal in both our locales (en-US and ja-JP group by three with ","
 * and use "."), written without Intl: building the first NumberFormat loads ICU data, a large part of
 * a CLI run and of a function's first invocation. Like Intl, it rounds the number's shortest
 * decimal form half away from zero, and keeps at least `minFractionDigits` decimals. Undefined for
 * what it does not cover (non-finite, -0, exponent forms), which Intl then writes.
 *
 * @example plainDecimal(1234.5, 2, 2) // "1,234.50"
 */
export function plainDecimal(value: number, maxFractionDigits: number, minFractionDigits = 0): string | undefined {
  if (!Number.isFinite(value) || Object.is(value, -0)) return undefined;
  if (!Number.isInteger(maxFractionDigits) || maxFractionDigits < 0 || maxFractionDigits > 20) return undefined;
  if (!Number.isInteger(minFractionDigits) || minFractionDigits < 0 || minFractionDigits > maxFractionDigits)
    return undefined;
  const shortest = String(Math.abs(value));
  if (shortest.includes('e')) return undefined;
  const dot = shortest.indexOf('.');
  const whole = dot < 0 ? shortest : shortest.slice(0, dot);
  const fraction = dot < 0 ? '' : shortest.slice(dot + 1);
  let kept = `${whole}${fraction.slice(0, maxFractionDigits).padEnd(maxFractionDigits, '0')}`;
  if ((fraction[maxFractionDigits] ?? '0') >= '5') kept = incremented(kept);
  const intPart = kept.slice(0, kept.length - maxFractionDigits) || '0';
  let end = kept.length;
  while (end > intPart.length && kept.charCodeAt(end - 1) === ZERO) end--;
  const digits = kept.slice(kept.length - maxFractionDigits, end).padEnd(minFractionDigits, '0');
  const grouped = intPart.length > GROUP_SIZE ? intPart.replace(/\B(?=(\d{3})+$)/g, ',') : intPart;
  const text = digits ? `${grouped}.${digits}` : grouped;
  // Intl keeps the sign of a negative value that rounds to zero ("-0").
  return value < 0 ? `-${text}` : text;
}

/** Decimals a measured value needs to stay readable: 1 from 100 up, 2 from 1, else 4. */
function digitsFor(value: number): number {
  const size = Math.abs(value);
  return size >= 100 ? 1 : size >= 1 ? 2 : 4;
}
