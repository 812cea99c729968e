import type { Notification } from '../notification';

/** SNS message attributes subscriptions can filter on (`FilterPolicy` on category and severity). */
export type SnsAttributes = Record<'category' | 'severity', { DataType: 'String'; StringValue: string }>;

/**
 * The message attributes of a notification's SNS publish.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html
 *
 * @example messageAttributes(n).severity.StringValue // "critical"
 */
export function messageAttributes(n: Notification): SnsAttributes {
  return {
    category: { DataType: 'String', StringValue: n.category },
    severity: { DataType: 'String', StringValue: n.severity },
  };
}
