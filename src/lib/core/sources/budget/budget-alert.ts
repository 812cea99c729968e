import { lookup } from '../../lookup';
import { replaceEach } from '../../render/replace';
import * as z from '../../schemas/zod';

/**
 * An amount as AWS Budgets wrote it: "$0.59", "> 80%", "100 GB". `value` is the number as a plain
 * decimal string ("0.59"), `currency` an ISO code when the symbol names one, `unit` any other unit.
 */
export const budgetAmountSchema = z.object({
  text: z.string(),
  value: z.optional(z.string()),
  currency: z.optional(z.string()),
  unit: z.optional(z.string()),
  percent: z.boolean(),
});

/** Budget periods, from "for the current month", "per day", … */
export const budgetPeriodSchema = z.enum(['daily', 'monthly', 'quarterly', 'yearly']);

/** Whether the alert is about money spent or money forecast to be spent. */
export const budgetAlertTypeSchema = z.enum(['ACTUAL', 'FORECASTED']);

/**
 * What a parsed AWS Budgets notification says. Only `budgetName` is sure to be there; everything
 * else is as present in the text. `extra` keeps `Label: value` lines we do not know, so a future
 * line AWS adds is shown rather than lost.
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html
 */
export const budgetAlertSchema = z.object({
  budgetName: z.string(),
  budgetType: z.optional(z.string()),
  alertType: z.optional(budgetAlertTypeSchema),
  period: z.optional(budgetPeriodSchema),
  budgetedAmount: z.optional(budgetAmountSchema),
  comparison: z.optional(z.enum(['>', '<', '='])),
  threshold: z.optional(budgetAmountSchema),
  /** The actual or forecast amount the alert is about (the sentence's figure when there is one). */
  amount: z.optional(budgetAmountSchema),
  /** The table's "ACTUAL Amount:" line when it disagrees with the sentence (AWS sometimes sends both). */
  tableAmount: z.optional(budgetAmountSchema),
  account: z.optional(z.string()),
  /** "May 13, 2024" as written in the first line. */
  notificationDate: z.optional(z.string()),
  dashboardUrl: z.optional(z.string()),
  extra: z.array(z.object({ label: z.string(), value: z.string() })),
});

export type BudgetAmount = z.infer<typeof budgetAmountSchema>;
export type BudgetPeriod = z.infer<typeof budgetPeriodSchema>;
export type BudgetAlertType = z.infer<typeof budgetAlertTypeSchema>;
export type BudgetAlert = z.infer<typeof budgetAlertSchema>;

/** Currency symbols AWS may put before an amount. Only "$" has been seen in real Budgets messages. */
const currencySymbols = { $: 'USD', US$: 'USD', '¥': 'JPY', '￥': 'JPY', '€': 'EUR', '£': 'GBP' } as const;

const NUMBER = /-?\d[\d,]*(?:\.\d+)?|-?\.\d+/;

/**
 * Reads one amount as AWS wrote it. Never throws: an amount without a number keeps its text only.
 *
 * @example parseBudgetAmount('$1,234.50') // { text: '$1,234.50', value: '1234.50', currency: 'USD', percent: false }
 */
export function parseBudgetAmount(raw: string): BudgetAmount {
  const text = raw.trim();
  const match = NUMBER.exec(text);
  if (!match) return { text, percent: false };
  const before = text.slice(0, match.index).trim();
  const after = text.slice(match.index + match[0].length).trim();
  const percent = after.startsWith('%');
  const symbol = lookup(currencySymbols, before);
  const code = /^[A-Z]{3}$/.test(before) ? before : /^[A-Z]{3}$/.test(after) ? after : undefined;
  const currency = symbol ?? code;
  const unit = !percent && after && after !== currency ? after : undefined;
  return {
    text,
    value: replaceEach(match[0], /,/g, ''),
    currency: currency || undefined,
    unit: unit || undefined,
    percent,
  };
}
