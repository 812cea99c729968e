import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../../src/lib/core/channels/email/render-email';
import { renderSlack } from '../../../../../src/lib/core/channels/slack/render-slack';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { parseBudgetText } from '../../../../../src/lib/core/sources/budget/budget-text';
import { budgetSeverity, interpretBudget } from '../../../../../src/lib/core/sources/budget/interpret-budget';
import { budgetMessages, CTX } from '../../cost/fixtures';

const locales = ['en', 'ja'] as const;

describe('cost: interpretBudget', () => {
  describe.each(budgetMessages())('%s', (_name, text, meta) => {
    it.each(locales)('renders in %s (email and Slack snapshots)', (locale) => {
      const n = notificationSchema.parse(interpretBudget(text, CTX[locale], meta));
      expect(n.category).toBe('budget');
      expect(renderEmail(n)).toMatchSnapshot('email');
      expect(renderSlack(n)).toMatchSnapshot('slack');
    });
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
