import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { redact } from '../../../src/lib/adapters/redact';
import { createSlackApi, slackWebApi } from '../../../src/lib/adapters/slack-web-api';
import { renderSlack } from '../../../src/lib/core/channels/slack/render-slack';
import { type CapturedLogs, captureLogs } from '../../helpers/capture-logs';
import { type SlackApiStub, startSlackApiStub } from '../../helpers/slack-api-stub';
import { albAlarm, okRecovery } from '../core/render/sample-notifications';

let slack: SlackApiStub;
let logs: CapturedLogs;
const waits: number[] = [];
beforeEach(async () => {
  slack = await startSlackApiStub();
  logs = captureLogs();
  waits.length = 0;
});
afterEach(async () => {
  logs.restore();
  await slack.close();
});

const apiWith = (token = slack.token) =>
  createSlackApi({
    token,
    baseUrl: slack.baseUrl,
    deadline: () => Date.now() + 10_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0,
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should have failed') as never,
    (e: unknown) => e as DeliveryError,
  );

describe('adapters: Slack Web API, against a local stub', () => {
  it('posts with the bot token and returns the channel ID and the message ts', async () => {
    const ref = await apiWith().postMessage('#oncall', renderSlack(albAlarm));
    expect(ref).toEqual({ channel: 'C0ONCALL', ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(slack.calls[0]).toMatchObject({
      method: 'chat.postMessage',
      authorization: `Bearer ${slack.token}`,
      body: { channel: '#oncall', text: renderSlack(albAlarm).text, unfurl_links: false },
    });
  });

  it('replies in a thread (thread_ts) and updates a message in place (chat.update)', async () => {
    const api = apiWith();
    const root = await api.postMessage('C0ONCALL', renderSlack(albAlarm));
    const reply = await api.postMessage(root.channel, renderSlack(okRecovery), root.ts);
    await api.update(root, renderSlack(okRecovery));
    expect(slack.messages).toEqual([
      expect.objectContaining({ ts: root.ts, text: renderSlack(okRecovery).text, edited: true }),
      expect.objectContaining({ ts: reply.ts, threadTs: root.ts, edited: false }),
    ]);
  });

  it.each([
    ['channel_not_found', 'C0NOPE'],
    ['not_in_channel', 'C0PRIVATE'],
  ])('fails at once, not retryable, on %s', async (word, channel) => {
    const error = await failure(apiWith().postMessage(channel, renderSlack(albAlarm)));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(`answered 200: {"ok":false,"error":"${word}"}`);
    expect(slack.calls).toHaveLength(1);
  });

  it('fails at once on invalid_auth, and the token is nowhere in what is said', async () => {
    const wrong = 'xoxb-999-888-not-the-right-token';
    const error = await failure(apiWith(wrong).postMessage('C0ONCALL', renderSlack(albAlarm)));
    expect([error.retryable, error.message.includes('invalid_auth')]).toEqual([false, true]);
    const said = [error.message, String(error.cause), ...logs.lines].join('\n');
    expect(said).not.toContain(wrong);
    expect(said).not.toContain('xoxb-');
  });

  it('waits Retry-After on 429 ratelimited and retries 5xx and transient words, then posts once', async () => {
    slack.script([
      { kind: 'ratelimited', retryAfterSeconds: 7 },
      { kind: 'server-error', status: 503 },
      { kind: 'error', error: 'internal_error' },
    ]);
    const ref = await apiWith().postMessage('C0NOTICES', renderSlack(albAlarm));
    expect(waits[0]).toBe(7_000);
    expect(slack.calls).toHaveLength(4);
    expect(slack.messages.map((m) => m.ts)).toEqual([ref.ts]);
    const said = logs.lines.join('\n');
    expect(said).toContain('webhook post failed, retrying');
    expect(said).not.toContain(slack.token);
  });

  it('fails when chat.update finds no message (message_not_found)', async () => {
    const error = await failure(apiWith().update({ channel: 'C0ONCALL', ts: '1.000001' }, renderSlack(okRecovery)));
    expect([error.retryable, error.message.includes('message_not_found')]).toEqual([false, true]);
  });

  it.each([
    [200, '{"ok":true,"channel":"C1","ts":"1.2"}', 'accepted'],
    [200, '{"ok":false,"error":"is_archived"}', 'permanent'],
    [200, '{"ok":false,"error":"a_word_not_yet_known"}', 'transient'],
    [200, 'not json', 'transient'],
    [429, '{"ok":false,"error":"ratelimited"}', undefined],
  ])('reads %i %s as %s (undefined: by status)', (status, body, verdict) => {
    expect(slackWebApi.readResponse?.(status, body)).toBe(verdict);
  });
});

describe('redaction: Slack tokens', () => {
  it('removes any xoxb-/xoxp-/xapp- token from text, listed as a secret or not', () => {
    const text = 'auth failed for xoxb-1234-5678-abcDEF and xoxp-1-2-3; app xapp-1-A0-xyz';
    expect(redact(text, [])).toBe('auth failed for [redacted] and [redacted]; app [redacted]');
  });
});
