import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDuration, formatInstant, isValidTimeZone } from '../../../src/lib/core/time';

describe('time: formatDuration', () => {
  it.each([
    [0, 'en', '0 s'],
    [499, 'en', '0 s'],
    [45_000, 'en', '45 s'],
    [60_000, 'en', '1 min'],
    [999_000, 'en', '16 min 39 s'],
    [3_600_000, 'en', '1 h'],
    [3_600_000 + 23 * 60_000 + 5_000, 'en', '1 h 23 min'],
    [2 * 86_400_000 + 3 * 3_600_000 + 59_000, 'en', '2 d 3 h'],
    [86_400_000 + 30_000, 'en', '1 d'],
    [-5_000, 'en', '0 s'],
    [999_000, 'ja', '16分39秒'],
    [3_600_000 + 23 * 60_000, 'ja', '1時間23分'],
    [2 * 86_400_000 + 3 * 3_600_000, 'ja', '2日3時間'],
    [0, 'ja', '0秒'],
  ] as const)('formats %i ms in %s as "%s"', (ms, locale, expected) => {
    expect(formatDuration(ms, locale)).toBe(expected);
  });

  /** The rule spelled out with arrays, as formatDuration was first written: the reference for its one-pass form. */
  function referenceDuration(milliseconds: number, locale: 'en' | 'ja'): string {
    const u = {
      en: { d: ' d', h: ' h', m: ' min', s: ' s', sep: ' ' },
      ja: { d: '日', h: '時間', m: '分', s: '秒', sep: '' },
    }[locale];
    let seconds = Math.max(0, Math.round(milliseconds / 1000));
    const amounts: Array<[number, string]> = [];
    for (const [unit, size] of [
      ['d', 86_400],
      ['h', 3_600],
      ['m', 60],
      ['s', 1],
    ] as const) {
      const n = Math.floor(seconds / size);
      seconds -= n * size;
      amounts.push([n, u[unit]]);
    }
    const first = amounts.findIndex(([n]) => n > 0);
    if (first === -1) return `0${u.s}`;
    return amounts
      .slice(first, first + 2)
      .filter(([n]) => n > 0)
      .map(([n, unit]) => `${n}${unit}`)
      .join(u.sep);
  }

  it('keeps the same two most significant units as the rule spelled out with arrays, for any duration', () => {
    const duration = fc.oneof(
      fc.integer({ min: -1_000_000, max: 100 * 86_400_000 }),
      fc.constantFrom(0, 499, 500, 59_999, 60_000, 3_600_000, 86_400_000, 86_399_500),
      fc.double(),
    );
    fc.assert(
      fc.property(duration, fc.constantFrom('en' as const, 'ja' as const), (ms, locale) => {
        expect(formatDuration(ms, locale)).toBe(referenceDuration(ms, locale));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('time: formatInstant', () => {
  it.each([
    ['2019-10-02T17:04:40Z', 'UTC', 'en', '2019-10-02 17:04:40 UTC'],
    ['2019-10-02T17:04:40Z', 'Asia/Tokyo', 'ja', '2019-10-03 02:04:40 JST'],
    ['2019-10-02T17:04:40Z', 'Asia/Tokyo', 'en', '2019-10-03 02:04:40 GMT+9'],
    ['2024-03-10T06:59:59Z', 'America/New_York', 'en', '2024-03-10 01:59:59 EST'],
    ['2024-03-10T07:00:00Z', 'America/New_York', 'en', '2024-03-10 03:00:00 EDT'],
    ['2020-10-05T06:47:38.033+0000', 'UTC', 'en', '2020-10-05 06:47:38 UTC'],
  ] as const)('shows %s in %s (%s) as "%s"', (iso, zone, locale, expected) => {
    expect(formatInstant(iso, zone, locale)).toBe(expected);
  });

  it('uses the locale and zone of each call, whatever the call before it asked for', () => {
    const asked = [
      ['Asia/Tokyo', 'ja', '2019-10-03 02:04:40 JST'],
      ['Asia/Tokyo', 'en', '2019-10-03 02:04:40 GMT+9'],
      ['America/New_York', 'en', '2019-10-02 13:04:40 EDT'],
      ['Asia/Tokyo', 'ja', '2019-10-03 02:04:40 JST'],
      ['Europe/London', 'en', '2019-10-02 18:04:40 GMT+1'],
      ['America/New_York', 'en', '2019-10-02 13:04:40 EDT'],
    ] as const;
    for (const [zone, locale, expected] of asked) {
      expect(formatInstant('2019-10-02T17:04:40Z', zone, locale)).toBe(expected);
      expect(formatCalendarDate('2019-10-02', locale)).toBe(locale === 'ja' ? '2019年10月2日' : 'October 2, 2019');
    }
  });

  it('shows an unreadable timestamp as it came, rather than losing it', () => {
    expect(formatInstant('yesterday at noon', 'UTC', 'en')).toBe('yesterday at noon');
  });
});

describe('time: isValidTimeZone', () => {
  it.each([
    ['UTC', true],
    ['Asia/Tokyo', true],
    ['Europe/London', true],
    ['Asia/Tokio', false],
    ['', false],
    ['GMT+25', false],
  ])('%s → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('formatInstant in UTC, without Intl', () => {
  it('writes the same text as Intl does, in both locales, for any instant of years 1000–9999', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('en' as const, 'ja' as const),
        (date, locale) => {
          const viaIntl = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
            timeZone: 'UTC',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hourCycle: 'h23',
            timeZoneName: 'short',
          }).formatToParts(date);
          const part = (type: string) => viaIntl.find((p) => p.type === type)?.value;
          const expected = `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
          expect(formatInstant(date, 'UTC', locale)).toBe(expected);
        },
      ),
    );
  });
});

describe('formatCalendarDate without Intl', () => {
  it.each([
    ['2022-09-26', 'en', 'September 26, 2022'],
    ['2022-09-26', 'ja', '2022年9月26日'],
    ['not a date', 'en', 'not a date'],
  ] as const)('%s in %s reads %s', (isoDate, locale, expected) => {
    expect(formatCalendarDate(isoDate, locale)).toBe(expected);
  });

  it('writes what Intl writes, in both locales, for any day of any year', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('en' as const, 'ja' as const),
        (date, locale) => {
          const isoDate = date.toISOString().slice(0, 10);
          const viaIntl = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
            year: 'numeric',
            month: 'long',
            day: 'numeric',
            timeZone: 'UTC',
          }).format(new Date(`${isoDate}T00:00:00Z`));
          expect(formatCalendarDate(isoDate, locale)).toBe(viaIntl);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
