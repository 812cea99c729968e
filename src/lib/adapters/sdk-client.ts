/**
 * Longest wait for a connection to an AWS endpoint; a healthy one connects in milliseconds.
 * @see https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-maxsockets.html
 */
export const SDK_CONNECTION_TIMEOUT_MS = 3_000;
/** Longest wait for one request's answer; publishes and item writes answer in well under a second. */
export const SDK_REQUEST_TIMEOUT_MS = 5_000;
/** The SDK's standard retry mode makes at most this many attempts (throttling, 5xx, timeouts). */
export const SDK_MAX_ATTEMPTS = 3;

/**
 * Configuration every SDK client of the handlers is created with: without it a stuck connection
 * waits forever (the SDK's default request timeout is none), and the function is killed at its
 * timeout instead of failing loudly. A call's own `abortSignal` (from the invocation's deadline)
 * bounds all attempts together.
 * @see https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-timeouts.html
 * @example new SNSClient(sdkClientConfig())
 */
export function sdkClientConfig(overrides: { region?: string } = {}) {
  return {
    ...overrides,
    maxAttempts: SDK_MAX_ATTEMPTS,
    requestHandler: {
      connectionTimeout: SDK_CONNECTION_TIMEOUT_MS,
      requestTimeout: SDK_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
  };
}
