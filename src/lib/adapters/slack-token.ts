import { ConfigError } from '../core/errors';
import {
  type ParameterReader,
  readSecretParameter,
  readSecureParameter,
  WEBHOOK_PARAMETER_TIMEOUT_MS,
} from './webhook-url';

/**
 * A Slack bot token: `xoxb-` then digits, letters and dashes.
 * @see https://api.slack.com/concepts/token-types#bot
 */
const BOT_TOKEN = /^xoxb-[A-Za-z0-9-]+$/;

/**
 * Reads a Slack app's bot token from an SSM SecureString parameter at run time (through the same
 * cached, time-bounded reader as the webhook URL), and checks its shape without ever repeating it.
 * @throws ConfigError when the parameter is missing, unreadable for good or not a bot token;
 *   DeliveryError (retryable) when SSM is throttling, failing or too slow.
 * @example const token = await resolveSlackToken('/notifier/slack-bot-token');
 */
export async function resolveSlackToken(
  parameter: string,
  readParameter: ParameterReader = readSecureParameter,
  timeoutMs = WEBHOOK_PARAMETER_TIMEOUT_MS,
): Promise<string> {
  const origin = `SSM parameter "${parameter}" (Slack bot token)`;
  const value = await readSecretParameter(parameter, origin, readParameter, timeoutMs);
  const token = value?.trim() ?? '';
  if (!BOT_TOKEN.test(token)) throw new ConfigError(`${origin} does not hold an xoxb- bot token (value not shown)`);
  return token;
}
