import type { Clock } from './clock';
import { DeliveryError, redactUrl } from './errors';
import { logger } from './logger';
import { webhookSecrets } from './redact';
import { attemptPost, type Outcome, type ResponseReader } from './webhook-attempt';

/**
 * Shortest time an attempt is started with: a webhook normally answers well within it. With less
 * left before the deadline the post fails (retryable) instead of starting a request it cannot see
 * through.
 */
export const MIN_ATTEMPT_MS = 1_000;
const DEFAULT_MAX_ATTEMPTS = 4;
/**
 * Exponential backoff with full jitter for 5xx and network errors: a random wait in [0, 250 ms),
 * [0, 500 ms), [0, 1 s), … capped.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4_000;

/** A kind of webhook (Slack, Teams, a generic JSON endpoint): its name and how to read its answers. */
export interface WebhookChannel {
  /** Names the destination in messages, e.g. "Slack webhook". */
  readonly name: string;
  readonly readResponse?: ResponseReader;
}

/** One message to one webhook. The URL and every header value are secrets, never shown. */
export interface WebhookPost {
  readonly url: string;
  readonly payload: unknown;
  /** The channel's own headers (e.g. `authorization: Bearer …`); content-type is set here. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options of {@link sendWebhook}; everything but `deadline` has a real default. */
export interface SendWebhookOptions {
  /** Epoch ms by which the post must be settled (the invocation's deadline). */
  deadline: number;
  now?: Clock;
  sleep?: (ms: number) => Promise<void>;
  fetchImpl?: typeof fetch;
  maxAttempts?: number;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

/** How a post that was accepted went: the accepting answer's HTTP status and the attempts it took. */
export interface WebhookAccepted {
  readonly status: number;
  readonly attempts: number;
  /** The accepting answer's body (Slack's Web API puts the message `ts` there). */
  readonly body: string;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs `post.payload` as JSON until the channel accepts it or the deadline comes. Each attempt may
 * use all the time left, so a slow success is awaited, never abandoned and posted again. 429 waits
 * `Retry-After`; 5xx and network errors (no answer at all) back off with full jitter; an attempt
 * is not started, nor a wait begun, that cannot finish before the deadline. The URL, its path
 * segments, query values and header values never appear in an error, its causes or a log line.
 * @returns the accepting answer's status and how many attempts it took.
 * @throws DeliveryError: `retryable: false` when the channel refused for good (a 4xx other than
 *   408/429, or the channel's own verdict), `retryable: true` otherwise.
 * @example await sendWebhook(slackWebhook, { url, payload: renderSlack(n) }, { deadline });
 */
export async function sendWebhook(
  channel: WebhookChannel,
  post: WebhookPost,
  options: SendWebhookOptions,
): Promise<WebhookAccepted> {
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const secrets = webhookSecrets(post.url, post.headers);
  const where = `${channel.name} (${redactUrl(post.url)})`;
  const fail = (detail: string, retryable: boolean, last?: Outcome) =>
    new DeliveryError(`${where} ${detail}`, { retryable, cause: last?.cause });
  const base = {
    url: post.url,
    headers: post.headers ?? {},
    body: JSON.stringify(post.payload),
    secrets,
    readResponse: channel.readResponse,
    fetchImpl: options.fetchImpl ?? globalThis.fetch,
    now,
  };
  let last: Outcome | undefined;
  for (let n = 1; n <= maxAttempts; n++) {
    const timeoutMs = options.deadline - now();
    if (timeoutMs < MIN_ATTEMPT_MS) break;
    last = await attemptPost({ ...base, timeoutMs });
    if (last.verdict === 'accepted') return { status: last.status ?? 0, attempts: n, body: last.body ?? '' };
    if (last.verdict === 'permanent') throw fail(last.detail, false, last);
    if (last.verdict === 'unanswered') throw fail(`${last.detail}; it may have been delivered`, true, last);
    if (n === maxAttempts) throw fail(`failed after ${n} attempts, last ${last.detail}`, true, last);
    const backoff = (options.random ?? Math.random)() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
    const waitMs = Math.round(last.retryAfterMs ?? backoff);
    if (now() + waitMs + MIN_ATTEMPT_MS > options.deadline) {
      throw fail(`${last.detail}; waiting ${waitMs} ms would pass the deadline`, true, last);
    }
    logger.warn('webhook post failed, retrying', {
      channel: channel.name,
      host: redactUrl(post.url),
      attempt: n,
      waitMs,
      detail: last.detail,
    });
    await (options.sleep ?? sleepFor)(waitMs);
  }
  throw fail(`${last ? `${last.detail}; ` : 'was not tried: '}no time left before the deadline`, true, last);
}
