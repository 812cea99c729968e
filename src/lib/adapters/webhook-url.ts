import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import type { WebhookSource } from '../config';
import { ConfigError } from '../core/errors';
import { isAllowedWebhookUrl } from './allowed-url';
import { describeAwsError, isRetryableAwsError } from './aws-errors';
import { DeliveryError } from './errors';
import { withTimeout } from './timeout';

/**
 * How long a container reuses the URL read from SSM before reading it again (a rotated webhook is
 * picked up within this time without a redeploy).
 * @see https://docs.powertools.aws.dev/lambda/typescript/latest/features/parameters/#adjusting-cache-ttl
 */
const WEBHOOK_PARAMETER_MAX_AGE_SECONDS = 300;
/** Longest wait for SSM (Powertools' client has no timeout of its own); it normally answers in milliseconds. */
export const WEBHOOK_PARAMETER_TIMEOUT_MS = 3_000;

/** Reads an SSM SecureString parameter, decrypted; the default goes through Powertools' cache. */
export type ParameterReader = (name: string) => Promise<string | undefined>;

/** The default {@link ParameterReader}: Powertools' SSM getParameter, decrypted, cached per container. */
export const readSecureParameter: ParameterReader = (name) =>
  getParameter(name, { decrypt: true, maxAge: WEBHOOK_PARAMETER_MAX_AGE_SECONDS });

/** Validates without ever repeating the value: a mistyped URL is still a credential. */
function checked(value: string | undefined, origin: string): string {
  const url = value?.trim() ?? '';
  if (!isAllowedWebhookUrl(url))
    throw new ConfigError(`${origin} does not hold an https URL (value not shown: it is a secret)`);
  return url;
}

/**
 * Returns the Slack webhook URL: from the SSM SecureString parameter when configured (cached per
 * container for {@link WEBHOOK_PARAMETER_MAX_AGE_SECONDS} s), else the URL given directly.
 * @throws ConfigError when the parameter is missing, unreadable for good (not found, access denied)
 *   or not an https URL; DeliveryError (retryable) when SSM is throttling, failing or gives no
 *   answer within `timeoutMs`.
 * @example const url = await resolveWebhookUrl(config.webhook);
 */
export async function resolveWebhookUrl(
  source: WebhookSource,
  readParameter: ParameterReader = readSecureParameter,
  timeoutMs = WEBHOOK_PARAMETER_TIMEOUT_MS,
): Promise<string> {
  if ('url' in source) return checked(source.url, 'SLACK_WEBHOOK_URL');
  return readUrlParameter(
    source.parameter,
    `SLACK_WEBHOOK_PARAMETER: SSM parameter "${source.parameter}"`,
    readParameter,
    timeoutMs,
  );
}

/**
 * Reads a routing destination's webhook URL (Slack, Teams, JSON webhook) from its SSM SecureString
 * parameter, through the same cached, time-bounded reader; errors name the destination, never the URL.
 * @throws ConfigError (missing, denied, not an https URL) or DeliveryError (retryable: SSM throttling or slow)
 * @example const url = await resolveDestinationUrl('notices', '/notifier/slack/notices');
 */
export function resolveDestinationUrl(
  destination: string,
  parameter: string,
  readParameter: ParameterReader = readSecureParameter,
  timeoutMs = WEBHOOK_PARAMETER_TIMEOUT_MS,
): Promise<string> {
  return readUrlParameter(
    parameter,
    `destination ${destination}: SSM parameter "${parameter}"`,
    readParameter,
    timeoutMs,
  );
}

async function readUrlParameter(
  parameter: string,
  origin: string,
  readParameter: ParameterReader,
  timeoutMs: number,
): Promise<string> {
  return checked(await readSecretParameter(parameter, origin, readParameter, timeoutMs), origin);
}

/**
 * A secret parameter's value (the webhook URLs, the Slack bot token), read within `timeoutMs`.
 * @throws DeliveryError (retryable) when SSM is throttling, failing or too slow; ConfigError when the
 *   parameter is missing or unreadable for good. `origin` names it in the message; the value never is.
 */
export async function readSecretParameter(
  parameter: string,
  origin: string,
  readParameter: ParameterReader,
  timeoutMs: number,
): Promise<string | undefined> {
  try {
    return await withTimeout(timeoutMs, () => readParameter(parameter));
  } catch (error) {
    const reason = error instanceof Error && error.cause !== undefined ? error.cause : error;
    const message = `${origin} could not be read: ${describeAwsError(reason)}`;
    if (isRetryableAwsError(reason)) throw new DeliveryError(message, { retryable: true, cause: error });
    throw new ConfigError(message, { cause: error });
  }
}
