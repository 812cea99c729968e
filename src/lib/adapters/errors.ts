/**
 * Errors of the I/O layer. Every message is one line, says what failed and whether trying again
 * may help, and never contains a secret (a webhook URL is reduced to its host; see redact.ts).
 */

/** Delivering a notification (SNS publish, Slack webhook post) failed. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  /** True when the same request may succeed later (throttling, 5xx, timeout, network). */
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable;
  }
}

/**
 * Reduces a URL to what is safe to show: its host (e.g. "hooks.slack.com"); the path of a webhook
 * URL is the credential.
 */
export function redactUrl(url: string): string {
  try {
    return new URL(url).host || '(no host)';
  } catch {
    return '(invalid URL)';
  }
}

/**
 * The AWS SDK found no usable credentials (none configured, an expired SSO session, unknown keys):
 * the caller must sign in, not fix the account. The message says how.
 */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
}

/**
 * A store whose answer decides what is delivered (the flapping history) could not be read or
 * written. Never swallowed: the invocation fails, and Lambda retries it, then dead-letters it.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** True when the same call may succeed later (throttling, 5xx, timeout, network). */
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable;
  }
}
