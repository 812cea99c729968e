import { describe, expect, it } from 'vitest';
import { looksLikeBudgetText, parseBudgetText } from '../../../../../src/lib/core/sources/budget/budget-text';
import { budgetMessages } from '../../cost/fixtures';

/** Builds a Budgets message in the SNS layout of the real fixtures, with parts swapped out. */
const message = (o: { sentence: string; table: string; closing?: string }) =>
  `AWS Budget Notification June 27, 2021\nAWS Account 522955560990\n\nDear AWS Customer,\n\n${o.sentence} You can find additional details below and by accessing the AWS Budgets dashboard [1].\n\n${o.table}\n\n${o.closing ?? '[1] https://console.aws.amazon.com/billing/home#/budgets'}\n`;

describe('cost: parseBudgetText', () => {
  it.each(budgetMessages())('reads every real fixture: %s', (_name, text) => {
    const alert = parseBudgetText(text);
    expect(alert?.budgetName).toBeTruthy();
    expect(alert?.alertType).toMatch(/^(ACTUAL|FORECASTED)$/);
    expect(alert?.budgetedAmount?.currency).toBe('USD');
    expect(alert?.amount?.value).toMatch(/^\d+\.\d+$/);
    expect(alert?.period).toMatch(/^(monthly|yearly)$/);
  });

  it('reads the Test Budget alert field by field', () => {
    const [, text] = budgetMessages().find(([n]) => n.startsWith('budget-actual-monthly'))!;
    expect(parseBudgetText(text)).toEqual({
      budgetName: 'Test Budget',
      budgetType: 'Cost',
      alertType: 'ACTUAL',
      period: 'monthly',
      budgetedAmount: { text: '$0.20', value: '0.20', currency: 'USD', percent: false },
      comparison: '>',
      threshold: { text: '$0.16', value: '0.16', currency: 'USD', percent: false },
      amount: { text: '$0.59', value: '0.59', currency: 'USD', percent: false },
      account: '017790921725',
      notificationDate: 'September 26, 2022',
      dashboardUrl: 'https://console.aws.amazon.com/billing/home#/budgets',
      extra: [],
    });
  });

  it('keeps both amounts when the sentence and the table disagree (as in the sasa9477 samples)', () => {
    const [, text] = budgetMessages().find(([n]) => n.startsWith('sns-event-budget-FORECASTED'))!;
    const alert = parseBudgetText(text);
    expect(alert?.amount?.text).toBe('$1.03');
    expect(alert?.tableAmount?.text).toBe('$0.5');
  });

  it('reads a daily budget ("per day. Yesterday, the …")', () => {
    const alert = parseBudgetText(
      message({
        sentence:
          'You requested that we alert you when the ACTUAL Cost associated with your killswitch budget is greater than $0.75 per day. Yesterday, the ACTUAL Cost associated with this budget is $1.70.',
        table:
          'Budget Name: killswitch\nBudget Type: Cost\nBudgeted Amount: $5.00\nAlert Type: ACTUAL\nAlert Threshold: > $0.75\nACTUAL Amount: $1.70',
      }),
    );
    expect(alert).toMatchObject({ budgetName: 'killswitch', period: 'daily', amount: { value: '1.70' } });
  });

  it('reads mixed-case alert types and the costmanagement dashboard URL', () => {
    const alert = parseBudgetText(
      message({
        sentence:
          'You requested that we alert you when the Actual Cost associated with your tearaes budget is greater than $1.00 for the current quarter. The Actual Cost associated with this budget is $1.01.',
        table:
          'Budget Name: tearaes\nBudget Type: Cost\nBudgeted Amount: $1.00\nAlert Type: Actual\nAlert Threshold: > $1.00\nActual Amount: $1.01',
        closing: '[1] https://console.aws.amazon.com/costmanagement/home#/budgets',
      }),
    );
    expect(alert).toMatchObject({
      alertType: 'ACTUAL',
      period: 'quarterly',
      dashboardUrl: 'https://console.aws.amazon.com/costmanagement/home#/budgets',
    });
    expect(alert?.tableAmount).toBeUndefined();
  });

  it('reads the email layout: "exceeds", a tab-separated table and no URL', () => {
    const text =
      'Dear AWS Customer,\n\nYou requested that we alert you when the actual cost associated with your My Zero-Spend Budget budget exceeds $0.01 for the current month. The month actual cost associated with this budget is $0.60. You can find additional details below and by accessing the AWS Budgets dashboard.\n\nBudget Name\tBudget Type\tBudgeted Amount\tAlert Type\tAlert Threshold\tACTUAL Amount\nMy Zero-Spend Budget\tCost\t$1.00\tACTUAL\t> $0.01\t$0.60\n\nGo to the AWS Budgets dashboard\n';
    expect(parseBudgetText(text)).toMatchObject({
      budgetName: 'My Zero-Spend Budget',
      comparison: '>',
      threshold: { value: '0.01' },
      amount: { value: '0.60' },
      budgetedAmount: { value: '1.00' },
    });
  });

  it('reads percentage thresholds, usage units and lines it does not know', () => {
    const alert = parseBudgetText(
      message({
        sentence:
          'You requested that we alert you when the FORECASTED Usage associated with your ec2-hours budget is greater than 80% for the current year. The FORECASTED Usage associated with this budget is 1,250.5 Hrs.',
        table:
          'Budget Name: ec2-hours\nBudget Type: Usage\nBudgeted Amount: 1,000 Hrs\nAlert Type: FORECASTED\nAlert Threshold: > 80%\nFORECASTED Amount: 1,250.5 Hrs\nCost Filters: Service=EC2',
      }),
    );
    expect(alert).toMatchObject({
      budgetType: 'Usage',
      period: 'yearly',
      threshold: { value: '80', percent: true },
      amount: { value: '1250.5', unit: 'Hrs' },
      budgetedAmount: { value: '1000', unit: 'Hrs' },
      extra: [{ label: 'Cost Filters', value: 'Service=EC2' }],
    });
  });

  it.each(['', 'hello', 'Budget Name: x', '{"AlarmName":"x"}'])('returns undefined for %j', (text) => {
    expect(parseBudgetText(text)).toBeUndefined();
  });

  it('recognizes Budgets text by its first line, its table or the SNS subject', () => {
    expect(looksLikeBudgetText('AWS Budget Notification May 13, 2024\n…')).toBe(true);
    expect(looksLikeBudgetText('something', 'AWS Budgets: x has exceeded your alert threshold')).toBe(true);
    expect(looksLikeBudgetText('an alarm happened')).toBe(false);
  });
});
