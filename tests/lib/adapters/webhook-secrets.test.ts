import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { sendWebhook, type WebhookChannel } from '../../../src/lib/adapters/webhook-sender';
import { errorTexts } from '../../helpers/error-texts';
import { type Reply, replies, startSlackReceiver, useSlackReceiverAndLogs } from '../../helpers/slack-receiver';

const bearer = 'bearer-not-a-secret-0123456789';
const channel: WebhookChannel = { name: 'JSON webhook' };
const bed = useSlackReceiverAndLogs();

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

/** Asserts that no secret part of the webhook shows anywhere: error, causes, aggregate members, logs. */
function expectNoSecret(error: unknown): void {
  const texts = [...errorTexts(error), ...bed.logs.lines];
  expect(texts.length).toBeGreaterThan(3);
  for (const secret of [...bed.slack.segments, bearer]) {
    for (const text of texts) expect(text).not.toContain(secret);
  }
}

const post = (options: { fetchImpl?: typeof fetch; url?: string } = {}) =>
  sendWebhook(
    channel,
    { url: options.url ?? bed.slack.url, payload: { text: 'x' }, headers: { authorization: `Bearer ${bearer}` } },
    { deadline: Date.now() + 4_000, sleep: async () => {}, maxAttempts: 3, fetchImpl: options.fetchImpl },
  );

describe('adapters: the webhook sender never leaks a part of the URL or a token', () => {
  const failureModes: Array<[string, Reply[], Reply]> = [
    ['500 echoing the path and the token, forever', [], replies.echo(500)],
    ['404 echoing the path and the token', [replies.echo(404)], replies.ok],
    ['429 beyond the deadline', [replies.rateLimited(60)], replies.ok],
    ['dropped connections', [], replies.reset],
    ['hang', [], replies.hang],
  ];

  it.each(failureModes)('%s: nothing in the error, its causes or the logs', async (_, script, then) => {
    bed.slack.script(script, then);
    const error = await failure(post());
    expectNoSecret(error);
  });

  it('the echo really carries the secrets, so the test above tests something', async () => {
    bed.slack.script([replies.echo(500)], replies.ok);
    const response = await fetch(bed.slack.url, { method: 'POST', headers: { authorization: `Bearer ${bearer}` } });
    const body = await response.text();
    for (const secret of [...bed.slack.segments, bearer]) expect(body).toContain(secret);
  });

  it('a network error: the retries are logged without the URL', async () => {
    const url = bed.slack.url;
    await bed.slack.close();
    const segments = bed.slack.segments;
    bed.slack = await startSlackReceiver();
    bed.slack.segments.push(...segments);
    const error = await failure(post({ url }));
    expect(bed.logs.entries().some((entry) => entry.message === 'webhook post failed, retrying')).toBe(true);
    expectNoSecret(error);
  });

  it('a fetch error quoting the URL (as node-fetch does), in its cause and in an AggregateError', async () => {
    const fetchImpl = (async (input: string | URL | Request) => {
      throw new TypeError(`request to ${String(input)} failed`, {
        cause: new AggregateError([new Error(`connect ECONNRESET ${new URL(String(input)).pathname}`)], 'all failed'),
      });
    }) as typeof fetch;
    const error = await failure(post({ fetchImpl }));
    expect(error.cause).toBeInstanceOf(Error);
    expect(errorTexts(error).join('\n')).toContain('[redacted]');
    expectNoSecret(error);
  });
});
