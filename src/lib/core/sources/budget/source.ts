import { costMetaOf } from '../../cost/cost-meta';
import type { UnwrappedItem } from '../../envelopes/types';
import type { Source } from '../source';
import { looksLikeBudgetText } from './budget-text';
import { interpretBudget } from './interpret-budget';

/** Longest indented JSON carried as a budget's original message; anything longer is carried compact. */
const PRETTY_JSON_MAX_CHARS = 8_000;

/**
 * The message as text: Budgets text as it is, anything else as JSON (shown, never lost), indented
 * while that stays short, else compact. Indenting costs up to two spaces per level on every line,
 * which on a big or deep message (3.6 KB nested 600 deep took ~14 s to render) multiplies the
 * text; compact JSON is as long as the message. Nesting is bounded before this
 * (envelopes/bounds.ts), so the recursion in JSON.stringify is too.
 */
function textOf(item: UnwrappedItem): string {
  if (typeof item.payload === 'string') return item.payload;
  const compact = JSON.stringify(item.payload);
  if (compact.length > PRETTY_JSON_MAX_CHARS) return compact;
  const pretty = JSON.stringify(item.payload, null, 2);
  return pretty.length <= PRETTY_JSON_MAX_CHARS ? pretty : compact;
}

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
