import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackHandler } from '../../src/handlers/slack';
import { createDedupeStore } from '../../src/lib/adapters/dedupe-store';
import { DeliveryError } from '../../src/lib/adapters/errors';
import type { Notification } from '../../src/lib/core/notification';
import { type LocalDynamoDb, startLocalDynamoDb } from '../helpers/dynamodb-local';
import { snsEventWith } from '../helpers/fixtures';
import { replies, useSlackReceiverAndLogs } from '../helpers/slack-receiver';

const notification: Notification = {
  schemaVersion: 1,
  category: 'alarm',
  severity: 'critical',
  locale: 'en',
  title: 'ServerCpuTooHigh is in ALARM',
  summary: 'CPUUtilization (Average over 5 min) was 99.5, above the threshold of 50.',
  fields: [],
  links: [],
  notes: [],
  account: '123456789012',
  region: 'us-east-1',
  occurredAt: '2019-10-02T17:04:40.989Z',
  dedupeKey: 'alarm:123456789012:us-east-1:ServerCpuTooHigh:ALARM:2019-10-02T17:04:40.989Z',
  source: { id: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92', type: 'aws.cloudwatch/CloudWatch Alarm State Change' },
};

const bed = useSlackReceiverAndLogs();
let db: LocalDynamoDb;
beforeEach(async () => {
  db = await startLocalDynamoDb();
});
afterEach(async () => {
  await db.close();
});

const lambdaContext = { getRemainingTimeInMillis: () => 10_000 } as never;
/** A fresh container of the slack function using the local table. */
const forwarder = () =>
  createSlackHandler({
    env: { SLACK_WEBHOOK_URL: bed.slack.url, DEDUPE_TABLE: db.tableName },
    dynamodb: () => db.client,
    sleep: async () => {},
  });
const published = () => snsEventWith(JSON.stringify(notification));

describe('handlers: slack deduplication (dynalite and a Slack receiver on 127.0.0.1)', () => {
  it('posts a message SNS delivers twice once', async () => {
    expect(await forwarder()(published(), lambdaContext)).toEqual({ posted: 1, ignored: 0 });
    expect(await forwarder()(published(), lambdaContext)).toEqual({ posted: 0, ignored: 1 });
    expect(bed.slack.requests).toHaveLength(1);
    expect(bed.logs.entries().filter((e) => e.message === 'input ignored' && e.rule === 'duplicate')).toEqual([
      expect.objectContaining({ dedupeKey: notification.dedupeKey }),
    ]);
  });

  it('posts a notification whose publish holds its key (the Slack post has its own key)', async () => {
    const store = createDedupeStore(db.client, { tableName: db.tableName, ttlSeconds: 60 });
    await store.claim(notification.dedupeKey, 60_000);
    await store.complete(notification.dedupeKey);
    await forwarder()(published(), lambdaContext);
    expect(bed.slack.requests).toHaveLength(1);
    expect(await store.claim(`slack:${notification.dedupeKey}`, 60_000)).toEqual({ state: 'delivered' });
  });

  it('posts, on the retry, a message whose first post was killed mid-delivery (its lease ran out)', async () => {
    const startedAt = Date.now();
    const killed = createDedupeStore(db.client, { tableName: db.tableName, ttlSeconds: 60, keyPrefix: 'slack:' });
    await killed.claim(notification.dedupeKey, 40_000); // the killed invocation claimed, then never finished
    const error = await forwarder()(published(), lambdaContext).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DeliveryError', retryable: true });
    expect(bed.slack.requests).toHaveLength(0);
    // Lambda's retry, a minute later: the lease is over.
    const retry = createSlackHandler({
      env: { SLACK_WEBHOOK_URL: bed.slack.url, DEDUPE_TABLE: db.tableName },
      dynamodb: () => db.client,
      now: () => startedAt + 60_000,
    });
    expect(await retry(published(), lambdaContext)).toEqual({ posted: 1, ignored: 0 });
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('gives a failed post its key back, so the retry posts', async () => {
    bed.slack.script([replies.invalidPayload], replies.ok);
    await expect(forwarder()(published(), lambdaContext)).rejects.toBeInstanceOf(DeliveryError);
    expect(await forwarder()(published(), lambdaContext)).toEqual({ posted: 1, ignored: 0 });
    expect(bed.slack.requests).toHaveLength(2);
  });

  it('posts every copy without DEDUPE_TABLE', async () => {
    const handler = createSlackHandler({ env: { SLACK_WEBHOOK_URL: bed.slack.url } });
    await handler(published(), lambdaContext);
    await handler(published(), lambdaContext);
    expect(bed.slack.requests).toHaveLength(2);
  });
});
