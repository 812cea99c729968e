import { describe, expect, it } from 'vitest';
import { buildDigestNotification } from '../../../../../src/lib/core/sources/cost-digest/build-digest';
import type { DigestData } from '../../../../../src/lib/core/sources/cost-digest/digest-input';
import {
  type DigestPeriod,
  digestPeriodSchema,
  digestPeriods,
} from '../../../../../src/lib/core/sources/cost-digest/periods';
import { CTX } from '../../cost/fixtures';
import { dailyPage, monthlyPage, sameEveryDay } from './cost-pages';

/**
 * One service, "A", with a full history for each period of a run on 2024-05-14, the reported
 * period costing twice the one before (+100%) or, monthly, 30 after 20 (+50%) and 10, 10 (average
 * 13.33, +125%).
 */
const history: Record<DigestPeriod, DigestData> = {
  daily: {
    GetCostAndUsage: dailyPage({ ...sameEveryDay('2024-05-06', '2024-05-13', { A: '1' }), '2024-05-13': { A: '2' } }),
  },
  weekly: {
    GetCostAndUsage: dailyPage({
      ...sameEveryDay('2024-04-09', '2024-05-07', { A: '1' }),
      ...sameEveryDay('2024-05-07', '2024-05-14', { A: '2' }),
    }),
  },
  monthly: {
    GetCostAndUsage: monthlyPage({
      '2023-11-01': { A: '10' },
      '2023-12-01': { A: '10' },
      '2024-01-01': { A: '10' },
      '2024-02-01': { A: '10' },
      '2024-03-01': { A: '20' },
      '2024-04-01': { A: '30' },
    }),
  },
};
const build = (period: DigestPeriod, locale: 'en' | 'ja', data = history[period]) =>
  buildDigestNotification(data, { period, date: '2024-05-14' }, CTX[locale]).notification;

describe('cost digest: the period table', () => {
  it('has the three periods, daily first (the default)', () => {
    expect(digestPeriodSchema.options).toEqual(['daily', 'weekly', 'monthly']);
  });

  it.each([
    ['daily', 'en', 'AWS costs for 2024-05-13: $2.00 (+100% vs previous day)'],
    ['daily', 'ja', 'AWS コスト 2024-05-13: $2.00（前日比 +100%）'],
    ['weekly', 'en', 'AWS costs for 2024-05-07 – 2024-05-13: $14.00 (+100% vs previous week)'],
    ['weekly', 'ja', 'AWS コスト 2024-05-07 – 2024-05-13: $14.00（前週比 +100%）'],
    ['monthly', 'en', 'AWS costs for 2024-04: $30.00 (+50% vs previous month)'],
    ['monthly', 'ja', 'AWS コスト 2024-04: $30.00（前月比 +50%）'],
  ] as const)('%s in %s is titled "%s"', (period, locale, title) => {
    expect(build(period, locale).title).toBe(title);
  });

  it.each([
    ['daily', 'en', 'Total for 2024-05-13', 'Change vs previous day', 'Change vs 7-day average'],
    ['daily', 'ja', '2024-05-13 の合計', '前日比', '7 日平均との差'],
    ['weekly', 'en', 'Total for 2024-05-07 – 2024-05-13', 'Change vs previous week', 'Change vs 4-week average'],
    ['weekly', 'ja', '2024-05-07 – 2024-05-13 の合計', '前週比', '4 週平均との差'],
    ['monthly', 'en', 'Total for 2024-04', 'Change vs previous month', 'Change vs 3-month average'],
    ['monthly', 'ja', '2024-04 の合計', '前月比', '3 か月平均との差'],
  ] as const)('%s in %s labels its figures "%s", "%s", "%s"', (period, locale, total, vsPrevious, vsAverage) => {
    expect(
      build(period, locale)
        .fields.slice(0, 3)
        .map((f) => f.label),
    ).toEqual([total, vsPrevious, vsAverage]);
  });

  it.each([
    ['daily', 'en', '+$1.00 (+100%); average $1.00', 'Month to date (2024-05-01 – 2024-05-13)'],
    ['weekly', 'en', '+$7.00 (+100%); average $7.00', 'Month to date (2024-05-01 – 2024-05-13)'],
    ['monthly', 'en', '+$16.67 (+125%); average $13.33', undefined],
    ['monthly', 'ja', '+$16.67 (+125%); 平均 $13.33', undefined],
  ] as const)('%s in %s compares with the average (%s); month to date: %s', (period, locale, average, monthLine) => {
    const n = build(period, locale);
    expect(n.fields[2]?.value).toBe(average);
    expect(n.fields.find((f) => /^(Month|今月)/.test(f.label))?.label).toBe(monthLine);
  });

  it.each([
    ['monthly', 'en', 'The month closed at $30.00.'],
    ['monthly', 'ja', '先月の合計は $30.00 でした。'],
  ] as const)('a %s digest in %s closes the month in its summary: %s', (period, locale, summary) => {
    expect(build(period, locale).summary).toBe(summary);
  });

  it.each([
    ['daily', 'en', 'The average covers only 1 earlier day (short history).'],
    ['daily', 'ja', '平均は過去 1 日分のみです（履歴が短いため）。'],
    ['weekly', 'en', 'The average covers only 1 earlier week (short history).'],
    ['weekly', 'ja', '平均は過去 1 週分のみです（履歴が短いため）。'],
    ['monthly', 'en', 'The average covers only 1 earlier month (short history).'],
    ['monthly', 'ja', '平均は過去 1 か月分のみです（履歴が短いため）。'],
  ] as const)('%s in %s words a short history: %s', (period, locale, note) => {
    const short: Record<DigestPeriod, DigestData> = {
      daily: { GetCostAndUsage: dailyPage(sameEveryDay('2024-05-12', '2024-05-14', { A: '1' })) },
      weekly: { GetCostAndUsage: dailyPage(sameEveryDay('2024-04-30', '2024-05-14', { A: '1' })) },
      monthly: { GetCostAndUsage: monthlyPage({ '2024-03-01': { A: '1' }, '2024-04-01': { A: '1' } }) },
    };
    expect(build(period, locale, short[period]).notes).toContain(note);
  });

  it('never compares a full week with a partial one: the week before must have all 7 days', () => {
    const data = { GetCostAndUsage: dailyPage(sameEveryDay('2024-05-01', '2024-05-14', { A: '1' })) };
    const n = build('weekly', 'en', data);
    expect(n.title).toBe('AWS costs for 2024-05-07 – 2024-05-13: $7.00');
    expect(n.fields.map((f) => f.label)).not.toContain('Change vs previous week');
    // The sparkline shows the incomplete weeks as no data, not as a drop.
    expect(n.fields[0]?.value).toBe('$7.00  ····█');
  });

  it.each([
    ['daily', 'en', 'Cost Explorer has no data for 2024-05-13 yet.'],
    ['weekly', 'ja', 'Cost Explorer には 2024-05-07 – 2024-05-13 のデータがまだありません。'],
    ['monthly', 'en', 'Cost Explorer has no data for 2024-04 yet.'],
  ] as const)('%s in %s says when the period has no data: %s', (period, locale, note) => {
    expect(build(period, locale, { GetCostAndUsage: { ResultsByTime: [] } }).notes).toContain(note);
  });

  it('gives each period its own dedupe key, so a weekly digest never suppresses a daily one', () => {
    const keys = (Object.keys(digestPeriods) as DigestPeriod[]).map((p) => build(p, 'en').dedupeKey);
    expect(keys).toEqual(['cost-digest::2024-05-13', 'cost-digest::2024-05-07 – 2024-05-13', 'cost-digest::2024-04']);
  });
});
