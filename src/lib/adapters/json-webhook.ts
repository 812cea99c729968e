import type { WebhookMessage } from '../core/channels/webhook/render-webhook';
import { type SendWebhookOptions, sendWebhook, type WebhookAccepted, type WebhookChannel } from './webhook-sender';

/**
 * The generic JSON webhook channel of the webhook sender: any 2xx is accepted, 408/429/5xx are
 * retried (429 after Retry-After), any other status is a permanent refusal. An in-house receiver
 * needs nothing more than standard HTTP answers.
 */
export const jsonWebhook: WebhookChannel = { name: 'JSON webhook' };

/**
 * Posts the envelope `{ version, subject, notification }` to a JSON webhook through the shared
 * {@link sendWebhook}. Extra `headers` (e.g. `authorization`) are secrets like the URL.
 * @throws DeliveryError with `retryable` saying whether a later invocation may succeed.
 * @example await postJsonWebhook(url, renderWebhook(n), { deadline });
 */
export function postJsonWebhook(
  url: string,
  message: WebhookMessage,
  options: SendWebhookOptions,
  headers?: Readonly<Record<string, string>>,
): Promise<WebhookAccepted> {
  return sendWebhook(jsonWebhook, { url, payload: message, ...(headers ? { headers } : {}) }, options);
}
