import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../../src/lib/core/locale';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { parseBudgetText } from '../../../../../src/lib/core/sources/budget/budget-text';
import { budgetSeverity, interpretBudget } from '../../../../../src/lib/core/sources/budget/interpret-budget';
import { budgetMessages, CTX } from '../../cost/fixtures';

/**
 * Severity and title of each fixture, per locale. What people read (email and Slack, en and ja) is in
 * the fixture table, tests/cli/render-fixtures.test.ts.
 */
const readings: Array<[string, Locale, string, string]> = [
  [
    'budget-actual-monthly-exceeded-sre-bot.txt',
    'en',
    'critical',
    'Budget "Test Budget": actual $0.59 (295% of budget)',
  ],
  ['budget-actual-monthly-exceeded-sre-bot.txt', 'ja', 'critical', '予算「Test Budget」: 実績 $0.59（予算の295%）'],
  [
    'budget-actual-yearly-exceeded-sage.txt',
    'en',
    'critical',
    'Budget "service-catalog_987654": actual $1.81 (120.7% of budget)',
  ],
  [
    'budget-actual-yearly-exceeded-sage.txt',
    'ja',
    'critical',
    '予算「service-catalog_987654」: 実績 $1.81（予算の120.7%）',
  ],
  [
    'budget-forecasted-monthly-sasa9477.txt',
    'en',
    'warning',
    'Budget "AwsCostNotificationStack-MonthlyCostBudget": forecast $1.03 (10,300% of budget)',
  ],
  [
    'budget-forecasted-monthly-sasa9477.txt',
    'ja',
    'warning',
    '予算「AwsCostNotificationStack-MonthlyCostBudget」: 予測 $1.03（予算の10,300%）',
  ],
  [
    'sns-event-budget-ACTUAL-monthly-sasa9477.json',
    'en',
    'critical',
    'Budget "AwsCostNotificationStack-MonthlyCostBudget": actual $0.60 (6,000% of budget)',
  ],
  [
    'sns-event-budget-ACTUAL-monthly-sasa9477.json',
    'ja',
    'critical',
    '予算「AwsCostNotificationStack-MonthlyCostBudget」: 実績 $0.60（予算の6,000%）',
  ],
  [
    'sns-event-budget-FORECASTED-monthly-sasa9477.json',
    'en',
    'warning',
    'Budget "AwsCostNotificationStack-MonthlyCostBudget": forecast $1.03 (10,300% of budget)',
  ],
  [
    'sns-event-budget-FORECASTED-monthly-sasa9477.json',
    'ja',
    'warning',
    '予算「AwsCostNotificationStack-MonthlyCostBudget」: 予測 $1.03（予算の10,300%）',
  ],
  [
    'sns-event-budget-actual-yearly-sage.json',
    'en',
    'critical',
    'Budget "service-catalog_987654": actual $1.81 (120.7% of budget)',
  ],
  [
    'sns-event-budget-actual-yearly-sage.json',
    'ja',
    'critical',
    '予算「service-catalog_987654」: 実績 $1.81（予算の120.7%）',
  ],
  [
    'sns/http-notification-budget-ACTUAL-sre-bot.json',
    'en',
    'critical',
    'Budget "Test Budget": actual $0.59 (295% of budget)',
  ],
  [
    'sns/http-notification-budget-ACTUAL-sre-bot.json',
    'ja',
    'critical',
    '予算「Test Budget」: 実績 $0.59（予算の295%）',
  ],
];

describe('cost: interpretBudget', () => {
  it.each(readings)('reads %s in %s: %s, %s', (name, locale, severity, title) => {
    const [, text, meta] = budgetMessages().find(([n]) => n === name)!;
    const n = notificationSchema.parse(interpretBudget(text, CTX[locale], meta));
    expect([n.category, n.locale, n.severity, n.title]).toEqual(['budget', locale, severity, title]);
  });

  it('has a row above for every budget message among the fixtures, in both locales', () => {
    const expected = budgetMessages().flatMap(([name]) => [`${name} en`, `${name} ja`]);
    expect(readings.map(([name, locale]) => `${name} ${locale}`).sort()).toEqual(expected.sort());
  });

  it('names the budget, amounts, share of the budget and links to the budget', () => {
    const [, text] = budgetMessages().find(([n]) => n.startsWith('budget-actual-monthly'))!;
    const n = interpretBudget(text, CTX.en);
    expect(n.title).toBe('Budget "Test Budget": actual $0.59 (295% of budget)');
    expect(n.fields).toContainEqual({ label: 'Alert threshold', value: '> $0.16 (80% of budget)' });
    expect(n.links[0]).toEqual({
      label: 'Budget in the Billing console',
      url: 'https://console.aws.amazon.com/billing/home#/budgets/details?name=Test%20Budget',
    });
    expect(n.account).toBe('017790921725');
  });

  it.each([
    ['ACTUAL over the budgeted amount', 'ACTUAL', '$1.81', '$1.50', 'critical'],
    ['ACTUAL threshold below the budget', 'ACTUAL', '$0.90', '$1.50', 'warning'],
    ['FORECASTED over the budget', 'FORECASTED', '$3.00', '$1.50', 'warning'],
  ])('severity: %s is %s', (_case, type, amount, budgeted, severity) => {
    const text = `You requested that we alert you when the ${type} Cost associated with your b budget is greater than $0.10 for the current month. The ${type} Cost associated with this budget is ${amount}.\n\nBudget Name: b\nBudgeted Amount: ${budgeted}\nAlert Type: ${type}\n`;
    expect(budgetSeverity(parseBudgetText(text))).toBe(severity);
    expect(interpretBudget(text, CTX.en).severity).toBe(severity);
  });

  it('delivers text it cannot parse as a budget notification carrying the original, with a note', () => {
    const text = 'AWS Budgets has something new to say\nin a format nobody has seen';
    const n = notificationSchema.parse(interpretBudget(text, CTX.en, { subject: 'AWS Budgets: new thing' }));
    expect(n).toMatchObject({ category: 'budget', severity: 'warning', title: 'AWS Budgets: new thing' });
    expect(n.fields).toEqual([{ label: 'Original message', value: text }]);
    expect(n.notes.join(' ')).toMatch(/could not be parsed/);
  });

  it('says in a note when AWS gave two different amounts', () => {
    const [, text] = budgetMessages().find(([n]) => n.startsWith('sns-event-budget-ACTUAL'))!;
    expect(interpretBudget(text, CTX.en).notes).toEqual([
      'AWS gave two amounts: $0.60 in the sentence and $0.5 in the table; the first is shown.',
    ]);
  });
});
