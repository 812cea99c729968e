import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackHandler } from '../src/handlers/slack';
import { publishNotification } from '../src/lib/adapters/sns-publisher';
import type { Notification } from '../src/lib/core/notification';
import { buildSnsPublish } from '../src/lib/core/publish/sns-message';
import { type SlackReceiver, startSlackReceiver } from '../tests/helpers/slack-receiver';
import { createQueue, drain, sns, unique } from './moto';

/** The default Slack filter (slackSeverities), as tests/infra/template.test.ts finds it in the template. */
const SLACK_FILTER_POLICY = { severity: ['critical', 'warning', 'info', 'ok'] };

const alarm = (i: number): Notification => ({
  schemaVersion: 1,
  category: 'alarm',
  severity: 'critical',
  locale: 'en',
  title: `moto-alarm-${i} is in ALARM`,
  summary: 'moto',
  fields: [],
  links: [{ label: 'Alarm', url: `https://console.aws.amazon.com/cloudwatch/home#alarmsV2:alarm/moto-alarm-${i}` }],
  notes: [],
  region: 'us-east-1',
  occurredAt: '2024-05-01T10:00:00.000Z',
  dedupeKey: `moto:alarm:${i}`,
  source: { type: 'moto' },
});

let slack: SlackReceiver;
beforeEach(async () => {
  slack = await startSlackReceiver();
});
afterEach(async () => {
  await slack.close();
});

describe('moto: the Slack queue (infra/queues.yml SlackQueueSubscription)', () => {
  it('holds each notification as its JSON (the `sqs` body, raw delivery), which the slack function posts grouped', async () => {
    const client = sns();
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name: unique('notifications') }));
    const queue = await createQueue(unique('slack'), { VisibilityTimeout: '180' });
    await client.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: queue.arn,
        Attributes: {
          RawMessageDelivery: 'true',
          FilterPolicyScope: 'MessageAttributes',
          FilterPolicy: JSON.stringify(SLACK_FILTER_POLICY),
        },
      }),
    );
    for (const i of [1, 2, 3])
      await publishNotification(client, TopicArn ?? '', buildSnsPublish(alarm(i)), { timeoutMs: 10_000 });

    const messages = await drain(queue.url);
    expect(messages.map((m) => JSON.parse(m.Body).dedupeKey).sort()).toEqual([
      'moto:alarm:1',
      'moto:alarm:2',
      'moto:alarm:3',
    ]);

    const event = {
      Records: messages.map((m, i) => ({ messageId: `m-${i}`, body: m.Body, eventSource: 'aws:sqs' })),
    };
    const handler = createSlackHandler({ env: { SLACK_WEBHOOK_URL: slack.url }, sleep: async () => {} });
    const response = await handler(event, { getRemainingTimeInMillis: () => 10_000 } as never);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(slack.requests).toHaveLength(1);
    const posted = slack.requests[0]?.body ?? '';
    expect(posted).toContain('3 alarms in ALARM');
    for (const i of [1, 2, 3]) expect(posted).toContain(`moto-alarm-${i} is in ALARM`);
  });
});
