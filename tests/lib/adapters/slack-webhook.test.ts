import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { postSlackMessage } from '../../../src/lib/adapters/slack-webhook';
import type { SlackMessage } from '../../../src/lib/core/channels/slack/render-slack';
import { type Reply, replies, startSlackReceiver, useSlackReceiverAndLogs } from '../../helpers/slack-receiver';

const message: SlackMessage = {
  text: 'ALARM: ServerCpuTooHigh',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*ServerCpuTooHigh* is in ALARM' } }],
} as SlackMessage;

const bed = useSlackReceiverAndLogs();

/** Fast retries: no real backoff, deterministic jitter. */
const quick = { sleep: async () => {}, random: () => 0 };
const within = (ms: number) => ({ deadline: Date.now() + ms });

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('adapters: slack webhook', () => {
  it('posts the message as JSON once when Slack answers 200 ok', async () => {
    await postSlackMessage(bed.slack.url, message, within(5_000));
    expect(bed.slack.requests).toHaveLength(1);
    expect(bed.slack.requests[0]).toMatchObject({ method: 'POST', path: `/services/TEST/TEST/${bed.slack.token}` });
    expect(bed.slack.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(bed.slack.requests[0]?.body ?? '')).toEqual(message);
  });

  it('waits Retry-After seconds on 429 and then succeeds', async () => {
    bed.slack.script([replies.rateLimited(1)]);
    await postSlackMessage(bed.slack.url, message, within(10_000));
    expect(bed.slack.requests).toHaveLength(2);
    const waited = (bed.slack.requests[1]?.at ?? 0) - (bed.slack.requests[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it('fails retryable at once on 429 when Retry-After would pass the deadline', async () => {
    bed.slack.script([replies.rateLimited(30)]);
    const started = Date.now();
    const error = await failure(postSlackMessage(bed.slack.url, message, within(5_000)));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/429.*rate_limited.*deadline/);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('retries a 500 with backoff and succeeds on the next 200', async () => {
    bed.slack.script([replies.serverError]);
    await postSlackMessage(bed.slack.url, message, within(10_000));
    expect(bed.slack.requests).toHaveLength(2);
  });

  it('gives up retryable after maxAttempts when Slack keeps answering 500', async () => {
    bed.slack.script([], replies.serverError);
    const error = await failure(
      postSlackMessage(bed.slack.url, message, { ...within(10_000), ...quick, maxAttempts: 3 }),
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/after 3 attempts.*500: internal_error/);
    expect(bed.slack.requests).toHaveLength(3);
  });

  it('backs off exponentially between attempts, within the jitter bounds', async () => {
    bed.slack.script([], replies.serverError);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    await failure(
      postSlackMessage(bed.slack.url, message, { ...within(60_000), sleep, random: () => 0, maxAttempts: 4 }),
    );
    expect(waits).toEqual([125, 250, 500]);
  });

  it.each([
    [404, replies.noService, 'no_service'],
    [400, replies.invalidPayload, 'invalid_payload'],
    [403, { kind: 'status', status: 403, body: 'action_prohibited' } as Reply, 'action_prohibited'],
  ])('fails at once, not retryable, on %i with Slack’s answer in the message', async (status, reply, text) => {
    bed.slack.script([reply], replies.ok);
    const error = await failure(postSlackMessage(bed.slack.url, message, { ...within(10_000), ...quick }));
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`Slack webhook (${new URL(bed.slack.url).host}) answered ${status}: ${text}`);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('truncates a long error body', async () => {
    bed.slack.script([{ kind: 'status', status: 400, body: 'x'.repeat(5_000) }]);
    const error = await failure(postSlackMessage(bed.slack.url, message, within(5_000)));
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toMatch(/x…$/);
  });

  it('aborts an attempt that hangs and fails retryable once attempts run out', async () => {
    bed.slack.script([], replies.hang);
    const started = Date.now();
    const error = await failure(
      postSlackMessage(bed.slack.url, message, { ...within(10_000), ...quick, attemptTimeoutMs: 200, maxAttempts: 2 }),
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/no answer within 200 ms/);
    expect(bed.slack.requests).toHaveLength(2);
  });

  it('fails retryable without posting when the deadline has already passed', async () => {
    const error = await failure(postSlackMessage(bed.slack.url, message, { deadline: Date.now() - 1 }));
    expect(error.retryable).toBe(true);
    expect(bed.slack.requests).toHaveLength(0);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const url = bed.slack.url;
    await bed.slack.close();
    bed.slack = await startSlackReceiver();
    const error = await failure(postSlackMessage(url, message, { ...within(5_000), ...quick, maxAttempts: 2 }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/network error: ECONNREFUSED/);
  });
});

describe('adapters: slack webhook never leaks the URL', () => {
  const failureModes: Array<[string, Reply[], Reply]> = [
    ['429 beyond the deadline', [replies.rateLimited(60)], replies.ok],
    ['500 forever', [], replies.serverError],
    ['404 no_service', [replies.noService], replies.ok],
    ['400 echoing the URL', [], { kind: 'status', status: 400, body: 'PLACEHOLDER' }],
    ['hang', [], replies.hang],
  ];

  function chain(error: unknown): string[] {
    const texts: string[] = [];
    for (let e = error, depth = 0; e !== undefined && depth < 10; depth++) {
      texts.push(String(e), e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : JSON.stringify(e));
      e = e instanceof Error ? e.cause : undefined;
    }
    return texts;
  }

  it.each(failureModes)('%s: no error, cause or log line contains the path token', async (_, script, then) => {
    const echo =
      then.kind === 'status' && then.body === 'PLACEHOLDER' ? { ...then, body: `bad ${bed.slack.url}` } : then;
    bed.slack.script(script, echo);
    const error = await failure(
      postSlackMessage(bed.slack.url, message, { deadline: Date.now() + 5_000, attemptTimeoutMs: 200, maxAttempts: 3 }),
    );
    for (const text of [...chain(error), JSON.stringify(error), ...bed.logs.lines]) {
      expect(text).not.toContain(bed.slack.token);
    }
  });

  it('scrubs the URL from a fetch error that quotes it (as node-fetch does), cause chain included', async () => {
    const fetchImpl = (async (input: string | URL | Request) => {
      throw new TypeError(`request to ${String(input)} failed`, {
        cause: new Error(`connect ECONNRESET ${String(input)}`),
      });
    }) as typeof fetch;
    const error = await failure(postSlackMessage(bed.slack.url, message, { ...within(5_000), ...quick, fetchImpl }));
    expect(error.cause).toBeInstanceOf(Error);
    expect(chain(error).join('\n')).toContain('[redacted 127.0.0.1');
    for (const text of [...chain(error), ...bed.logs.lines]) expect(text).not.toContain(bed.slack.token);
  });

  it('reports a network error without the URL, though the logs show the retries', async () => {
    const url = bed.slack.url;
    const token = bed.slack.token;
    await bed.slack.close();
    bed.slack = await startSlackReceiver();
    const error = await failure(postSlackMessage(url, message, { ...within(5_000), maxAttempts: 2 }));
    expect(bed.logs.entries().some((entry) => entry.message === 'slack webhook post failed, retrying')).toBe(true);
    for (const text of [...chain(error), ...bed.logs.lines]) expect(text).not.toContain(token);
  });
});
