import { costMetaOf } from '../../cost/cost-meta';
import type { UnwrappedItem } from '../../envelopes/types';
import type { Source } from '../source';
import { looksLikeBudgetText } from './budget-text';
import { interpretBudget } from './interpret-budget';

/** The message as text: Budgets text as it is, anything else as indented JSON (shown, never lost). */
const textOf = (item: UnwrappedItem): string =>
  typeof item.payload === 'string' ? item.payload : JSON.stringify(item.payload, null, 2);

const readBudget: Source['read'] = (item) => ({
  kind: 'notify',
  build: (ctx) => interpretBudget(textOf(item), ctx, costMetaOf(item.envelope)),
});

/**
 * AWS Budgets alerts: the plain text Budgets publishes to SNS. Text it cannot parse still becomes a
 * budget notification carrying the text (see interpretBudget).
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html
 */
export const budgetSource: Source = {
  id: 'budget',
  matches: (item) => typeof item.payload === 'string' && looksLikeBudgetText(item.payload, item.envelope?.subject),
  read: readBudget,
  deploy: { function: 'budget', snsTopic: { ref: 'BudgetAlertsTopic', topicName: 'budget-alerts' } },
};

/**
 * The budget-alerts topic's catch-all: AWS Budgets is its only other publisher, so any message there
 * that no other source claims is delivered as a budget alert carrying its text. The same source,
 * claiming more: only the budget function lists it, last, in place of the registry's budgetSource.
 */
export const budgetTopicSource: Source = { ...budgetSource, matches: (item) => item.isMessage };
