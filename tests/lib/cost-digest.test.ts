import { describe, expect, it, vi } from 'vitest';
import type { CollectOptions } from '../../src/lib/adapters/cost-explorer';
import { type DigestDataSource, produceCostDigest, recordedDigestSource } from '../../src/lib/cost-digest';
import { CTX } from './core/cost/fixtures';
import { recordedMonth } from './core/sources/cost-digest/cost-pages';

/** A source that records what it was asked for and answers with the recorded month. */
function spySource(runDate?: string) {
  const requests: CollectOptions[] = [];
  const source: DigestDataSource = {
    collect: vi.fn(async (request: CollectOptions) => {
      requests.push(request);
      return { data: recordedMonth(), costExplorerRequests: 2, excludedRecordTypes: ['Credit', 'Refund'] };
    }),
    ...(runDate ? { runDate: () => runDate } : {}),
  };
  return { source, requests };
}

describe('cost digest: produceCostDigest (the one path of the function and the CLI)', () => {
  it('asks the source for the period and run date, and builds that digest', async () => {
    const { source, requests } = spySource();
    const result = await produceCostDigest(
      source,
      { period: 'weekly', date: '2024-05-14', metric: 'AmortizedCost', account: '123456789012' },
      CTX.en,
    );
    expect(requests).toEqual([
      { date: '2024-05-14', period: 'weekly', metric: 'AmortizedCost', accountId: '123456789012' },
    ]);
    expect(result).toMatchObject({ period: 'weekly', date: '2024-05-14', costExplorerRequests: 2, notes: [] });
    expect(result.notification.title).toBe('AWS costs for 2024-05-07 – 2024-05-13: $0.07');
    expect(result.notification.account).toBe('123456789012');
  });

  it('shows the record types the source left out next to the metric', async () => {
    const { notification } = await produceCostDigest(spySource().source, { date: '2024-05-14' }, CTX.en);
    expect(notification.fields.at(-1)).toEqual({ label: 'Metric', value: 'AmortizedCost (Credit, Refund excluded)' });
  });

  it.each([
    ['the date asked for', { date: '2024-05-10' }, '2024-05-20', '2024-05-10'],
    ['else the source’s own', {}, '2024-05-20', '2024-05-20'],
    ['else today in the zone, never later than UTC', {}, undefined, '2024-05-14'],
  ] as const)('runs on %s', async (_, options, sourceDate, expected) => {
    const { source } = spySource(sourceDate);
    // CTX.ja: 2024-05-14T00:00Z is 09:00 in Tokyo, the same date in UTC.
    expect((await produceCostDigest(source, options, CTX.ja)).date).toBe(expected);
  });

  it('defaults to the daily digest', async () => {
    const result = await produceCostDigest(spySource().source, { date: '2024-05-14' }, CTX.en);
    expect(result.period).toBe('daily');
    expect(result.notification.title).toMatch(/^AWS costs for 2024-05-13: /);
  });
});

describe('cost digest: recordedDigestSource', () => {
  it('makes no calls, leaves nothing out, and knows the run date of its recording per period', async () => {
    const source = recordedDigestSource(recordedMonth());
    expect(await source.collect({ date: '2024-05-14' })).toEqual({
      data: recordedMonth(),
      costExplorerRequests: 0,
      excludedRecordTypes: [],
    });
    expect([source.runDate?.('daily'), source.runDate?.('monthly')]).toEqual(['2024-05-14', '2024-06-01']);
  });
});
