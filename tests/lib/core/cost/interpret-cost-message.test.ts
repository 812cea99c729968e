import { describe, expect, it } from 'vitest';
import { interpretCostMessage, recognizeCostMessage } from '../../../../src/lib/core/cost/interpret-cost-message';
import { BUDGETS_DIR, budgetMessages, CTX, fixtureJson, fixtureNames, fixtureText } from './fixtures';

describe('cost: recognizeCostMessage / interpretCostMessage', () => {
  it.each(budgetMessages())('recognizes the Budgets text %s', (_name, text, meta) => {
    expect(recognizeCostMessage(text)).toBe('budget');
    const n = interpretCostMessage(text, CTX.en, meta);
    expect(n.category).toBe('budget');
    expect(n.source.id).toBe(meta.id);
  });

  it.each(fixtureNames(BUDGETS_DIR, /^cost-anomaly/))('recognizes the anomaly %s as text and as an object', (name) => {
    expect(recognizeCostMessage(fixtureText(BUDGETS_DIR, name))).toBe('cost-anomaly');
    expect(recognizeCostMessage(fixtureJson(BUDGETS_DIR, name))).toBe('cost-anomaly');
    expect(interpretCostMessage(fixtureText(BUDGETS_DIR, name), CTX.ja).category).toBe('cost-anomaly');
  });

  it('takes the EventBridge event id as the source id', () => {
    const event = fixtureJson(BUDGETS_DIR, 'cost-anomaly-detection-eventbridge-anomaly-detected-docs.json');
    expect(interpretCostMessage(event, CTX.en).source.id).toBe('<id>');
  });

  it.each([{ AlarmName: 'x' }, 'an alarm fired', 42])('leaves %j to other rules', (value) => {
    expect(recognizeCostMessage(value)).toBeUndefined();
  });

  it('delivers anything else on the budget-alerts topic as a budget notification with the original', () => {
    const n = interpretCostMessage({ unexpected: true }, CTX.en);
    expect(n).toMatchObject({
      category: 'budget',
      fields: [{ label: 'Original message', value: '{\n  "unexpected": true\n}' }],
    });
  });
});
