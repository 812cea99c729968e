import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSlackHandler } from '../../src/handlers/slack';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { renderSlack } from '../../src/lib/core/channels/slack/render-slack';
import { ConfigError } from '../../src/lib/core/errors';
import type { Notification } from '../../src/lib/core/notification';
import { fixture, snsEventWith } from '../helpers/fixtures';
import { hostileEvent, hostileMessage, hostileString, mixedBatch } from '../helpers/hostile';
import { expectOnlyKnownErrors } from '../helpers/known-errors';
import { replies, useSlackReceiverAndLogs } from '../helpers/slack-receiver';

const notification: Notification = {
  schemaVersion: 1,
  category: 'alarm',
  severity: 'critical',
  locale: 'en',
  title: 'ALARM: ServerCpuTooHigh',
  summary: 'CPU utilization of i-12345678901234567 is above 50 % <@channel>.',
  fields: [{ label: 'Reason', value: 'Threshold Crossed: 1 datapoint (99.5) > 50.0' }],
  links: [
    {
      label: 'Alarm',
      url: 'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh',
    },
  ],
  notes: [],
  account: '123456789012',
  region: 'us-east-1',
  occurredAt: '2019-10-02T17:04:40Z',
  dedupeKey: 'alarm:123456789012:us-east-1:ServerCpuTooHigh:ALARM',
  source: { id: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92', type: 'aws.cloudwatch/CloudWatch Alarm State Change' },
};

/** Our own Notification JSON on the topic, with hostile text in every string. */
const hostileNotification = fc
  .record({ title: hostileString, summary: hostileString, value: hostileString, id: hostileString })
  .map(({ title, summary, value, id }) =>
    JSON.stringify({
      ...notification,
      title,
      summary,
      fields: [{ label: value, value }],
      links: [{ label: value, url: value }],
      account: value,
      dedupeKey: `k:${id}`,
      source: { id, type: value },
    }),
  );

const bed = useSlackReceiverAndLogs();

const lambdaContext = (remainingMs: number) => ({ getRemainingTimeInMillis: () => remainingMs }) as never;
const forwarder = () => createSlackHandler({ env: { SLACK_WEBHOOK_URL: bed.slack.url }, sleep: async () => {} });
const postedBodies = () => bed.slack.requests.map((r) => JSON.parse(r.body) as { text: string; blocks: unknown[] });

describe('handlers: slack', () => {
  it('posts the Block Kit rendering of a Notification published to the topic', async () => {
    const summary = await forwarder()(snsEventWith(JSON.stringify(notification)), lambdaContext(10_000));
    expect(summary).toEqual({ posted: 1, ignored: 0 });
    expect(postedBodies()).toEqual([JSON.parse(JSON.stringify(renderSlack(notification)))]);
  });

  it('still posts a message that is not a Notification (someone ran aws sns publish --message)', async () => {
    await forwarder()(fixture('sns/plain-text-multiline-sns-event.json'), lambdaContext(10_000));
    expect(bed.slack.requests).toHaveLength(1);
    expect(JSON.stringify(postedBodies()[0])).toContain('typical multi-line');
  });

  it('posts every record even when one fails, then throws', async () => {
    bed.slack.script([replies.noService], replies.ok);
    const second = { ...notification, title: 'ALARM: DiskFull', dedupeKey: 'disk' };
    const event = snsEventWith(JSON.stringify(notification), JSON.stringify(second));
    const error = await forwarder()(event, lambdaContext(10_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: false, message: expect.stringContaining('404: no_service') });
    expect(bed.slack.requests).toHaveLength(2);
    expect(postedBodies()[1]?.text).toContain('DiskFull');
  });

  it('posts once to a Slack that answers 200 only after 3 s (waited for, not posted again)', async () => {
    bed.slack.script([replies.slowOk(3_000)]);
    const summary = await forwarder()(snsEventWith(JSON.stringify(notification)), lambdaContext(10_000));
    expect(summary).toEqual({ posted: 1, ignored: 0 });
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('gives up before the Lambda timeout instead of being killed mid-request', async () => {
    const error = await forwarder()(snsEventWith(JSON.stringify(notification)), lambdaContext(1_200)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: true });
    expect(bed.slack.requests).toHaveLength(0);
  });

  it('fails with a ConfigError when no webhook is configured', async () => {
    await expect(createSlackHandler({ env: {} })(snsEventWith('hello'))).rejects.toBeInstanceOf(ConfigError);
  });

  it('keeps the webhook URL out of every log line and error', async () => {
    bed.slack.script([], replies.serverError);
    const error = await forwarder()(snsEventWith(JSON.stringify(notification)), lambdaContext(10_000)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(bed.logs.lines.length).toBeGreaterThan(0);
    for (const text of [String(error), JSON.stringify(error), ...bed.logs.lines])
      expect(text).not.toContain(bed.slack.token);
  });

  it('posts or fails with a named error for any input (property)', async () => {
    const handler = forwarder();
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (input) => {
        await expectOnlyKnownErrors(handler(input, lambdaContext(10_000)));
      }),
      { numRuns: 100 },
    );
  });

  it('posts or fails with a named error for hostile input, posting every good record of a batch (property)', async () => {
    const handler = forwarder();
    const hostile = fc.oneof(
      hostileEvent,
      hostileMessage,
      hostileNotification.map((n) => snsEventWith(n)),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        await expectOnlyKnownErrors(handler(input, lambdaContext(10_000)));
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(mixedBatch, async ({ event, good }) => {
        bed.slack.requests.length = 0;
        await expectOnlyKnownErrors(handler(event, lambdaContext(10_000)));
        const posted = bed.slack.requests.map((r) => r.body).join('\n');
        for (const i of good) expect(posted).toContain(`Backup job ${i} completed`);
      }),
      { numRuns: 30 },
    );
  });
});
