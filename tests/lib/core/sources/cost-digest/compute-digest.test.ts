import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDigest } from '../../../../../src/lib/core/sources/cost-digest/compute-digest';
import type { CostAndUsagePage, DigestData } from '../../../../../src/lib/core/sources/cost-digest/digest-input';
import { COST_EXPLORER_DIR, fixtureJson } from '../../cost/fixtures';
import { dailyPage as page, recordedMonth } from './cost-pages';

describe('cost: computeDigest', () => {
  it('computes the recorded month (examples/cost) — figures checked by hand', () => {
    // Hand check (README in examples/cost): 2024-05-13 sums to $0.0136012785 → $0.01; 2024-05-12 to
    // $0.0232907925 → $0.02; change -41.60%; the 7 days 05-06..05-12 sum to $0.0575878794, average
    // $0.0082268399 → $0.01, change +65.33%; month to date $0.6459625819 (the real fixture's total) → $0.65;
    // the forecast fixture covers the whole month (05-01..06-01): $1.11254067343557 → $1.11.
    const d = computeDigest(recordedMonth(), { date: '2024-05-14' });
    expect(d).toMatchObject({
      day: '2024-05-13',
      currency: 'USD',
      metric: 'AmortizedCost',
      total: 1,
      previousTotal: 2,
      averageTotal: 1,
      monthToDate: 65,
      monthEndForecast: 111,
      monthComplete: false,
      estimated: true,
      notes: [],
    });
    expect(d.changeVsPreviousPercent).toBeCloseTo(-41.6023, 3);
    expect(d.changeVsAveragePercent).toBeCloseTo(65.3281, 3);
    // Top 5 of the 6 services with a cost on 05-13, by amount; Lambda ($0.0000066134) is "Other".
    expect(d.services.map((s) => [s.name, s.amount])).toEqual([
      ['AWS Cost Explorer', 1],
      ['Amazon Simple Storage Service', 0],
      ['AWS Amplify', 0],
      ['Amazon Route 53', 0],
      ['AWS Systems Manager', 0],
    ]);
    expect(d.other).toEqual({ count: 1, amount: 0 });
    // Cost Explorer requests on 05-08, 05-10, 05-12, 05-13; S3 grows every day.
    expect(d.services[0]?.sparkline).toBe('▁█▁█▁██');
    expect(d.services[1]?.sparkline).toBe('▅▅▆▆▇▇█');
    expect(d.budgets[0]).toMatchObject({
      name: 'AwsCostNotificationStack-MonthlyCostBudget',
      actual: { minor: 65 },
      limit: { minor: 1 },
    });
    expect(d.budgets[0]?.forecastPercent).toBeCloseTo(11_130, 6);
    // The real Glue offers are far below their limit; the composed EBS one is forecast at 143%.
    expect(d.freeTier.map((f) => [f.service, f.usageType, Math.round(f.forecastPercent)])).toEqual([
      ['Amazon Elastic Compute Cloud', 'EBS:VolumeUsage', 143],
    ]);
  });

  it('adds the forecast to month to date when the forecast starts today', () => {
    const data: DigestData = {
      GetCostAndUsage: page({ '2024-05-01': { A: '10' }, '2024-05-02': { A: '5' } }),
      GetCostForecast: {
        Total: { Amount: '100', Unit: 'USD' },
        ForecastResultsByTime: [{ TimePeriod: { Start: '2024-05-03', End: '2024-06-01' } }],
      },
    };
    expect(computeDigest(data, { date: '2024-05-03' })).toMatchObject({ monthToDate: 1500, monthEndForecast: 11500 });
  });

  it('closes the month on the 1st: month to date is the month total, no forecast needed', () => {
    const d = computeDigest({ GetCostAndUsage: page({ '2024-05-31': { A: '1.25' } }) }, { date: '2024-06-01' });
    expect(d).toMatchObject({ monthComplete: true, monthToDate: 125, monthEndForecast: 125 });
    expect(d.notes).not.toContainEqual({ code: 'missing', source: 'GetCostForecast' });
  });

  it('formats yen accounts in whole yen', () => {
    const d = computeDigest(
      { GetCostAndUsage: page({ '2024-05-13': { EC2: '1234.56', S3: '10.4' } }, 'JPY') },
      { date: '2024-05-14' },
    );
    expect(d).toMatchObject({ currency: 'JPY', total: 1245 });
    expect(d.services.map((s) => s.amount)).toEqual([1235, 10]);
  });

  it.each([
    ['AccessDeniedException', 'User is not authorized to perform: ce:GetCostAndUsage', 'accessDenied'],
    ['DataUnavailableException', 'Data is not available. Please try to adjust the time period.', 'dataUnavailable'],
    ['AccessDeniedException', 'Cost Explorer has not been enabled for this account', 'notEnabled'],
    ['ThrottlingException', 'Rate exceeded', 'throttled'],
    ['InternalServerError', 'boom', 'other'],
  ])('turns a failed source (%s) into a note, never into no digest', (name, message, errorKind) => {
    const d = computeDigest({ GetCostAndUsage: { error: { name, message } } }, { date: '2024-05-14' });
    expect(d.notes).toContainEqual(expect.objectContaining({ code: 'failed', source: 'GetCostAndUsage', errorKind }));
    expect(d.services).toEqual([]);
  });

  it('notes every missing source and a day without data (a new account)', () => {
    const d = computeDigest({ GetCostAndUsage: { ResultsByTime: [] } }, { date: '2024-05-14' });
    expect(d.notes).toEqual([
      { code: 'noDataForPeriod' },
      { code: 'missing', source: 'GetCostForecast' },
      { code: 'missing', source: 'DescribeBudgets' },
      { code: 'missing', source: 'GetFreeTierUsage' },
    ]);
  });

  it('notes a short history and an unreadable response', () => {
    const d = computeDigest(
      {
        GetCostAndUsage: page({ '2024-05-12': { A: '1' }, '2024-05-13': { A: '2' } }),
        DescribeBudgets: { Budgets: 'x' } as never,
      },
      { date: '2024-05-14' },
    );
    expect(d.notes).toContainEqual({ code: 'partialAverage', count: 1 });
    expect(d.notes).toContainEqual({ code: 'unreadable', source: 'DescribeBudgets' });
  });

  it('reads the real Cost Explorer fixtures without failing', () => {
    for (const name of [
      'GetCostAndUsage-cli-example-S3-groupby-service-tag.json',
      'GetCostAndUsage-groupby-SERVICE-AmortizedCost-sdkv3-mock.json',
      'GetCostAndUsage-month-to-date-AmortizedCost-sdkv3-mock.json',
    ]) {
      const d = computeDigest(
        { GetCostAndUsage: fixtureJson(COST_EXPLORER_DIR, name) as CostAndUsagePage },
        { date: '2024-05-14' },
      );
      expect(d.notes.map((n) => n.code)).not.toContain('unreadable');
    }
    const monthly = computeDigest(
      {
        GetCostAndUsage: fixtureJson(
          COST_EXPLORER_DIR,
          'GetCostAndUsage-month-to-date-AmortizedCost-sdkv3-mock.json',
        ) as CostAndUsagePage,
      },
      { date: '2024-05-14' },
    );
    expect(monthly.monthToDate).toBe(65); // $0.6459625819, a MONTHLY result used for month to date
  });

  const amount = fc.integer({ min: -500_000, max: 50_000_000 }).map((c) => (c / 10_000).toFixed(4));
  const services = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), amount, { minKeys: 0, maxKeys: 30 });

  it('top N plus Other always equals the day total, to the cent (property)', () => {
    fc.assert(
      fc.property(services, fc.integer({ min: 1, max: 20 }), (day, topN) => {
        const d = computeDigest({ GetCostAndUsage: page({ '2024-05-13': day }) }, { date: '2024-05-14', topN });
        const listed = d.services.reduce((s, l) => s + l.amount, 0) + (d.other?.amount ?? 0);
        expect(listed).toBe(d.total);
        expect(d.services.length).toBeLessThanOrEqual(topN);
      }),
    );
  });

  it('month to date equals the sum of the daily totals, to the cent (property)', () => {
    fc.assert(
      fc.property(fc.array(services, { minLength: 1, maxLength: 13 }), (days) => {
        const byDay = Object.fromEntries(days.map((s, i) => [`2024-05-${String(i + 1).padStart(2, '0')}`, s]));
        const d = computeDigest(
          { GetCostAndUsage: page(byDay) },
          { date: `2024-05-${String(days.length + 1).padStart(2, '0')}` },
        );
        const cents = Object.values(byDay)
          .flatMap((s) => Object.values(s))
          .reduce((a, v) => a + BigInt(Math.round(Number(v) * 10_000)), 0n);
        const expected = Number((cents * 2n + 100n) / 200n - ((cents * 2n + 100n) % 200n < 0n ? 1n : 0n));
        expect(d.monthToDate).toBe(expected);
      }),
    );
  });
});
