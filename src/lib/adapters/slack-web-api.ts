import type { SlackMessage } from '../core/channels/slack/slack-types';
import { lookup } from '../core/lookup';
import { DeliveryError } from './errors';
import type { Verdict } from './webhook-attempt';
import { type SendWebhookOptions, sendWebhook, type WebhookChannel } from './webhook-sender';

/** Where Slack's Web API methods are. @see https://api.slack.com/web#basics */
export const SLACK_API_BASE_URL = 'https://slack.com/api/';

/**
 * Error words of a Slack Web API answer (HTTP 200 with `{"ok":false,"error":…}`), by whether
 * trying again can help. A word not listed is taken as transient: retried, then dead-lettered with
 * the word in the reason, so nothing is lost to a new word.
 * @see https://api.slack.com/methods/chat.postMessage#errors
 * @see https://api.slack.com/methods/chat.update#errors
 * @see https://api.slack.com/web#evaluating_responses
 */
const SLACK_API_ERRORS = {
  channel_not_found: 'permanent',
  not_in_channel: 'permanent',
  is_archived: 'permanent',
  msg_too_long: 'permanent',
  no_text: 'permanent',
  invalid_blocks: 'permanent',
  invalid_arguments: 'permanent',
  too_many_attachments: 'permanent',
  restricted_action: 'permanent',
  message_not_found: 'permanent',
  cant_update_message: 'permanent',
  edit_window_closed: 'permanent',
  invalid_auth: 'permanent',
  not_authed: 'permanent',
  account_inactive: 'permanent',
  token_revoked: 'permanent',
  token_expired: 'permanent',
  missing_scope: 'permanent',
  no_permission: 'permanent',
  access_denied: 'permanent',
  ratelimited: 'transient',
  internal_error: 'transient',
  fatal_error: 'transient',
  service_unavailable: 'transient',
  request_timeout: 'transient',
} as const satisfies Record<string, Verdict>;

interface SlackApiAnswer {
  readonly ok?: unknown;
  readonly error?: unknown;
  readonly ts?: unknown;
  readonly channel?: unknown;
}

function parseAnswer(body: string): SlackApiAnswer | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as SlackApiAnswer) : undefined;
  } catch {
    return undefined;
  }
}

/** Slack answers 200 to most failures: `ok` decides; 429 and 5xx are read by status. */
function readSlackApiResponse(status: number, body: string): Verdict | undefined {
  if (status !== 200) return undefined;
  const answer = parseAnswer(body);
  if (answer?.ok === true) return 'accepted';
  if (typeof answer?.error !== 'string') return 'transient';
  return lookup(SLACK_API_ERRORS, answer.error) ?? 'transient';
}

/** The Slack Web API channel of the webhook sender (the token goes in a header, a secret like a URL). */
export const slackWebApi: WebhookChannel = { name: 'Slack Web API', readResponse: readSlackApiResponse };

/** Where a posted message is: the channel's ID (what `chat.update` needs) and its `ts`. */
export interface SlackMessageRef {
  readonly channel: string;
  readonly ts: string;
}

/** A bot's view of the Web API: post, reply in a thread, update in place. */
export interface SlackApi {
  /** `chat.postMessage`, to `channel` (an ID or a name), in the thread of `threadTs` when given. */
  postMessage(channel: string, message: SlackMessage, threadTs?: string): Promise<SlackMessageRef>;
  /** `chat.update` of the message at `ref`. */
  update(ref: SlackMessageRef, message: SlackMessage): Promise<SlackMessageRef>;
}

/** Options of {@link createSlackApi}. */
export interface SlackApiOptions extends Omit<SendWebhookOptions, 'deadline'> {
  /** A bot token (`xoxb-…`) with the `chat:write` scope. A secret: never logged or shown. */
  readonly token: string;
  /** Epoch ms by which each call must be settled (the invocation's deadline). */
  readonly deadline: () => number;
  /** Default {@link SLACK_API_BASE_URL}; tests point it at a local stub. */
  readonly baseUrl?: string;
}

/**
 * A {@link SlackApi} over the shared webhook sender: each method is an HTTPS POST of JSON with
 * `Authorization: Bearer <token>`, retried on 429 (after Retry-After), 5xx and transient error
 * words, failing at once on a permanent word (`channel_not_found`, `not_in_channel`,
 * `invalid_auth`, …). The token never appears in an error or a log line (redact.ts also removes
 * any `xoxb-…` it meets).
 * @throws DeliveryError with `retryable`, naming the method and Slack's error word.
 * @see https://api.slack.com/methods/chat.postMessage
 * @see https://api.slack.com/methods/chat.update
 * @example const api = createSlackApi({ token, deadline: () => deadline }); const ref = await api.postMessage('C123', renderSlack(n));
 */
export function createSlackApi(options: SlackApiOptions): SlackApi {
  const { token, deadline, baseUrl = SLACK_API_BASE_URL, ...send } = options;
  const headers = { authorization: `Bearer ${token}` };

  async function call(method: string, payload: object): Promise<SlackMessageRef> {
    const channel: WebhookChannel = { ...slackWebApi, name: `Slack Web API ${method}` };
    const accepted = await sendWebhook(
      channel,
      { url: `${baseUrl}${method}`, payload, headers },
      {
        ...send,
        deadline: deadline(),
      },
    );
    const answer = parseAnswer(accepted.body);
    if (typeof answer?.ts !== 'string' || typeof answer.channel !== 'string') {
      // Delivered, but without the reference: the message stands; only threading is lost.
      throw new DeliveryError(`Slack Web API ${method} answered ok without channel and ts`, { retryable: false });
    }
    return { channel: answer.channel, ts: answer.ts };
  }

  return {
    postMessage: (channel, message, threadTs) =>
      call('chat.postMessage', {
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      }),
    update: (ref, message) =>
      call('chat.update', { channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks }),
  };
}
