import { replaceEach } from '../../render/replace';
import { fastSafeParse } from '../../schemas/fast-parse';
import {
  type BudgetAlert,
  type BudgetAlertType,
  type BudgetAmount,
  type BudgetPeriod,
  budgetAlertTypeSchema,
  parseBudgetAmount,
} from './budget-alert';
import { budgetsUrl, execFrom, hasBudgetLine, labelAndValue, splitOperator } from './text-scan';

/*
 * AWS Budgets publishes plain text, never JSON. Variants seen in real messages (tests/fixtures/budgets,
 * and public samples): "ACTUAL"/"Actual" and "FORECASTED"; "for the current month|year" and "per day.
 * Yesterday, the …"; "is greater than" (SNS) and "exceeds" (email); a table of "Label: value" lines
 * (SNS) or one tab-separated header row and value row (email); a closing "[1] <dashboard URL>" on
 * billing/home or costmanagement/home, or no URL. Anything else is parsed defensively.
 */

/** Words after "for the current"/"per" → period. */
const periodWords: Readonly<Record<string, BudgetPeriod>> = {
  day: 'daily',
  daily: 'daily',
  month: 'monthly',
  monthly: 'monthly',
  quarter: 'quarterly',
  quarterly: 'quarterly',
  year: 'yearly',
  yearly: 'yearly',
  annual: 'yearly',
  annually: 'yearly',
};

const comparisons = { 'greater than': '>', exceeds: '>', 'less than': '<', 'equal to': '=' } as const;

/** Table labels (lower case) → what they fill. Unknown labels go to `extra`. */
const knownLabels = new Set([
  'budget name',
  'budget type',
  'budgeted amount',
  'alert type',
  'alert threshold',
  'actual amount',
  'forecasted amount',
]);

/** Each sentence is read from where its start first occurs, on a bounded window (see text-scan.ts). */
const SENTENCE_START = /alert you when the /i;
const SENTENCE =
  /alert you when the (actual|forecasted) (\w+) associated with your (.+?)(?: budget)? (?:is )?(greater than|exceeds|less than|equal to) (.+?) (?:for the current|per) (\w+)/i;
const AMOUNT_START = /associated with this budget is /i;
const AMOUNT_SENTENCE = /associated with this budget is (.+?)\.(?:\s|$)/i;
const AMOUNT_LABEL = /^(actual|forecasted) amount$/;

/** Normalizes "actual"/"Actual"/"ACTUAL" to the enum; undefined for anything else. */
function toAlertType(text: string | undefined): BudgetAlertType | undefined {
  const parsed = fastSafeParse(budgetAlertTypeSchema, text?.trim().toUpperCase());
  return parsed.success ? parsed.data : undefined;
}

/** "Label: value" lines plus the email's tab-separated header row and value row. */
function readTable(lines: readonly string[]): Map<string, { label: string; value: string }> {
  const table = new Map<string, { label: string; value: string }>();
  const add = (label: string, value: string) => {
    const key = label.trim().toLowerCase();
    if (key && value.trim() && !table.has(key)) table.set(key, { label: label.trim(), value: value.trim() });
  };
  lines.forEach((line, i) => {
    if (line.includes('\t') && /budget name/i.test(line)) {
      const values = (lines[i + 1] ?? '').split('\t');
      line.split('\t').forEach((label, j) => {
        add(label, values[j] ?? '');
      });
      return;
    }
    const m = labelAndValue(line.trim());
    if (m && !/^https?$/i.test(m[0])) add(...m);
  });
  return table;
}

function splitThreshold(text: string | undefined): { comparison?: '>' | '<' | '='; threshold?: BudgetAmount } {
  if (!text) return {};
  const m = splitOperator(text.trim());
  return m ? { comparison: m[0], threshold: parseBudgetAmount(m[1]) } : { threshold: parseBudgetAmount(text) };
}

const sameAmount = (a: BudgetAmount | undefined, b: BudgetAmount | undefined) =>
  a?.value !== undefined && b?.value !== undefined && Number(a.value) === Number(b.value);

/**
 * Parses the plain-text message AWS Budgets publishes to SNS (or sends by email).
 * Returns undefined when the text does not name a budget and an alert, so the caller can still
 * deliver the original text.
 *
 * @example parseBudgetText(message)?.budgetName // "Test Budget"
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html
 */
export function parseBudgetText(text: string): BudgetAlert | undefined {
  const normalized = text.includes('\r') ? replaceEach(text, /\r\n?/g, '\n') : text;
  const lines = normalized.split('\n');
  const flat = replaceEach(normalized, /\s+/g, ' ');
  const rows = readTable(lines);
  const table = new Map([...rows].map(([key, row]) => [key, row.value]));
  const sentence = execFrom(flat, SENTENCE_START, SENTENCE);
  const budgetName = table.get('budget name') ?? sentence?.[3]?.trim();
  const alertType = toAlertType(table.get('alert type')) ?? toAlertType(sentence?.[1]);
  const sentenceAmount = execFrom(flat, AMOUNT_START, AMOUNT_SENTENCE)?.[1];
  const amount = sentenceAmount ? parseBudgetAmount(sentenceAmount) : undefined;
  const tableText = [...table].find(([key]) => AMOUNT_LABEL.test(key))?.[1];
  const tableAmount = tableText ? parseBudgetAmount(tableText) : undefined;
  if (!budgetName || (!alertType && !amount && !tableAmount)) return undefined;

  const fromTable = splitThreshold(table.get('alert threshold'));
  const comparison =
    fromTable.comparison ??
    (sentence ? comparisons[sentence[4]!.toLowerCase() as keyof typeof comparisons] : undefined);
  const threshold = fromTable.threshold ?? (sentence ? parseBudgetAmount(sentence[5]!) : undefined);
  const period = sentence ? periodWords[sentence[6]!.toLowerCase()] : /\bper day\b/i.test(flat) ? 'daily' : undefined;
  const budgeted = table.get('budgeted amount');
  const extra = [...rows].filter(([key]) => !knownLabels.has(key) && !AMOUNT_LABEL.test(key)).map(([, row]) => row);
  const budgetType = table.get('budget type') ?? sentence?.[2];
  const account = /AWS Account\s+(\S+)/.exec(normalized)?.[1];
  const notificationDate = /AWS Budget Notification\s+([^\n]+)/.exec(normalized)?.[1]?.trim();
  const dashboardUrl = /\[1\]\s*(https?:\/\/\S+)/.exec(normalized)?.[1] ?? budgetsUrl(normalized);
  const primary = amount ?? tableAmount;
  // Every key written, undefined when not found (readers test each one): a spread of a small
  // literal per optional key takes V8's slow path.
  return {
    budgetName,
    budgetType: budgetType || undefined,
    alertType: alertType || undefined,
    period: period || undefined,
    budgetedAmount: budgeted ? parseBudgetAmount(budgeted) : undefined,
    comparison: comparison || undefined,
    threshold: threshold || undefined,
    amount: primary || undefined,
    tableAmount: amount && tableAmount && !sameAmount(amount, tableAmount) ? tableAmount : undefined,
    account: account || undefined,
    notificationDate: notificationDate || undefined,
    dashboardUrl: dashboardUrl || undefined,
    extra,
  };
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const LONG_DATE = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})$/;

/**
 * The date of "AWS Budget Notification September 26, 2022" as `YYYY-MM-DD`, or undefined when AWS
 * wrote it some other way (then it is shown as written).
 *
 * @example parseNotificationDate('September 26, 2022') // "2022-09-26"
 */
export function parseNotificationDate(text: string): string | undefined {
  const m = LONG_DATE.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0) return undefined;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/**
 * True when a text looks like an AWS Budgets notification (or its SNS subject says so), for the
 * dispatcher: such a text becomes a `budget` notification even when it cannot be parsed.
 */
export function looksLikeBudgetText(text: string, subject?: string): boolean {
  return /AWS Budget Notification/i.test(text) || hasBudgetLine(text) || /^AWS Budgets:/.test(subject ?? '');
}
