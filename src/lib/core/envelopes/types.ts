/** What the SNS wrapper said about a message, kept for titles, ids and ignore rules. */
export interface SnsEnvelope {
  readonly kind: 'sns-lambda' | 'sns-http';
  /** "Notification", "SubscriptionConfirmation", … */
  readonly type?: string;
  readonly messageId?: string;
  readonly topicArn?: string;
  readonly subject?: string;
  /** ISO instant SNS accepted the message. */
  readonly timestamp?: string;
  /** String-valued message attributes, e.g. `{ EventType: 'BACKUP_JOB', State: 'FAILED' }`. */
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * One message found in the input: a parsed JSON object (an EventBridge event, an alarm message, …)
 * or the text of a non-JSON message.
 */
export interface UnwrappedItem {
  /** Where the payload sits in the input, e.g. "Records[2].Sns.Message"; "" for the input itself. */
  readonly path: string;
  readonly payload: Record<string, unknown> | string;
  /** True when the payload is a message body (SNS `Message` or a bare string), so unknown JSON is still news. */
  readonly isMessage: boolean;
  /** Present when the payload came out of an SNS wrapper. */
  readonly envelope?: SnsEnvelope;
}
