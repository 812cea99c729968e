import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../../src/lib/core/channels/email/render-email';
import { renderSlack } from '../../../../../src/lib/core/channels/slack/render-slack';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { computeDigest } from '../../../../../src/lib/core/sources/cost-digest/compute-digest';
import type { DigestData } from '../../../../../src/lib/core/sources/cost-digest/digest-input';
import { digestSeverity, interpretDigest } from '../../../../../src/lib/core/sources/cost-digest/interpret-digest';
import { COST_EXPLORER_DIR, CTX, fixtureJson, fixtureNames } from '../../cost/fixtures';

const recordedMonth = (): DigestData =>
  JSON.parse(readFileSync(join(__dirname, '../../../../../examples/cost/recorded-month.json'), 'utf8'));

describe('cost: interpretDigest', () => {
  it.each(['en', 'ja'] as const)('renders the recorded month in %s (email and Slack snapshots)', (locale) => {
    const n = notificationSchema.parse(
      interpretDigest(computeDigest(recordedMonth(), { date: '2024-05-14' }), CTX[locale]),
    );
    expect(n).toMatchObject({ category: 'cost-digest', severity: 'warning' });
    expect(renderEmail(n)).toMatchSnapshot('email');
    expect(renderSlack(n)).toMatchSnapshot('slack');
  });

  it('carries the figures in fields and says that the last day may still change', () => {
    const n = interpretDigest(computeDigest(recordedMonth(), { date: '2024-05-14' }), CTX.en);
    expect(n.fields.slice(0, 3)).toEqual([
      { label: 'Total for 2024-05-13', value: '$0.01  ▂▅▂▅▂█▅' },
      { label: 'Change vs previous day', value: '-$0.01 (-41.6%)' },
      { label: 'Change vs 7-day average', value: '±$0.00 (+65.3%); average $0.01' },
    ]);
    expect(n.fields).toContainEqual({ label: 'Month-end forecast', value: '$1.11' });
    expect(n.notes[0]).toMatch(/^Figures for 2024-05-13 may still change/);
  });

  describe.each(fixtureNames(COST_EXPLORER_DIR, /\.json$/))('Cost Explorer fixture %s', (name) => {
    const data = (): DigestData => {
      const value = fixtureJson(COST_EXPLORER_DIR, name) as never;
      if (name.startsWith('GetCostForecast')) return { GetCostForecast: value };
      if (name.startsWith('GetFreeTierUsage')) return { GetFreeTierUsage: value };
      return { GetCostAndUsage: value };
    };
    it.each(['en', 'ja'] as const)('renders a digest in %s (email snapshot)', (locale) => {
      const n = notificationSchema.parse(interpretDigest(computeDigest(data(), { date: '2024-05-14' }), CTX[locale]));
      expect(renderEmail(n)).toMatchSnapshot();
    });
  });

  it.each([
    ['AccessDeniedException', 'not authorized', /access denied; the role needs ce:GetCostAndUsage/],
    ['DataUnavailableException', '', /no data yet \(a new account/],
    ['OptInRequired', 'opt in first', /not enabled for this account/],
  ])('words a %s failure so people know what to do', (name, message, note) => {
    const n = interpretDigest(
      computeDigest({ GetCostAndUsage: { error: { name, message } } }, { date: '2024-05-14' }),
      CTX.en,
    );
    expect(n.notes.join('\n')).toMatch(note);
    expect(n.summary).toBe('No cost data could be read; see the notes.');
    expect(n.severity).toBe('info');
  });

  it('is info when no budget or free-tier offer needs attention', () => {
    const data = recordedMonth();
    delete data.DescribeBudgets;
    delete data.GetFreeTierUsage;
    expect(digestSeverity(computeDigest(data, { date: '2024-05-14' }))).toBe('info');
  });
});
