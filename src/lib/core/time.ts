import { parseInstant } from './instant';
import { intlLocales, type Locale } from './locale';
import { shiftedClock, zonedClock } from './zone-clock';

/**
 * True when `zone` is an IANA time zone this runtime knows (e.g. "Asia/Tokyo", "UTC").
 */
export function isValidTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats an instant as `YYYY-MM-DD HH:mm:ss ZONE` in the given IANA time zone, ZONE being the
 * locale's short zone name (e.g. "JST" in Japanese, "GMT+9" in English; "UTC" for UTC).
 * Returns the input unchanged when it is not a valid date, so a bad timestamp is shown, not lost.
 *
 * @example formatInstant('2019-10-02T17:04:40Z', 'Asia/Tokyo', 'ja') // "2019-10-03 02:04:40 JST"
 */
export function formatInstant(iso: string | Date, timeZone: string, locale: Locale): string {
  // Most instants are canonical ISO text, read by digits, and none needs a Date.
  const ms = typeof iso !== 'string' ? iso.getTime() : parseInstant(iso);
  if (Number.isNaN(ms)) return String(iso);
  if (timeZone === 'UTC') {
    // The same text Intl gives in both locales, without loading time-zone data (a CLI run's cost).
    const clock = shiftedClock(ms, 0);
    if (clock !== undefined) return `${clock} UTC`;
  }
  // The locale's own formatter gives the clock (Latin digits in both locales) and the zone name
  // ("JST", "GMT+9"); zonedClock reads it once per zone and hour, not per instant.
  const { clock, zoneName } = zonedClock(ms, dateTimeFormat(intlLocales[locale], timeZone, CLOCK_AND_ZONE));
  return `${clock} ${zoneName ?? timeZone}`;
}

const CLOCK_PARTS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};
const ZONE_NAME: Intl.DateTimeFormatOptions = { timeZoneName: 'short' };
const CLOCK_AND_ZONE: Intl.DateTimeFormatOptions = { ...CLOCK_PARTS, ...ZONE_NAME };
const LONG_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/** Intl.DateTimeFormat costs ~100 µs to build; one per locale, zone and option set is kept. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The format the last call returned and what it was asked for: a run formats in one locale and zone,
 * so this skips building the cache key (a string concatenation and a Map lookup) on almost every call.
 */
let lastFormat:
  | { locale: string; timeZone: string; options: Intl.DateTimeFormatOptions; format: Intl.DateTimeFormat }
  | undefined;

function dateTimeFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const last = lastFormat;
  if (last !== undefined && last.options === options && last.locale === locale && last.timeZone === timeZone) {
    return last.format;
  }
  const kind =
    options === ZONE_NAME
      ? 'zone'
      : options === LONG_DATE
        ? 'date'
        : options === CLOCK_AND_ZONE
          ? 'clock+zone'
          : 'clock';
  const key = `${locale}|${timeZone}|${kind}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    dateTimeFormats.set(key, format);
  }
  lastFormat = { locale, timeZone, options, format };
  return format;
}

/**
 * A calendar date (`YYYY-MM-DD`, a day with no time of day, so no zone shifts it) in the locale's
 * long form: "September 26, 2022", "2022年9月26日".
 *
 * @example formatCalendarDate('2022-09-26', 'ja') // "2022年9月26日"
 */
export function formatCalendarDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const year = date.getUTCFullYear();
  // The text Intl gives, without building a DateTimeFormat (ICU data: milliseconds of a first call).
  if (year >= 1000 && year <= 9999) return LONG_DATE_TEXT[locale](year, date.getUTCMonth(), date.getUTCDate());
  return dateTimeFormat(intlLocales[locale], 'UTC', LONG_DATE).format(date);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** {@link LONG_DATE} as en-US and ja-JP write it; `month` counts from 0, as Date's does. */
const LONG_DATE_TEXT: Record<Locale, (year: number, month: number, day: number) => string> = {
  en: (year, month, day) => `${MONTH_NAMES[month]} ${day}, ${year}`,
  ja: (year, month, day) => `${year}年${month + 1}月${day}日`,
};

const durationUnits = {
  en: { d: ' d', h: ' h', m: ' min', s: ' s', sep: ' ' },
  ja: { d: '日', h: '時間', m: '分', s: '秒', sep: '' },
} as const;

/** The units of {@link formatDuration}, largest first, with their size in seconds. */
const DURATION_UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
] as const;

/**
 * Formats a non-negative duration for people, keeping the two most significant units
 * (e.g. "1 h 23 min", "2 d 3 h", "45 s"; Japanese "1時間23分"): the largest unit that is not
 * zero and the one after it, a zero one left out. Negative durations (clock skew) are shown as 0 s.
 * Written as one pass with no arrays: alarms format several durations each.
 */
export function formatDuration(milliseconds: number, locale: Locale): string {
  const u = durationUnits[locale];
  let seconds = Math.max(0, Math.round(milliseconds / 1000));
  let text = '';
  let considered = 0;
  for (const [unit, size] of DURATION_UNITS) {
    const n = Math.floor(seconds / size);
    seconds -= n * size;
    // Units before the first that is not zero are not counted (NaN counts, as it is not zero).
    if (considered === 0 && n === 0) continue;
    considered += 1;
    if (n > 0) text += `${text ? u.sep : ''}${n}${u[unit]}`;
    if (considered === 2) break;
  }
  return text || `0${u.s}`;
}
