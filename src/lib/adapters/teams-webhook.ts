import type { TeamsMessage } from '../core/channels/teams/render-teams';
import type { Verdict } from './webhook-attempt';
import { type SendWebhookOptions, sendWebhook, type WebhookAccepted, type WebhookChannel } from './webhook-sender';

/**
 * What a 2xx body says when a connector-style endpoint took the request but Teams refused the
 * card: the retired Office 365 connectors answered 200 with "…returned HTTP error 413…" rather
 * than the status itself; a Workflows URL answers 202 and shows a failed card only in the flow's
 * run history. Read so neither is taken for delivered.
 * @see https://github.com/MicrosoftDocs/msteams-docs/issues/1810
 */
const WRAPPED_ERROR = /returned HTTP error (\d{3})/;

/**
 * A Workflows webhook ("When a Teams webhook request is received") answers 202 Accepted once the
 * flow has the request; 400 when the body does not fit the trigger (not a message with an
 * attachment), 413 when it is too large, 429 with Retry-After when throttled: the status codes
 * the shared sender already reads. A 2xx quoting another status is read as that status.
 * @see https://learn.microsoft.com/en-us/power-automate/teams/create-flows-for-teams-webhooks
 */
function readTeamsResponse(status: number, body: string): Verdict | undefined {
  if (status < 200 || status >= 300) return undefined;
  const wrapped = WRAPPED_ERROR.exec(body)?.[1];
  if (wrapped === undefined) return 'accepted';
  return wrapped === '429' || wrapped.startsWith('5') ? 'transient' : 'permanent';
}

/** The Teams Workflows channel of the webhook sender. */
export const teamsWebhook: WebhookChannel = { name: 'Teams webhook', readResponse: readTeamsResponse };

/**
 * Posts an Adaptive Card message to a Teams Workflows webhook through the shared {@link sendWebhook}
 * (timeouts, Retry-After, backoff, the URL and its `sig` never shown).
 * @throws DeliveryError with `retryable` saying whether a later invocation may succeed.
 * @example await postTeamsMessage(url, renderTeams(n), { deadline });
 */
export function postTeamsMessage(
  url: string,
  message: TeamsMessage,
  options: SendWebhookOptions,
): Promise<WebhookAccepted> {
  return sendWebhook(teamsWebhook, { url, payload: message }, options);
}
