import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSlackThreadStore,
  SLACK_THREAD_TTL_SECONDS,
  type SlackThread,
  slackThreadKey,
} from '../../../src/lib/adapters/slack-thread-store';
import { renderSlack } from '../../../src/lib/core/channels/slack/render-slack';
import { type CapturedLogs, captureLogs } from '../../helpers/capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';
import { albAlarm } from '../core/render/sample-notifications';

const NOW_MS = Date.parse('2024-05-01T12:00:00Z');
let db: LocalDynamoDb;
let logs: CapturedLogs;
beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterAll(() => db.close());
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

let alarms = 0;
const newIncident = () => `alarm:123456789012:us-east-1:web-5xx-${++alarms}`;
const store = (now = NOW_MS) => createSlackThreadStore(db.client, { tableName: db.tableName, now: () => now });
const thread: SlackThread = {
  channel: 'C0ONCALL',
  ts: '1700000000.000100',
  alarmAt: '2024-05-01T11:55:48Z',
  message: renderSlack(albAlarm),
};

describe('adapters: slack thread store, against dynalite', () => {
  it('keeps the ts of an alarm per destination under slack-ts:<destination>:<alarm>, with a TTL', async () => {
    const incident = newIncident();
    await store().put('oncall', incident, thread);
    expect(await store().get('oncall', incident)).toEqual(thread);
    expect(await store().get('aws-notices', incident)).toBeUndefined();
    const key = slackThreadKey('oncall', incident);
    expect(key).toBe(`slack-ts:oncall:${incident}`);
    const { Item } = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: key } } }));
    expect(Item?.expiresAt?.N).toBe(String(NOW_MS / 1000 + SLACK_THREAD_TTL_SECONDS));
  });

  it('treats an expired item still in the table as gone (TTL deletes only eventually)', async () => {
    const incident = newIncident();
    await store().put('oncall', incident, thread);
    expect(await store(NOW_MS + (SLACK_THREAD_TTL_SECONDS + 1) * 1000).get('oncall', incident)).toBeUndefined();
  });

  it('keeps a thread without its message when the message is too big for an item', async () => {
    const incident = newIncident();
    const huge = {
      text: 'x',
      blocks: Array.from({ length: 50 }, () => ({
        type: 'section',
        text: { type: 'mrkdwn', text: '値'.repeat(3_000) },
      })),
    };
    await store().put('oncall', incident, { ...thread, message: huge as SlackThread['message'] });
    const { message: _, ...bare } = thread;
    expect(await store().get('oncall', incident)).toEqual(bare);
  });

  it('never fails a delivery: a missing table reads as no thread, and a failed write is a warning', async () => {
    const broken = createSlackThreadStore(db.client, { tableName: 'no-such-table', now: () => NOW_MS });
    await expect(broken.get('oncall', newIncident())).resolves.toBeUndefined();
    await expect(broken.put('oncall', newIncident(), thread)).resolves.toBeUndefined();
    const warnings = logs
      .entries()
      .filter((e) => e.level === 'WARN')
      .map((e) => e.message);
    expect(warnings).toEqual([
      'Slack thread unknown, the message is posted on its own',
      'Slack thread not kept, the alarm’s OK will be posted on its own',
    ]);
  });
});
