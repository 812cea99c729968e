import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../../../src/lib/core/sources/cost-digest/digest-dates';
import { digestWindow } from '../../../../../src/lib/core/sources/cost-digest/digest-window';
import { type DigestPeriod, digestPeriods } from '../../../../../src/lib/core/sources/cost-digest/periods';

const periods = Object.keys(digestPeriods) as DigestPeriod[];

describe('cost: digest window per period', () => {
  it.each([
    // period, run date, reported [start, end), previous start, Cost Explorer start, forecast end
    ['daily', '2024-05-14', '2024-05-13', '2024-05-14', '2024-05-12', '2024-05-01', '2024-06-01'],
    ['daily', '2024-05-03', '2024-05-02', '2024-05-03', '2024-05-01', '2024-04-25', '2024-06-01'],
    ['daily', '2024-06-01', '2024-05-31', '2024-06-01', '2024-05-30', '2024-05-01', undefined],
    ['daily', '2025-01-01', '2024-12-31', '2025-01-01', '2024-12-30', '2024-12-01', undefined],
    ['daily', '2024-03-01', '2024-02-29', '2024-03-01', '2024-02-28', '2024-02-01', undefined],
    ['weekly', '2024-05-14', '2024-05-07', '2024-05-14', '2024-04-30', '2024-04-09', '2024-06-01'],
    ['weekly', '2024-03-01', '2024-02-23', '2024-03-01', '2024-02-16', '2024-01-26', undefined],
    ['weekly', '2024-03-05', '2024-02-27', '2024-03-05', '2024-02-20', '2024-01-30', '2024-04-01'],
    ['weekly', '2025-01-03', '2024-12-27', '2025-01-03', '2024-12-20', '2024-11-29', '2025-02-01'],
    ['monthly', '2024-05-14', '2024-04-01', '2024-05-01', '2024-03-01', '2023-11-01', undefined],
    ['monthly', '2024-03-01', '2024-02-01', '2024-03-01', '2024-01-01', '2023-09-01', undefined],
    ['monthly', '2024-03-31', '2024-02-01', '2024-03-01', '2024-01-01', '2023-09-01', undefined],
    ['monthly', '2025-01-01', '2024-12-01', '2025-01-01', '2024-11-01', '2024-07-01', undefined],
  ] as const)(
    '%s run on %s reports %s – %s, compares with the period from %s, reads costs from %s, forecasts to %s',
    (period, date, start, end, previousStart, costStart, forecastEnd) => {
      const w = digestWindow(date, period);
      expect(w.reported).toEqual({ start, end });
      expect(w.previous).toEqual({ start: previousStart, end: start });
      // Costs are read up to the end of the reported period; the forecast runs from the run date.
      expect({ costStart: w.costStart, costEnd: w.costEnd, forecast: w.forecast }).toEqual({
        costStart,
        costEnd: end,
        forecast: forecastEnd ? { start: date, end: forecastEnd } : undefined,
      });
    },
  );

  it('reads months with MONTHLY granularity and days with DAILY', () => {
    expect(periods.map((p) => [p, digestWindow('2024-05-14', p).granularity])).toEqual([
      ['daily', 'DAILY'],
      ['weekly', 'DAILY'],
      ['monthly', 'MONTHLY'],
    ]);
  });

  it('defaults to the daily period: the day before the run date', () => {
    expect(digestWindow('2024-05-14')).toEqual(digestWindow('2024-05-14', 'daily'));
  });

  describe.each(periods)('%s', (period) => {
    const row = digestPeriods[period];
    // Each run date of 2024 (a leap year) and the turn of the year.
    const dates = Array.from({ length: 400 }, (_, i) => addDays('2024-01-01', i));

    it('reports only complete days before the run date', () => {
      for (const date of dates) expect(digestWindow(date, period).reported.end <= date).toBe(true);
    });

    it('has back-to-back earlier windows: the previous, the averaged (newest first), the sparkline (oldest first)', () => {
      for (const date of dates) {
        const w = digestWindow(date, period);
        expect(w.averaged).toHaveLength(row.averageOver);
        expect(w.averaged[0]).toEqual(w.previous);
        for (const [newer, older] of w.averaged.slice(0, -1).map((a, i) => [a, w.averaged[i + 1]!] as const)) {
          expect(older.end).toBe(newer.start);
        }
        expect(w.sparkline).toHaveLength(row.sparklineLength);
        expect(w.sparkline.at(-1)).toEqual(w.reported);
        for (const [older, newer] of w.sparkline.slice(0, -1).map((s, i) => [s, w.sparkline[i + 1]!] as const)) {
          expect(older.end).toBe(newer.start);
        }
        expect(w.costStart <= [...w.averaged, ...w.sparkline].map((r) => r.start).sort()[0]!).toBe(true);
        expect(w.costStart <= w.monthStart).toBe(true);
      }
    });
  });

  it.each([
    ['daily', 1, 1],
    ['weekly', 7, 7],
    ['monthly', 28, 31],
  ] as const)('a %s window is %i to %i days long (run dates of 2024 and 2025)', (period, shortest, longest) => {
    const lengths = Array.from({ length: 731 }, (_, i) => digestWindow(addDays('2024-01-01', i), period).reported).map(
      (r) => daysBetween(r.start, r.end),
    );
    expect([Math.min(...lengths), Math.max(...lengths)]).toEqual([shortest, longest]);
  });

  it('a monthly window is a calendar month, February 2024 with its 29 days', () => {
    expect(digestWindow('2024-03-10', 'monthly').reported).toEqual({ start: '2024-02-01', end: '2024-03-01' });
    expect(digestWindow('2024-03-10', 'monthly').day).toBe('2024-02-29');
  });
});
