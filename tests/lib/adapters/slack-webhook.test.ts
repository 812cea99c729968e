import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { postSlackMessage, slackWebhook } from '../../../src/lib/adapters/slack-webhook';
import type { SlackMessage } from '../../../src/lib/core/channels/slack/render-slack';
import { type Reply, replies, useSlackReceiverAndLogs } from '../../helpers/slack-receiver';

const message: SlackMessage = {
  text: 'ALARM: ServerCpuTooHigh',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*ServerCpuTooHigh* is in ALARM' } }],
} as SlackMessage;

const bed = useSlackReceiverAndLogs();
const options = () => ({ deadline: Date.now() + 10_000, sleep: async () => {}, random: () => 0 });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the post should have failed') as never,
    (e: unknown) => e as DeliveryError,
  );

describe('adapters: slack webhook', () => {
  it('posts the Block Kit message once when Slack answers 200 ok', async () => {
    await postSlackMessage(bed.slack.url, message, options());
    expect(bed.slack.requests.map((r) => JSON.parse(r.body))).toEqual([message]);
  });

  it.each([
    [200, 'ok', 'accepted'],
    [400, 'invalid_payload', 'permanent'],
    [404, 'channel_not_found', 'permanent'],
    [410, 'channel_is_archived', 'permanent'],
    [500, 'no_service', 'permanent'],
    [500, 'rollup_error', undefined],
    [429, 'rate_limited', undefined],
  ])('reads %i %s as %s (undefined: by status code)', (status, body, verdict) => {
    expect(slackWebhook.readResponse?.(status, body)).toBe(verdict);
  });

  it.each([
    [404, replies.noService, 'no_service'],
    [400, replies.invalidPayload, 'invalid_payload'],
    [403, { kind: 'status', status: 403, body: 'action_prohibited' } as Reply, 'action_prohibited'],
  ])('fails at once, not retryable, on %i with Slack’s answer in the message', async (status, reply, text) => {
    bed.slack.script([reply], replies.ok);
    const error = await failure(postSlackMessage(bed.slack.url, message, options()));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`Slack webhook (${new URL(bed.slack.url).host}) answered ${status}: ${text}`);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('retries Slack’s transient errors (500 rollup_error) and succeeds', async () => {
    bed.slack.script([{ kind: 'status', status: 500, body: 'rollup_error' }]);
    await postSlackMessage(bed.slack.url, message, options());
    expect(bed.slack.requests).toHaveLength(2);
  });
});
