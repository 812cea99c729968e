import type { SnsEnvelope } from '../envelopes/types';
import { encodeUriComponent } from '../links/encode';

/**
 * What the transport (SNS) said about a cost message: kept for ids, times and titles. All optional,
 * so a bare message body (CLI, tests) needs none.
 */
export interface CostMessageMeta {
  /** SNS MessageId (or EventBridge event id). */
  readonly id?: string;
  /** ISO instant the message was published. */
  readonly occurredAt?: string;
  /** SNS Subject, e.g. "AWS Budgets: Test Budget has exceeded your alert threshold". */
  readonly subject?: string;
  /** Account to show when the message names none. */
  readonly account?: string;
}

/** Link targets for Billing and Cost Management, a global console (no region in the URL). */
const COST_CONSOLE = 'https://console.aws.amazon.com';

/**
 * Deep link to one budget's details page in the Billing console.
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-managing-costs.html
 * @example budgetConsoleUrl('Test Budget') // "https://console.aws.amazon.com/billing/home#/budgets/details?name=Test%20Budget"
 */
export function budgetConsoleUrl(name: string): string {
  return `${COST_CONSOLE}/billing/home#/budgets/details?name=${encodeUriComponent(name)}`;
}

/** The AWS Budgets overview, the link AWS's own message closes with. */
export const BUDGETS_DASHBOARD_URL = `${COST_CONSOLE}/billing/home#/budgets`;

/**
 * The Cost Anomaly Detection overview, for anomalies that carry no `anomalyDetailsLink`.
 * @see https://docs.aws.amazon.com/cost-management/latest/userguide/manage-ad.html
 */
export const ANOMALY_CONSOLE_URL = `${COST_CONSOLE}/cost-management/home#/anomaly-detection/overview`;

/** The Cost Explorer page, linked from the cost digest. */
export const COST_EXPLORER_CONSOLE_URL = `${COST_CONSOLE}/cost-management/home#/cost-explorer`;

/** The Free Tier page of the Billing console. */
export const FREE_TIER_CONSOLE_URL = `${COST_CONSOLE}/billing/home#/freetier`;

/** What the SNS wrapper tells a cost interpreter: message id, time and subject. */
export function costMetaOf(envelope: SnsEnvelope | undefined): CostMessageMeta {
  return {
    ...(envelope?.messageId ? { id: envelope.messageId } : {}),
    ...(envelope?.timestamp ? { occurredAt: envelope.timestamp } : {}),
    ...(envelope?.subject ? { subject: envelope.subject } : {}),
  };
}
