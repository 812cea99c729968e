/**
 * Errors of the I/O layer. Every message is one line, says what failed and whether trying again
 * may help, and never contains a secret (the Slack webhook URL is reduced to its host).
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

/** Longest chain of `cause`s copied by {@link scrubError}. */
const MAX_CAUSE_DEPTH = 5;

/**
 * Copies an error (and its `cause` chain) with every occurrence of `secret` replaced, so a
 * library error that quotes the URL (fetch, undici) can still be passed on as `cause`.
 */
export function scrubError(error: unknown, secret: string, depth = 0): Error {
  const replacement = `[redacted ${redactUrl(secret)}]`;
  const scrub = (text: string) => (secret ? text.split(secret).join(replacement) : text);
  const original = error instanceof Error ? error : new Error(String(error));
  const cause =
    depth < MAX_CAUSE_DEPTH && original.cause !== undefined ? scrubError(original.cause, secret, depth + 1) : undefined;
  const copy = new Error(scrub(original.message), cause === undefined ? undefined : { cause });
  copy.name = original.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
