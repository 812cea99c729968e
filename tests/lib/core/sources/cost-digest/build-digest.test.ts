import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../../src/lib/core/channels/email/render-email';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { buildDigestNotification } from '../../../../../src/lib/core/sources/cost-digest/build-digest';
import { computeDigest } from '../../../../../src/lib/core/sources/cost-digest/compute-digest';
import { interpretDigest } from '../../../../../src/lib/core/sources/cost-digest/interpret-digest';
import { recordedRunDate } from '../../../../../src/lib/core/sources/cost-digest/recorded-run-date';
import { CTX } from '../../cost/fixtures';
import { recordedMonth } from './cost-pages';

const field = (fields: ReadonlyArray<{ label: string; value: string }>, label: RegExp) =>
  fields.find((f) => label.test(f.label));

describe('cost digest: buildDigestNotification', () => {
  it('is computeDigest then interpretDigest, so the daily digest is the one it always was', () => {
    const options = { date: '2024-05-14' };
    const built = buildDigestNotification(recordedMonth(), options, CTX.en);
    const digest = computeDigest(recordedMonth(), options);
    expect(built).toEqual({ notification: interpretDigest(digest, CTX.en), notes: digest.notes });
  });

  it('renders a weekly digest of the recorded month — figures checked by hand', () => {
    // Hand check, 2024-05-07..05-13 of examples/cost/recorded-month.json (AmortizedCost):
    // Cost Explorer 4 × $0.01 (05-08, 05-10, 05-12, 05-13) = $0.04; S3 $0.0182857854 (its seven
    // growing days); Tax $0.01 (05-12); Amplify $0.0005575074; Route 53 $0.0004923696; then Systems
    // Manager $0.000195 / 2 = $0.0000975 (05-09, 05-13) and Lambda $0.0000356081 as "Other (2)".
    // Sum $0.0694687705 → $0.07. In cents 4 + 1.83 + 1 + 0.06 + 0.05 + 0.01: the floors make 6, the
    // missing cent goes to the largest remainder (S3, .83), so S3 shows $0.02 and the lines add to $0.07.
    // The week before (04-30..05-06) lacks 04-30, so there is no comparison and the sparkline
    // shows the four earlier weeks as no data. Month to date and forecast are the daily digest's.
    const { notification: n, notes } = buildDigestNotification(
      recordedMonth(),
      { period: 'weekly', date: '2024-05-14' },
      CTX.en,
    );
    expect(notes).toEqual([]);
    expect(n.title).toBe('AWS costs for 2024-05-07 – 2024-05-13: $0.07');
    expect(n.fields.slice(0, 2)).toEqual([
      { label: 'Total for 2024-05-07 – 2024-05-13', value: '$0.07  ····█' },
      {
        label: 'Top services (2024-04-09 – 2024-05-13)',
        value: [
          '····█ $0.04  AWS Cost Explorer',
          '····█ $0.02  Amazon Simple Storage Service',
          '····█ $0.01  Tax',
          '····█ $0.00  AWS Amplify',
          '····█ $0.00  Amazon Route 53',
          '      $0.00  Other (2 services)',
        ].join('\n'),
      },
    ]);
    expect(field(n.fields, /^Month to date/)?.value).toBe('$0.65');
    expect(field(n.fields, /^Month-end forecast/)?.value).toBe('$1.11');
    expect(n.dedupeKey).toBe('cost-digest::2024-05-07 – 2024-05-13');
    expect(renderEmail(notificationSchema.parse(n))).toMatchSnapshot();
  });

  it('renders a monthly digest of the recorded month in Japanese — figures checked by hand', () => {
    // Hand check, run on 2024-06-01, so May is reported; the recording has its first 13 days.
    // Their sum is the month to date of the daily digest, $0.6459625819 → $0.65. Route 53
    // $0.5009144 ($0.50 hosted zone on 05-01 plus 13 days of queries), Cost Explorer 6 × $0.01,
    // Tax $0.05 + $0.01, S3 $0.0237715209, Amplify $0.0010353708; Systems Manager $0.000195 and
    // Lambda $0.0000462902 are "Other (2)". Cents 50.09 + 6 + 6 + 2.38 + 0.10 + 0.02: floors make 64,
    // the 65th cent goes to S3 (remainder .38), shown as $0.03. Cost Explorer and Tax tie at $0.06
    // and are listed by name. The month is over: no forecast, no separate month-to-date line.
    const { notification: n, notes } = buildDigestNotification(
      recordedMonth(),
      { period: 'monthly', date: '2024-06-01' },
      CTX.ja,
    );
    expect(notes).toEqual([{ code: 'partialPeriod', days: 13, of: 31 }]);
    expect(n.title).toBe('AWS コスト 2024-05: $0.65');
    expect(n.summary).toMatch(/^先月の合計は \$0\.65 でした。/);
    expect(n.fields.slice(0, 2)).toEqual([
      { label: '2024-05 の合計', value: '$0.65  ·····█' },
      {
        label: '上位のサービス（2023-12-01 – 2024-05-31）',
        value: [
          '·····█ $0.50  Amazon Route 53',
          '·····█ $0.06  AWS Cost Explorer',
          '·····█ $0.06  Tax',
          '·····█ $0.03  Amazon Simple Storage Service',
          '·····█ $0.00  AWS Amplify',
          '       $0.00  その他（2 サービス）',
        ].join('\n'),
      },
    ]);
    expect(field(n.fields, /^(今月の累計|月の合計|月末の予測)/)).toBeUndefined();
    expect(n.notes).toContain(
      'Cost Explorer にある 2024-05 のデータは 31 日中 13 日分だけです。合計はその日数分です。',
    );
    expect(renderEmail(notificationSchema.parse(n))).toMatchSnapshot();
  });
});

describe('cost digest: recordedRunDate per period', () => {
  it.each([
    ['daily', '2024-05-14', 'the morning after the last recorded day'],
    ['weekly', '2024-05-14', 'the 7 days up to the last recorded day'],
    ['monthly', '2024-06-01', 'the 1st of the next month, so the recorded month is reported'],
  ] as const)('%s: %s (%s)', (period, date, _why) => {
    expect(recordedRunDate(recordedMonth(), period)).toBe(date);
  });

  it('is undefined without daily costs', () => {
    expect(recordedRunDate({ GetCostForecast: {} }, 'monthly')).toBeUndefined();
  });
});
