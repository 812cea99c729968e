/*
 * A zone's wall clock for an instant, as Intl writes it, without an Intl call per instant:
 * formatToParts costs microseconds a call, and every notification shows several instants. A zone's
 * offset from UTC (and its short name) changes only at a transition, a few times a year at most;
 * so they are read from Intl once per zone and hour, at both ends of the hour, and the instants in
 * between are plain UTC arithmetic. An hour whose two ends disagree (a transition inside it) is
 * not cached: each of its instants goes to Intl, as before.
 */

/** The hour an offset is read for: no zone has two transitions an hour apart. */
const BUCKET_MS = 3_600_000;

/** Buckets kept per formatter before the cache is emptied (a year of hours is ~8,800). */
const MAX_BUCKETS = 4_096;

/** A zone's offset from UTC and short name for one bucket. */
interface ZoneSpan {
  readonly offsetMs: number;
  readonly zoneName: string;
}

/** The clock as `YYYY-MM-DD HH:mm:ss`, and the zone's short name, of one instant. */
export interface ZonedClock {
  readonly clock: string;
  readonly zoneName: string | undefined;
}

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function partsOf(format: Intl.DateTimeFormat, ms: number): Parts {
  const values: Parts = {};
  for (const { type, value } of format.formatToParts(ms)) values[type] = value;
  return values;
}

const clockOf = (p: Parts) =>
  `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''} ${p.hour ?? ''}:${p.minute ?? ''}:${p.second ?? ''}`;

/** Four Latin digits for a year, two for the rest: what the fast path writes (others go to Intl). */
const isPlain = (p: Parts) =>
  /^\d{4}$/.test(p.year ?? '') &&
  [p.month, p.day, p.hour, p.minute, p.second].every((v) => v !== undefined && /^\d\d$/.test(v));

/** Milliseconds the wall clock in `p` is ahead of UTC at `ms` (whole seconds, as zone offsets are). */
function offsetOf(p: Parts, ms: number): number {
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  // Date.UTC maps years 0–99 to 1900–1999; isPlain keeps only four-digit years, so never here.
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The span of the bucket starting at `start`, or undefined when its two ends differ or Intl's text is unusual. */
function spanOf(format: Intl.DateTimeFormat, start: number): ZoneSpan | undefined {
  const first = partsOf(format, start);
  const last = partsOf(format, start + BUCKET_MS - 1);
  if (!isPlain(first) || !isPlain(last) || first.timeZoneName === undefined) return undefined;
  const offsetMs = offsetOf(first, start);
  if (offsetOf(last, start + BUCKET_MS - 1) !== offsetMs || last.timeZoneName !== first.timeZoneName) return undefined;
  return { offsetMs, zoneName: first.timeZoneName };
}

const ZERO = 48;
const DASH = 45;
const SPACE = 32;
const COLON = 58;
/** The character code of the decimal digit of `n` worth `unit` (1, 10, 100 or 1000). */
const digit = (n: number, unit: number) => ZERO + (Math.floor(n / unit) % 10);

const DAY_MS = 86_400_000;
/** Days from 0000-03-01 (the start of a 400-year era, counted from March) to 1970-01-01. */
const EPOCH_FROM_MARCH_0000 = 719_468;
/** Days in a 400-year era of the Gregorian calendar. */
const ERA_DAYS = 146_097;

/**
 * The wall clock `offsetMs` ahead of UTC at `ms`, or undefined outside years 1000–9999. The date
 * is read from the day count by the proleptic Gregorian calendar, as Date's UTC getters read it
 * (H. Hinnant's civil_from_days, https://howardhinnant.github.io/date_algorithms.html), without a
 * Date and six getter calls; pinned to Date by a property test. Written as one string of its 19
 * characters: a template of its eleven parts is a chain of concatenations, copied again when read,
 * and every instant a notification shows comes through here.
 */
export function shiftedClock(ms: number, offsetMs: number): string | undefined {
  const t = ms + offsetMs;
  const days = Math.floor(t / DAY_MS);
  const z = days + EPOCH_FROM_MARCH_0000;
  const era = Math.floor(z / ERA_DAYS);
  const dayOfEra = z - era * ERA_DAYS;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (!(year >= 1000 && year <= 9999)) return undefined;
  const secondOfDay = Math.floor((t - days * DAY_MS) / 1000);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor(secondOfDay / 60) % 60;
  const second = secondOfDay % 60;
  // biome-ignore format: one line per part of YYYY-MM-DD HH:mm:ss
  return String.fromCharCode(
    digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), DASH,
    digit(month, 10), digit(month, 1), DASH,
    digit(day, 10), digit(day, 1), SPACE,
    digit(hour, 10), digit(hour, 1), COLON,
    digit(minute, 10), digit(minute, 1), COLON,
    digit(second, 10), digit(second, 1),
  );
}

/** Bucket spans per formatter; `null` marks a bucket with a transition inside. */
const spansByFormat = new WeakMap<Intl.DateTimeFormat, Map<number, ZoneSpan | null>>();

/**
 * The wall clock and short zone name of `date` (a Date or its epoch milliseconds) as `format` writes them (`format` being a
 * DateTimeFormat with a time zone, year numeric, the rest 2-digit, hourCycle h23 and timeZoneName
 * short), with one Intl reading per zone and hour (see above); the same text as
 * `format.formatToParts(date)` gives, pinned by a property test over many zones.
 *
 * @example zonedClock(new Date('2019-10-02T17:04:40Z'), jaTokyo) // { clock: '2019-10-03 02:04:40', zoneName: 'JST' }
 */
export function zonedClock(date: Date | number, format: Intl.DateTimeFormat): ZonedClock {
  const ms = typeof date === 'number' ? date : date.getTime();
  let spans = spansByFormat.get(format);
  if (!spans) {
    spans = new Map();
    spansByFormat.set(format, spans);
  }
  const start = Math.floor(ms / BUCKET_MS) * BUCKET_MS;
  let span = spans.get(start);
  if (span === undefined) {
    if (spans.size >= MAX_BUCKETS) spans.clear();
    span = spanOf(format, start) ?? null;
    spans.set(start, span);
  }
  const clock = span ? shiftedClock(ms, span.offsetMs) : undefined;
  if (span && clock !== undefined) return { clock, zoneName: span.zoneName };
  const parts = partsOf(format, ms);
  return { clock: clockOf(parts), zoneName: parts.timeZoneName };
}
