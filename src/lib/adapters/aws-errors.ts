/** Most characters of an AWS error kept in a note shown to people. */
const MAX_ERROR_NOTE_CHARS = 200;

/**
 * AWS error codes that mean "slow down" rather than "wrong request".
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'KMSThrottlingException',
  'SlowDown',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** What the SDK attaches to a service error. */
interface AwsErrorShape {
  name?: unknown;
  message?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * True when an SDK error may go away by itself: throttling, a server fault (5xx), a timeout, or a
 * network error that never reached the service (no HTTP status).
 */
export function isRetryableAwsError(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AwsErrorShape;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  if (e.$retryable !== undefined || e.$fault === 'server') return true;
  if (typeof e.name === 'string' && THROTTLING_ERROR_NAMES.has(e.name)) return true;
  if (status !== undefined) return status === 429 || status >= 500;
  return e.$fault !== 'client';
}

/**
 * One short line for people: `<ErrorName>: <first part of the message>`, whitespace collapsed,
 * at most {@link MAX_ERROR_NOTE_CHARS} characters.
 * @example describeAwsError(accessDenied) // "AccessDenied: User: arn:aws:sts::… is not authorized…"
 */
export function describeAwsError(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AwsErrorShape;
  const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
  const message = (typeof e.message === 'string' ? e.message : String(error)).replace(/\s+/g, ' ').trim();
  const line = message && message !== name ? `${name}: ${message}` : name;
  return line.length <= MAX_ERROR_NOTE_CHARS ? line : `${line.slice(0, MAX_ERROR_NOTE_CHARS - 1)}…`;
}

/**
 * Errors meaning "these credentials cannot be used", not "the account is set up wrong": none found
 * (the SDK's credential chain came up empty), an SSO session or token that expired, keys AWS does
 * not recognise. The fix is the same for all: sign in again or pick a profile.
 * @see https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html
 */
const CREDENTIALS_ERROR_NAMES: ReadonlySet<string> = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
]);

/** True when an SDK error says the caller has no usable credentials (see {@link CREDENTIALS_ERROR_NAMES}). */
export function isCredentialsError(error: unknown): boolean {
  const name = (typeof error === 'object' && error !== null ? (error as AwsErrorShape).name : undefined) ?? '';
  return typeof name === 'string' && CREDENTIALS_ERROR_NAMES.has(name);
}
