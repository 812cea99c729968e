import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverGroupToSlackApp, deliverToSlackApp } from '../../../src/lib/adapters/slack-app-delivery';
import { createSlackThreadStore } from '../../../src/lib/adapters/slack-thread-store';
import { createSlackApi } from '../../../src/lib/adapters/slack-web-api';
import { renderGrouped } from '../../../src/lib/core/channels/channel';
import { slackChannel } from '../../../src/lib/core/channels/slack';
import { renderSlack } from '../../../src/lib/core/channels/slack/render-slack';
import type { Notification } from '../../../src/lib/core/notification';
import { alarmThenOk } from '../../helpers/alarm-pair';
import { type CapturedLogs, captureLogs } from '../../helpers/capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';
import { type SlackApiStub, startSlackApiStub } from '../../helpers/slack-api-stub';
import { stormAlarm } from '../core/grouping/storm';
import { hostile } from '../core/render/sample-notifications';

let db: LocalDynamoDb;
let slack: SlackApiStub;
let logs: CapturedLogs;
beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  slack = await startSlackApiStub();
  logs = captureLogs();
});
afterEach(async () => {
  logs.restore();
  await slack.close();
});

let destinations = 0;
/** A fresh destination per test, so the shared table holds no thread of another test. */
const oncall = () => ({ name: `oncall-${++destinations}`, channel: '#oncall' });
const deps = (withStore = true) => ({
  api: createSlackApi({ token: slack.token, baseUrl: slack.baseUrl, deadline: () => Date.now() + 10_000 }),
  ...(withStore ? { store: createSlackThreadStore(db.client, { tableName: db.tableName }) } : {}),
});
const headerOf = (blocks: unknown[]) => (blocks[0] as { text: { text: string } }).text.text;

describe('adapters: Slack app delivery (ALARM → OK in one thread), against the Web API stub and dynalite', () => {
  it('posts the ALARM, then updates it in place to "resolved after 4 min 12 s" and replies with the OK in its thread', async () => {
    const [alarm, ok] = await alarmThenOk(252_000);
    const destination = oncall();
    const started = await deliverToSlackApp(alarm, destination, deps());
    const resolved = await deliverToSlackApp(ok, destination, deps());

    expect(started).toEqual({ kind: 'thread-started', message: { channel: 'C0ONCALL', ts: expect.any(String) } });
    expect(resolved).toEqual({ kind: 'resolved', message: started.message, reply: expect.anything() });
    expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postMessage']);
    const [root, reply] = slack.messages;
    expect(headerOf(root!.blocks)).toBe(
      '✅ [CRITICAL] ServerCpuTooHigh is in ALARM (us-east-1) — resolved after 4 min 12 s',
    );
    expect(root!.edited).toBe(true);
    expect(reply).toMatchObject({ threadTs: root!.ts, text: renderSlack(ok).text, edited: false });
  });

  it('threads the same way in Japanese', async () => {
    const [alarm, ok] = await alarmThenOk(252_000, 'ja');
    const destination = oncall();
    await deliverToSlackApp(alarm, destination, deps());
    await deliverToSlackApp(ok, destination, deps());
    expect(headerOf(slack.messages[0]!.blocks)).toMatch(/ — 4分12秒後に復旧$/);
  });

  it('posts an OK on its own when no ALARM message is known (none kept, or no table)', async () => {
    const [, ok] = await alarmThenOk(60_000);
    expect((await deliverToSlackApp(ok, oncall(), deps())).kind).toBe('posted');
    expect((await deliverToSlackApp(ok, oncall(), deps(false))).kind).toBe('posted');
    expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
    expect(slack.messages.every((m) => m.threadTs === undefined)).toBe(true);
  });

  it('replies in the thread for a later change (a second OK, a flapping summary) instead of resolving again', async () => {
    const [alarm, ok] = await alarmThenOk(120_000);
    const destination = oncall();
    await deliverToSlackApp(alarm, destination, deps());
    await deliverToSlackApp(ok, destination, deps());
    const flapping: Notification = { ...alarm, dedupeKey: `${alarm.dedupeKey}:flapping` };
    expect((await deliverToSlackApp(ok, destination, deps())).kind).toBe('replied');
    expect((await deliverToSlackApp(flapping, destination, deps())).kind).toBe('replied');
    expect(slack.calls.filter((c) => c.method === 'chat.update')).toHaveLength(1);
    expect(slack.messages.slice(1).every((m) => m.threadTs === slack.messages[0]!.ts)).toBe(true);
  });

  it('posts anything that is not an alarm on its own', async () => {
    expect((await deliverToSlackApp(hostile, oncall(), deps())).kind).toBe('posted');
  });

  it('fails loudly when the bot is not in the channel, keeping no thread', async () => {
    const [alarm, ok] = await alarmThenOk(60_000);
    const destination = { name: `private-${++destinations}`, channel: 'C0PRIVATE' };
    await expect(deliverToSlackApp(alarm, destination, deps())).rejects.toMatchObject({
      name: 'DeliveryError',
      retryable: false,
      message: expect.stringContaining('not_in_channel'),
    });
    await expect(deliverToSlackApp(ok, destination, deps())).rejects.toMatchObject({ retryable: false });
    expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
  });

  describe('a group (a storm) as one message, its members threaded', () => {
    /** Alarm `i` in `state`, with the alarm source's dedupe key so it is threaded. */
    const member = (i: number, state: 'ALARM' | 'OK'): Notification => {
      const n = stormAlarm(i);
      const name = n.dedupeKey.split(':')[3];
      const at = state === 'ALARM' ? n.occurredAt : '2026-11-29T05:00:00.000Z';
      return {
        ...n,
        ...(state === 'OK' ? { severity: 'ok' as const, title: `${name} is OK again` } : {}),
        occurredAt: at,
        dedupeKey: `alarm:123456789012:ap-northeast-1:${name}:${state}:${at}`,
      };
    };
    const render = (members: readonly Notification[]) =>
      renderGrouped(slackChannel, { key: 'k', members, part: 1, parts: 1 });
    const groupDeps = (withStore = true) => ({ ...deps(withStore), render });

    it('posts the group once and keeps its ts for each member alarm, marked as a group of that size', async () => {
      const destination = oncall();
      const alarms = [0, 1, 2].map((i) => member(i, 'ALARM'));
      const outcome = await deliverGroupToSlackApp(alarms, destination, groupDeps());
      expect(outcome).toEqual({ posted: [{ channel: 'C0ONCALL', ts: expect.any(String) }], replies: [], resolved: [] });
      const store = createSlackThreadStore(db.client, { tableName: db.tableName });
      for (const i of [0, 1, 2]) {
        const key = alarms[i]!.dedupeKey.replace(/:ALARM:.*$/, '');
        expect(await store.get(destination.name, key)).toMatchObject({ ts: outcome.posted[0]!.ts, group: 3 });
      }
    });

    it("replies with a member's OK in the group's thread without updating the group message, and marks it resolved", async () => {
      const destination = oncall();
      await deliverGroupToSlackApp(
        [0, 1, 2].map((i) => member(i, 'ALARM')),
        destination,
        groupDeps(),
      );
      const ok = await deliverToSlackApp(member(1, 'OK'), destination, deps());
      expect(ok).toMatchObject({ kind: 'replied', message: { ts: slack.messages[0]!.ts } });
      expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
      const thread = await createSlackThreadStore(db.client, { tableName: db.tableName }).get(
        destination.name,
        'alarm:123456789012:ap-northeast-1:api-0001-5xx-errors',
      );
      expect(thread?.resolvedAt).toBe('2026-11-29T05:00:00.000Z');
    });

    it('replies once per thread for grouped OKs, and posts the ones without a thread as one message', async () => {
      const destination = oncall();
      await deliverToSlackApp(member(0, 'ALARM'), destination, deps());
      await deliverGroupToSlackApp(
        [1, 2, 3].map((i) => member(i, 'ALARM')),
        destination,
        groupDeps(),
      );
      const [lone, group] = slack.messages;
      const outcome = await deliverGroupToSlackApp(
        [0, 1, 2, 3, 8, 9].map((i) => member(i, 'OK')),
        destination,
        groupDeps(),
      );
      expect(outcome.resolved).toEqual([{ channel: 'C0ONCALL', ts: lone!.ts }]);
      expect(outcome.replies).toHaveLength(2);
      expect(outcome.posted).toHaveLength(1);
      const sent = slack.messages.slice(2);
      expect(sent.map((m) => [m.threadTs, m.text.split('\n')[0]])).toEqual([
        [undefined, expect.stringMatching(/2 alarms/)],
        [lone!.ts, expect.stringContaining('api-0000-5xx-errors is OK again')],
        [group!.ts, expect.stringMatching(/3 alarms/)],
      ]);
      expect([lone!.edited, group!.edited]).toEqual([true, false]);
    });

    it('without a store posts one message, as before threads', async () => {
      const outcome = await deliverGroupToSlackApp(
        [0, 1].map((i) => member(i, 'ALARM')),
        oncall(),
        groupDeps(false),
      );
      expect(outcome.posted).toHaveLength(1);
      expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    });
  });
});
