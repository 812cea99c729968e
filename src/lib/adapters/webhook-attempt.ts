import { lookup } from '../core/lookup';
import type { Clock } from './clock';
import { redact, redactError } from './redact';

/** What one answer means: the channel took the message, will never take it, or may take it later. */
export type Verdict = 'accepted' | 'permanent' | 'transient';

/**
 * How a channel reads an answer the status code alone does not settle (Slack answers `ok`, or an
 * error word such as `no_service`). `undefined` leaves it to {@link verdictOfStatus}.
 */
export type ResponseReader = (status: number, body: string) => Verdict | undefined;

/**
 * One attempt's result. `unanswered`: no answer before the deadline, so the server may have taken
 * the message; posting again could deliver it twice.
 */
export interface Outcome {
  verdict: Verdict | 'unanswered';
  detail: string;
  /** The HTTP status of the answer, when one came. */
  status?: number;
  /** The answer's body, as received (may hold secrets: never put it in a message as is). */
  body?: string;
  retryAfterMs?: number;
  cause?: Error;
}

/** How much of an answer's body (e.g. "invalid_payload") goes into a message. */
const MAX_BODY_CHARS = 200;

/**
 * Verdicts by status, then by status class; anything else (1xx, a 3xx redirect) is permanent.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15
 * @see https://api.slack.com/apis/rate-limits
 */
const VERDICT_BY_STATUS = { 408: 'transient', 429: 'transient' } as const satisfies Record<number, Verdict>;
const VERDICT_BY_CLASS = { 2: 'accepted', 4: 'permanent', 5: 'transient' } as const satisfies Record<number, Verdict>;

/** The verdict of a status code alone: 2xx accepted, 408/429/5xx transient, other codes permanent. */
export const verdictOfStatus = (status: number): Verdict =>
  lookup(VERDICT_BY_STATUS, String(status)) ??
  lookup(VERDICT_BY_CLASS, String(Math.floor(status / 100))) ??
  'permanent';

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date. */
function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_BODY_CHARS ? line : `${line.slice(0, MAX_BODY_CHARS - 1)}…`;
}

/** Everything one attempt needs; `secrets` are redacted from every detail and cause. */
export interface Attempt {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
  timeoutMs: number;
  secrets: readonly string[];
  readResponse?: ResponseReader | undefined;
  fetchImpl: typeof fetch;
  now: Clock;
}

/**
 * POSTs once and says what the answer means. The whole of `timeoutMs` is given to the answer: a
 * slow server that accepts is waited for, never abandoned and posted to again.
 */
export async function attemptPost(a: Attempt): Promise<Outcome> {
  let response: Response;
  try {
    response = await a.fetchImpl(a.url, {
      method: 'POST',
      headers: { ...a.headers, 'content-type': 'application/json; charset=utf-8' },
      body: a.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(a.timeoutMs),
    });
  } catch (error) {
    const cause = redactError(error, a.secrets);
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError') {
      return { verdict: 'unanswered', detail: `gave no answer within ${a.timeoutMs} ms`, cause };
    }
    const code = (cause.cause as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
    return { verdict: 'transient', detail: `network error: ${String(code ?? cause.message)}`, cause };
  }
  // An answer came; its body only explains it (a body cut off by the deadline leaves the status).
  const body = (await response.text().catch(() => '')).trim();
  const text = oneLine(redact(body, a.secrets));
  const verdict = a.readResponse?.(response.status, body) ?? verdictOfStatus(response.status);
  const retryAfterMs =
    response.status === 429 ? parseRetryAfter(response.headers.get('retry-after'), a.now()) : undefined;
  return {
    verdict,
    status: response.status,
    body,
    detail: `answered ${response.status}${text ? `: ${text}` : ''}`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}
