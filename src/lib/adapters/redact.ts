/**
 * Secret redaction for everything the delivery layer says: error messages, causes, log lines.
 * A webhook URL is a credential in every part (Slack: `/services/T…/B…/<token>`), and servers echo
 * parts of it back (a path in a 404 page, a token in a 500 body), so each part is a secret of its own.
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/**
 * Shortest path segment or query value treated as a secret. Shorter ones (`v1`, `api`) are not
 * credentials, and replacing them would garble every message; Slack's IDs and tokens are 9+ characters.
 */
export const MIN_SECRET_CHARS = 6;

/** Longest chain of `cause`s (and nesting of AggregateError) copied by {@link redactError}. */
const MAX_ERROR_DEPTH = 5;

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The secrets of a webhook URL and of the headers sent with it: the whole URL, its path and query,
 * any user name and password, each path segment and query value of {@link MIN_SECRET_CHARS}+ characters (raw and decoded), and
 * every header value (`Authorization: Bearer <token>` also gives the bare token).
 * @example webhookSecrets('https://hooks.slack.com/services/T0/B0/abc123xyz') // [url, '/services/T0/B0/abc123xyz', 'services', 'abc123xyz']
 */
export function webhookSecrets(url: string, headers: Readonly<Record<string, string>> = {}): string[] {
  const secrets = [url];
  if (URL.canParse(url)) {
    const { pathname, search, username, password } = new URL(url);
    secrets.push(pathname + search, pathname, search.slice(1), username, password, decoded(password));
    for (const segment of pathname.split('/')) secrets.push(segment, decoded(segment));
    for (const [name, value] of new URLSearchParams(search)) secrets.push(value, `${name}=${value}`);
  }
  for (const value of Object.values(headers)) secrets.push(value, ...value.split(/\s+/).slice(1));
  return [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_CHARS && s !== '/');
}

/**
 * Slack tokens (bot `xoxb-`, user `xoxp-`, app-level `xapp-`, and the other `xox?-` kinds) are
 * recognisable on sight: redacted wherever they appear, even when no one listed them as a secret
 * (a token pasted into a URL, an error quoting a request).
 * @see https://api.slack.com/concepts/token-types
 */
const SLACK_TOKEN_PATTERN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g;

/**
 * Replaces every secret in `text`, longest first (so a whole URL becomes one marker, not a URL
 * with holes), and every Slack token.
 * @example redact('bad path /services/T0/B0/abc123xyz', webhookSecrets(url)) // 'bad path [redacted]'
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret) result = result.split(secret).join(REDACTED);
  }
  return result.replace(SLACK_TOKEN_PATTERN, () => REDACTED);
}

/**
 * Copies an error with every secret redacted from its message, `code`, `cause` chain and (for an
 * AggregateError) its `errors`, keeping names, so a library error that quotes the URL can still be
 * passed on as `cause`. The stack is reduced to its first line: frames hold no secret, but a
 * message repeated in them would.
 * @example throw new DeliveryError('post failed', { retryable: true, cause: redactError(error, secrets) });
 */
export function redactError(error: unknown, secrets: readonly string[], depth = 0): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const message = redact(original.message, secrets);
  const deeper = (e: unknown) => redactError(e, secrets, depth + 1);
  const cause = depth < MAX_ERROR_DEPTH && original.cause !== undefined ? deeper(original.cause) : undefined;
  const options = cause === undefined ? undefined : { cause };
  const copy =
    original instanceof AggregateError
      ? new AggregateError(depth < MAX_ERROR_DEPTH ? original.errors.map(deeper) : [], message, options)
      : new Error(message, options);
  copy.name = original.name;
  const code = (original as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code: redact(code, secrets) });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
