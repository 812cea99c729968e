import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../../src/lib/core/time';
import { shiftedClock, zonedClock } from '../../../src/lib/core/zone-clock';

/** Zones with DST either way, half- and quarter-hour offsets, skipped days, and old local mean times. */
const ZONES = [
  'Asia/Tokyo',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'America/Santiago',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Berlin',
  'Europe/Moscow',
  'Africa/Casablanca',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Antarctica/Troll',
  'UTC',
  'Etc/GMT+12',
];
const LOCALES = ['en-US', 'ja-JP'];

const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

/** One formatter per locale and zone, as time.ts keeps them (the cache is per formatter). */
const formats = new Map(
  LOCALES.flatMap((locale) =>
    ZONES.map((timeZone) => [`${locale}|${timeZone}`, new Intl.DateTimeFormat(locale, { ...OPTIONS, timeZone })]),
  ),
);

/** Separate formatters for the reference, so it shares no cached span with the code under test. */
const references = new Map<string, Intl.DateTimeFormat>();

/** What Intl itself writes for the instant: the reference. */
function intlClock(locale: string, timeZone: string, ms: number) {
  const key = `${locale}|${timeZone}`;
  let reference = references.get(key);
  if (!reference) {
    reference = new Intl.DateTimeFormat(locale, { ...OPTIONS, timeZone });
    references.set(key, reference);
  }
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of reference.formatToParts(ms)) {
    p[type] = value;
  }
  return {
    clock: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`,
    zoneName: p.timeZoneName,
  };
}

const HOUR = 3_600_000;

describe('zonedClock: one Intl reading per zone and hour, the same text as Intl', () => {
  it('agrees with formatToParts for instants clustered in the same hours, in every zone and both locales', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...ZONES),
        // Hours from 1850 (local mean times) to 2100; several instants in each, so cached spans are reused.
        fc.integer({ min: -1_050_000, max: 1_140_000 }),
        fc.array(fc.integer({ min: 0, max: HOUR - 1 }), { minLength: 1, maxLength: 6 }),
        (locale, zone, hour, offsets) => {
          const format = formats.get(`${locale}|${zone}`)!;
          for (const offset of offsets) {
            const ms = hour * HOUR + offset;
            expect(zonedClock(new Date(ms), format)).toEqual(intlClock(locale, zone, ms));
          }
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['America/New_York', '2024-03-10T07:00:00Z'],
    ['America/New_York', '2024-11-03T06:00:00Z'],
    ['Europe/Dublin', '2024-10-27T01:00:00Z'],
    ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'],
    ['Australia/Lord_Howe', '2024-10-05T15:30:00Z'],
    ['Pacific/Chatham', '2024-04-06T14:00:00Z'],
    ['Pacific/Apia', '2011-12-30T10:00:00Z'],
    ['Africa/Casablanca', '2024-03-10T02:00:00Z'],
    ['Asia/Tokyo', '1887-12-31T15:00:00Z'],
  ])('agrees with formatToParts on every second around a transition of %s at %s', (zone, at) => {
    const transition = Date.parse(at);
    for (const locale of LOCALES) {
      const format = formats.get(`${locale}|${zone}`)!;
      for (let ms = transition - 2 * HOUR; ms <= transition + 2 * HOUR; ms += 7_919) {
        expect(zonedClock(new Date(ms), format)).toEqual(intlClock(locale, zone, ms));
      }
    }
  });

  it('keeps formatInstant as it was: the clock and the locale zone name', () => {
    expect(formatInstant('2024-11-03T05:59:59Z', 'America/New_York', 'en')).toBe('2024-11-03 01:59:59 EDT');
    expect(formatInstant('2024-11-03T06:00:00Z', 'America/New_York', 'en')).toBe('2024-11-03 01:00:00 EST');
    expect(formatInstant('2024-04-06T14:59:59Z', 'Australia/Lord_Howe', 'en')).toBe('2024-04-07 01:59:59 GMT+11');
    expect(formatInstant('2024-04-06T15:00:00Z', 'Australia/Lord_Howe', 'en')).toBe('2024-04-07 01:30:00 GMT+10:30');
  });
});

/** The clock as Date's UTC getters read it, `offsetMs` ahead: the reference for shiftedClock's day arithmetic. */
function dateClock(ms: number, offsetMs: number): string | undefined {
  const d = new Date(ms + offsetMs);
  const year = d.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

describe('shiftedClock: the wall clock an offset ahead of UTC, by day arithmetic', () => {
  const MAX_OFFSET_MS = 14 * HOUR;
  it('writes what Date reads, over the whole range of Date (undefined outside years 1000–9999)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8.64e15 + MAX_OFFSET_MS, max: 8.64e15 - MAX_OFFSET_MS }),
        fc.integer({ min: -MAX_OFFSET_MS, max: MAX_OFFSET_MS }),
        (ms, offsetMs) => {
          expect(shiftedClock(ms, offsetMs)).toBe(dateClock(ms, offsetMs));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('writes what Date reads around the years it writes and every leap-day rule', () => {
    const edges = [
      '1000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
      '1600-02-29T12:00:00Z',
      '1900-02-28T23:59:59Z',
      '2000-02-29T00:00:00Z',
      '2100-03-01T00:00:00Z',
      '1970-01-01T00:00:00Z',
    ];
    for (const at of edges) {
      const base = Date.parse(at);
      for (let ms = base - 2 * 86_400_000; ms <= base + 2 * 86_400_000; ms += 3_599_999) {
        expect(shiftedClock(ms, 0)).toBe(dateClock(ms, 0));
      }
    }
    expect(shiftedClock(Date.parse('0999-12-31T23:59:59Z'), 0)).toBeUndefined();
    expect(shiftedClock(Date.parse('2019-10-02T17:04:40.989Z'), 9 * HOUR)).toBe('2019-10-03 02:04:40');
  });
});
