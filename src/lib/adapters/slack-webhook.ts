import type { SlackMessage } from '../core/channels/slack/render-slack';
import { DeliveryError, redactUrl, scrubError } from './errors';
import { logger } from './logger';

/**
 * Time kept free before the deadline for one more attempt to run; a wait that would eat into it is
 * not started (the Lambda retry takes over instead of a timeout killing the function mid-request).
 */
const SAFETY_MARGIN_MS = 500;
/** Longest time one attempt may take; Slack normally answers in well under a second. */
const DEFAULT_ATTEMPT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_ATTEMPTS = 4;
/** Exponential backoff for 5xx, timeouts and network errors: 250 ms, 500 ms, 1 s, … capped, with jitter. */
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4_000;
/** How much of Slack's error body (e.g. "invalid_payload", "no_service") goes into the error message. */
const MAX_ERROR_BODY_CHARS = 200;

/**
 * What each HTTP status class means for a webhook post; 429 and 408 are overridden below.
 * @see https://api.slack.com/messaging/webhooks#handling_errors
 * @see https://api.slack.com/apis/rate-limits
 */
const OUTCOME_BY_STATUS_CLASS = { 2: 'ok', 4: 'fail', 5: 'retry' } as const;
const OUTCOME_BY_STATUS = { 408: 'retry', 429: 'retry' } as const;
type OutcomeKind = 'ok' | 'retry' | 'fail';

type Outcome = { kind: OutcomeKind; detail: string; retryAfterMs?: number; cause?: Error };

/** Options of {@link postSlackMessage}; everything but `deadline` has a real default. */
export interface PostSlackOptions {
  /** Epoch ms by which the post must be done (typically the Lambda's remaining time minus a margin). */
  deadline: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetchImpl?: typeof fetch;
  maxAttempts?: number;
  attemptTimeoutMs?: number;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function shortBody(text: string, url: string): string {
  const line = text.split(url).join('[redacted]').replace(/\s+/g, ' ').trim();
  return line.length <= MAX_ERROR_BODY_CHARS ? line : `${line.slice(0, MAX_ERROR_BODY_CHARS - 1)}…`;
}

async function attempt(url: string, body: string, timeoutMs: number, o: Required<PostSlackOptions>): Promise<Outcome> {
  try {
    const response = await o.fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = shortBody(await response.text(), url);
    const kind: OutcomeKind =
      OUTCOME_BY_STATUS[response.status as keyof typeof OUTCOME_BY_STATUS] ??
      OUTCOME_BY_STATUS_CLASS[Math.floor(response.status / 100) as keyof typeof OUTCOME_BY_STATUS_CLASS] ??
      'fail';
    const retryAfterMs =
      response.status === 429 ? parseRetryAfter(response.headers.get('retry-after'), o.now()) : undefined;
    return { kind, detail: `answered ${response.status}${text ? `: ${text}` : ''}`, retryAfterMs };
  } catch (error) {
    const cause = scrubError(error, url);
    const timedOut = cause.name === 'TimeoutError' || cause.name === 'AbortError';
    const reason = (error as { cause?: { code?: unknown } })?.cause?.code ?? cause.message;
    return { kind: 'retry', detail: timedOut ? `no answer within ${timeoutMs} ms` : `network error: ${reason}`, cause };
  }
}

/**
 * Posts a message to a Slack incoming webhook. 2xx is success; 429 waits `Retry-After` when that
 * still fits before the deadline; 5xx, timeouts and network errors are retried with exponential
 * backoff and jitter; any other 4xx (invalid_payload, no_service, …) fails at once.
 * The URL is a secret: it never appears in a log line or an error (only its host does).
 * @throws DeliveryError with `retryable` saying whether a later invocation may succeed.
 * @see https://api.slack.com/messaging/webhooks
 * @example await postSlackMessage(url, renderSlack(n), { deadline: Date.now() + 10_000 });
 */
export async function postSlackMessage(url: string, payload: SlackMessage, options: PostSlackOptions): Promise<void> {
  const o: Required<PostSlackOptions> = {
    deadline: options.deadline,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? sleepFor,
    fetchImpl: options.fetchImpl ?? globalThis.fetch,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    attemptTimeoutMs: options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
    random: options.random ?? Math.random,
  };
  const where = `Slack webhook (${redactUrl(url)})`;
  const body = JSON.stringify(payload);
  let last: Outcome = { kind: 'retry', detail: 'was not tried' };
  for (let n = 1; n <= o.maxAttempts; n++) {
    const budget = Math.min(o.attemptTimeoutMs, o.deadline - o.now() - SAFETY_MARGIN_MS);
    if (budget <= 0) break;
    last = await attempt(url, body, budget, o);
    if (last.kind === 'ok') return;
    if (last.kind === 'fail')
      throw new DeliveryError(`${where} ${last.detail}`, { retryable: false, cause: last.cause });
    if (n === o.maxAttempts) {
      throw new DeliveryError(`${where} failed after ${n} attempts, last ${last.detail}`, {
        retryable: true,
        cause: last.cause,
      });
    }
    const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1)) * (0.5 + o.random() / 2);
    const waitMs = Math.round(last.retryAfterMs ?? backoff);
    if (o.now() + waitMs + SAFETY_MARGIN_MS > o.deadline) {
      throw new DeliveryError(`${where} ${last.detail}; waiting ${waitMs} ms would pass the deadline`, {
        retryable: true,
        cause: last.cause,
      });
    }
    logger.warn('slack webhook post failed, retrying', {
      host: redactUrl(url),
      attempt: n,
      waitMs,
      detail: last.detail,
    });
    await o.sleep(waitMs);
  }
  throw new DeliveryError(`${where} ${last.detail}; no time left before the deadline`, {
    retryable: true,
    cause: last.cause,
  });
}
