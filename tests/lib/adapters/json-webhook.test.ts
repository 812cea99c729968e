import { describe, expect, it } from 'vitest';
import type { DeliveryError } from '../../../src/lib/adapters/errors';
import { postJsonWebhook } from '../../../src/lib/adapters/json-webhook';
import { renderWebhook } from '../../../src/lib/core/channels/webhook/render-webhook';
import { notificationSchema } from '../../../src/lib/core/notification';
import { replies, useSlackReceiverAndLogs } from '../../helpers/slack-receiver';
import { albAlarm } from '../core/render/sample-notifications';

// The Slack receiver is a plain HTTP server recording requests: a stand-in for any in-house receiver.
const bed = useSlackReceiverAndLogs();
const options = () => ({ deadline: Date.now() + 10_000, sleep: async () => {}, random: () => 0 });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the post should have failed') as never,
    (e: unknown) => e as DeliveryError,
  );

describe('adapters: JSON webhook', () => {
  it('posts the envelope as JSON, readable back into the Notification', async () => {
    await postJsonWebhook(bed.slack.url, renderWebhook(albAlarm), options());
    const [request] = bed.slack.requests;
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(request?.body ?? '');
    expect(body.version).toBe(1);
    expect(notificationSchema.parse(body.notification)).toEqual(albAlarm);
  });

  it('fails for good on a 4xx, retrying 5xx first', async () => {
    bed.slack.script([replies.serverError, { kind: 'status', status: 401, body: 'unauthorized' }]);
    const error = await failure(postJsonWebhook(bed.slack.url, renderWebhook(albAlarm), options()));
    expect([error.retryable, bed.slack.requests.length]).toEqual([false, 2]);
  });

  it('keeps the token of an Authorization header out of errors and logs, even when the server echoes it', async () => {
    bed.slack.script([replies.echo(403)]);
    const headers = { authorization: 'Bearer not-a-secret-json-token-123' };
    const error = await failure(postJsonWebhook(bed.slack.url, renderWebhook(albAlarm), options(), headers));
    expect(bed.slack.requests[0]?.headers.authorization).toBe(headers.authorization);
    const said = [error.message, ...bed.logs.lines].join('\n');
    expect(said).not.toContain('not-a-secret-json-token-123');
    expect(said).not.toContain(bed.slack.token);
  });
});
