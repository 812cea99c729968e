import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { verdictOfStatus } from '../../../src/lib/adapters/webhook-attempt';
import { MIN_ATTEMPT_MS, sendWebhook, type WebhookChannel } from '../../../src/lib/adapters/webhook-sender';
import { replies, startSlackReceiver, useSlackReceiverAndLogs } from '../../helpers/slack-receiver';

/** A channel with no reader of its own: a generic JSON webhook, judged by status code only. */
const generic: WebhookChannel = { name: 'JSON webhook' };
const payload = { text: 'ServerCpuTooHigh is in ALARM' };

const bed = useSlackReceiverAndLogs();

/** Fast retries: no real backoff, deterministic jitter. */
const quick = { sleep: async () => {}, random: () => 0 };
const within = (ms: number) => ({ deadline: Date.now() + ms });
const send = (options: Parameters<typeof sendWebhook>[2]) =>
  sendWebhook(generic, { url: bed.slack.url, payload }, options);

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('adapters: webhook sender reads a status code', () => {
  it.each([
    [200, 'accepted'],
    [204, 'accepted'],
    [301, 'permanent'],
    [400, 'permanent'],
    [404, 'permanent'],
    [408, 'transient'],
    [429, 'transient'],
    [500, 'transient'],
    [503, 'transient'],
  ])('%i is %s', (status, verdict) => {
    expect(verdictOfStatus(status)).toBe(verdict);
  });
});

describe('adapters: webhook sender', () => {
  it('posts the payload as JSON once when the webhook answers 200', async () => {
    await send(within(5_000));
    expect(bed.slack.requests).toHaveLength(1);
    expect(bed.slack.requests[0]).toMatchObject({ method: 'POST', path: new URL(bed.slack.url).pathname });
    expect(bed.slack.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(bed.slack.requests[0]?.body ?? '')).toEqual(payload);
  });

  it('sends the channel’s own headers', async () => {
    await sendWebhook(
      generic,
      { url: bed.slack.url, payload, headers: { authorization: 'Bearer abc123xyz' } },
      within(5_000),
    );
    expect(bed.slack.requests[0]?.headers.authorization).toBe('Bearer abc123xyz');
  });

  it('waits for a slow success instead of abandoning it and posting again: one POST', async () => {
    bed.slack.script([replies.slowOk(3_000)]);
    await send(within(8_000));
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('does not post again when no answer comes before the deadline; fails retryable, saying it may have arrived', async () => {
    bed.slack.script([replies.slowOk(6_000)]);
    const error = await failure(send({ ...within(2_500), ...quick }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/no answer within \d+ ms; it may have been delivered$/);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('waits Retry-After seconds on 429 and then succeeds', async () => {
    bed.slack.script([replies.rateLimited(1)]);
    await send(within(10_000));
    expect(bed.slack.requests).toHaveLength(2);
    const waited = (bed.slack.requests[1]?.at ?? 0) - (bed.slack.requests[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it('fails retryable at once on 429 when Retry-After would pass the deadline', async () => {
    bed.slack.script([replies.rateLimited(30)]);
    const error = await failure(send(within(5_000)));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/429.*rate_limited.*waiting 30000 ms would pass the deadline/);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it.each([
    ['a 500', replies.serverError],
    ['a dropped connection', replies.reset],
  ])('retries after %s and succeeds on the next 200', async (_, reply) => {
    bed.slack.script([reply]);
    await send({ ...within(10_000), ...quick });
    expect(bed.slack.requests).toHaveLength(2);
  });

  it('gives up retryable after maxAttempts when the webhook keeps answering 500', async () => {
    bed.slack.script([], replies.serverError);
    const error = await failure(send({ ...within(10_000), ...quick, maxAttempts: 3 }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/after 3 attempts.*500: internal_error/);
    expect(bed.slack.requests).toHaveLength(3);
  });

  it('backs off exponentially with full jitter: a random wait below 250 ms, 500 ms, 1 s', async () => {
    bed.slack.script([], replies.serverError);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    await failure(send({ ...within(60_000), sleep, random: () => 0.5, maxAttempts: 4 }));
    expect(waits).toEqual([125, 250, 500]);
  });

  it.each([
    [400, 'bad request'],
    [403, 'forbidden'],
    [404, 'not found'],
    [410, 'gone'],
  ])('fails at once, not retryable, on %i with the answer in the message', async (status, body) => {
    bed.slack.script([{ kind: 'status', status, body }], replies.ok);
    const error = await failure(send({ ...within(10_000), ...quick }));
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`JSON webhook (${new URL(bed.slack.url).host}) answered ${status}: ${body}`);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('truncates a long error body', async () => {
    bed.slack.script([{ kind: 'status', status: 400, body: 'x'.repeat(5_000) }]);
    const error = await failure(send(within(5_000)));
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toMatch(/x…$/);
  });

  it('gives a hanging webhook all the time left, once, then fails retryable', async () => {
    bed.slack.script([], replies.hang);
    const error = await failure(send({ ...within(2_500), ...quick }));
    expect(error.retryable).toBe(true);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it(`starts no attempt with less than ${MIN_ATTEMPT_MS} ms left: fails retryable without posting`, async () => {
    const error = await failure(send(within(MIN_ATTEMPT_MS / 2)));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/was not tried: no time left before the deadline$/);
    expect(bed.slack.requests).toHaveLength(0);
  });

  it('begins no backoff that would leave too little time for the next attempt', async () => {
    bed.slack.script([], replies.serverError);
    const error = await failure(send({ ...within(3_000), sleep: async () => {}, random: () => 0.999, maxAttempts: 9 }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/500: internal_error; (waiting \d+ ms would pass the deadline|no time left)/);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const url = bed.slack.url;
    await bed.slack.close();
    bed.slack = await startSlackReceiver();
    const error = await failure(sendWebhook(generic, { url, payload }, { ...within(5_000), ...quick, maxAttempts: 2 }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/network error: ECONNREFUSED/);
  });

  it('logs each retry with the channel and host only', async () => {
    bed.slack.script([replies.serverError]);
    await send({ ...within(10_000), ...quick });
    expect(bed.logs.entries().filter((e) => e.message === 'webhook post failed, retrying')).toEqual([
      expect.objectContaining({ channel: 'JSON webhook', host: new URL(bed.slack.url).host, attempt: 1 }),
    ]);
  });
});
