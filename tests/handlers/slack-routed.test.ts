import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackHandler, type SlackHandlerDeps } from '../../src/handlers/slack';
import type { DeadLetter } from '../../src/lib/adapters/dead-letter-queue';
import { createDedupeStore } from '../../src/lib/adapters/dedupe-store';
import { createSilenceStore } from '../../src/lib/adapters/silence-store';
import type { Notification } from '../../src/lib/core/notification';
import { alarmThenOk } from '../helpers/alarm-pair';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from '../helpers/dynamodb-local';
import { type SlackApiStub, startSlackApiStub } from '../helpers/slack-api-stub';
import { replies, type SlackReceiver, startSlackReceiver } from '../helpers/slack-receiver';
import { failedIds, sqsEventWith } from '../helpers/sqs-event';
import { startTeamsReceiver, type TeamsReceiver } from '../helpers/teams-receiver';
import { storm, stormAlarm } from '../lib/core/grouping/storm';

const FINANCE_TOPIC = 'arn:aws:sns:us-east-1:123456789012:notifier-finance';
const MENTION = '<!subteam^S0ONCALL>';
const PARAMETERS = { oncall: '/t/slack/oncall', notices: '/t/slack/notices', teams: '/t/teams', hook: '/t/hook' };

/** The small team's routing of issue 9, with every destination type. */
const ROUTES = {
  version: 1,
  destinations: {
    oncall: { type: 'slack-app', parameter: PARAMETERS.oncall, channel: 'C0ONCALL' },
    notices: { type: 'slack-webhook', parameter: PARAMETERS.notices },
    teams: { type: 'teams', parameter: PARAMETERS.teams },
    hook: { type: 'webhook', parameter: PARAMETERS.hook },
    finance: { type: 'email', topic: FINANCE_TOPIC },
  },
  routes: [
    {
      name: 'critical',
      // The OK matches too, so it resolves the ALARM's thread in place; the mention is for critical only.
      match: { category: ['alarm'], severity: ['critical', 'ok'] },
      to: ['oncall'],
      mention: { text: MENTION },
      continue: true,
    },
    { name: 'costs', match: { category: ['budget', 'cost-anomaly', 'cost-digest'] }, to: ['finance'], continue: true },
    { name: 'everything', to: ['notices', 'teams', 'hook'] },
  ],
  default: ['notices'],
};

const dir = mkdtempSync(join(tmpdir(), 'routed-'));
const routesFile = join(dir, 'routes.json');
writeFileSync(routesFile, JSON.stringify(ROUTES));

let db: LocalDynamoDb;
let slackApi: SlackApiStub;
let notices: SlackReceiver;
let hook: SlackReceiver;
let teams: TeamsReceiver;
let logs: CapturedLogs;
const sns = mockClient(SNSClient);
let tables = 0;
let tableName: string;

beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  [slackApi, notices, hook, teams] = await Promise.all([
    startSlackApiStub(),
    startSlackReceiver(),
    startSlackReceiver(),
    startTeamsReceiver(),
  ]);
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  logs = captureLogs();
  // A fresh key space per test in the shared table: dedupe keys, threads and silences do not leak.
  tableName = `routed-${++tables}`;
  const { CreateTableCommand } = await import('@aws-sdk/client-dynamodb');
  await db.client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});
afterEach(async () => {
  logs.restore();
  await Promise.all([slackApi.close(), notices.close(), hook.close(), teams.close()]);
});

const context = {
  getRemainingTimeInMillis: () => 10_000,
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-slack',
} as never;

function deliveryFunction(deps: SlackHandlerDeps = {}) {
  const secrets: Record<string, string> = {
    [PARAMETERS.oncall]: slackApi.token,
    [PARAMETERS.notices]: notices.url,
    [PARAMETERS.teams]: teams.url,
    [PARAMETERS.hook]: hook.url,
  };
  return createSlackHandler({
    env: { ROUTES_FILE: routesFile, SLACK_WEBHOOK_PARAMETER: '/t/default', DEDUPE_TABLE: tableName },
    dynamodb: () => db.client,
    readParameter: async (name) => secrets[name],
    slackApiBaseUrl: slackApi.baseUrl,
    sns: () => new SNSClient({ region: 'us-east-1' }),
    sleep: async () => {},
    ...deps,
  });
}

const queued = (...ns: Notification[]) => sqsEventWith(...ns.map((n) => JSON.stringify(n)));
const bodies = (r: SlackReceiver) => r.requests.map((q) => JSON.parse(q.body) as Record<string, unknown>);
const headerOf = (blocks: unknown[]) => (blocks[0] as { text: { text: string } }).text.text;
const published = () => sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
const budget = (): Notification =>
  stormAlarm(1, { category: 'budget', severity: 'warning', title: 'Budget monthly at 85%', dedupeKey: 'budget:1' });

/** What each destination received, compactly: the closing note of issue 9 quotes it. */
function received() {
  return {
    'oncall (Slack app)': slackApi.calls.map((c) => {
      const b = c.body as { thread_ts?: string; text?: string; blocks?: unknown[] };
      const line = c.method === 'chat.update' && b.blocks ? headerOf(b.blocks) : String(b.text).split('\n')[0];
      return `${c.method}${b.thread_ts ? ' (thread reply)' : ''}: ${line}`;
    }),
    'notices (Slack webhook)': bodies(notices).map((b) => String(b.text).split('\n')[0]),
    'teams (Teams Workflows)': teams.cards.map((card) => {
      const first = (card.body as unknown as { text?: string }[] | undefined)?.[0];
      return `Adaptive Card ${card.version}: ${first?.text ?? ''}`;
    }),
    'hook (JSON webhook)': bodies(hook).map(
      (b) => `${b.version} ${(b.notification as Notification).severity}: ${b.subject}`,
    ),
    'finance (email topic)': published().map((p) => `${p.TopicArn}: ${p.Subject}`),
  };
}

/** Critical to #oncall only (no `ok`), everything to #aws-notices: the usual small-team routing. */
const criticalOnly = () => {
  const file = join(dir, 'critical-only.json');
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      destinations: {
        oncall: { type: 'slack-app', parameter: PARAMETERS.oncall, channel: 'C0ONCALL' },
        notices: { type: 'slack-webhook', parameter: PARAMETERS.notices },
      },
      routes: [
        { name: 'critical', match: { severity: ['critical'] }, to: ['oncall'], continue: true },
        { name: 'everything', to: ['notices'] },
      ],
      default: ['notices'],
    }),
  );
  return deliveryFunction({
    env: { ROUTES_FILE: file, SLACK_WEBHOOK_PARAMETER: '/t/default', DEDUPE_TABLE: tableName },
  });
};

/** Alarm `i` of a storm with the alarm source's dedupe key (`…:<state>:<when>`), so it is threaded. */
const stormMember = (i: number, state: 'ALARM' | 'OK'): Notification => {
  const n = stormAlarm(i);
  const name = n.dedupeKey.split(':')[3];
  const at = state === 'ALARM' ? n.occurredAt : `2026-11-29T05:${n.occurredAt.slice(14)}`;
  return {
    ...n,
    ...(state === 'OK' ? { severity: 'ok', title: `${name} is OK again` } : {}),
    occurredAt: at,
    dedupeKey: `alarm:123456789012:ap-northeast-1:${name}:${state}:${at}`,
  };
};
const stormOf = (from: number, to: number, state: 'ALARM' | 'OK') =>
  Array.from({ length: to - from }, (_, i) => stormMember(from + i, state));

describe('handlers: routed delivery (ROUTES_FILE), against local receivers', () => {
  it("delivers an alarm's ALARM → OK to each destination: Slack app thread resolved in place, Teams, JSON webhook; no email", async () => {
    const [alarm, ok] = await alarmThenOk(252_000);
    const handler = deliveryFunction();
    expect(failedIds(await handler(queued(alarm), context))).toEqual([]);
    expect(failedIds(await handler(queued(ok), context))).toEqual([]);

    // Slack app: the ALARM, then chat.update in place, then the OK as a thread reply.
    expect(slackApi.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postMessage']);
    const [root, reply] = slackApi.messages;
    expect(root!.channel).toBe('C0ONCALL');
    expect(root!.edited).toBe(true);
    expect(String(slackApi.calls[0]!.body.text).startsWith(MENTION)).toBe(true);
    expect(JSON.stringify(root!.blocks)).toContain('resolved after 4 min 12 s');
    expect(reply).toMatchObject({ threadTs: root!.ts, edited: false });
    expect(reply!.text).not.toContain(MENTION);
    // The webhook destinations: two messages each, the ALARM then the OK.
    expect(notices.requests).toHaveLength(2);
    expect(bodies(notices).some((b) => String(b.text).includes(MENTION))).toBe(false);
    expect(teams.cards).toHaveLength(2);
    expect(bodies(hook).map((b) => (b.notification as Notification).severity)).toEqual(['critical', 'ok']);
    expect(published()).toEqual([]);

    // Printed for the closing note of issue 9.
    logs.restore();
    console.log(`ALARM → OK, what each destination received:\n${JSON.stringify(received(), null, 2)}`);
    logs = captureLogs();
  });

  it('sends costs to the finance topic and the webhooks, not to the Slack app', async () => {
    const n = budget();
    expect(failedIds(await deliveryFunction()(queued(n), context))).toEqual([]);
    expect(published()).toEqual([expect.objectContaining({ TopicArn: FINANCE_TOPIC })]);
    expect(published()[0]!.Subject).toContain('Budget monthly at 85%');
    expect(slackApi.calls).toEqual([]);
    expect([notices.requests.length, teams.cards.length, hook.requests.length]).toEqual([1, 1, 1]);
    logs.restore();
    console.log(`A budget alert, what each destination received:\n${JSON.stringify(received(), null, 2)}`);
    logs = captureLogs();
  });

  it('suppresses a silenced notification, logs the silence id and settles the record', async () => {
    const [alarm] = await alarmThenOk(252_000);
    const now = Date.now();
    await createSilenceStore(db.client, { tableName }).add(
      {
        id: 'maint-1',
        match: { category: ['alarm'] },
        start: new Date(now - 60_000).toISOString(),
        end: new Date(now + 3_600_000).toISOString(),
      },
      now + 5_000,
    );
    expect(failedIds(await deliveryFunction()(queued(alarm), context))).toEqual([]);
    expect([slackApi.calls.length, notices.requests.length, teams.requests.length, hook.requests.length]).toEqual([
      0, 0, 0, 0,
    ]);
    const silenced = logs.entries().find((e) => e.message === 'notification silenced');
    expect(silenced).toMatchObject({ silenceId: 'maint-1' });
  });

  it('retries a record only for the destination that failed for now: the others are not sent twice', async () => {
    const [alarm] = await alarmThenOk(252_000);
    const handler = deliveryFunction();
    notices.script([replies.serverError], replies.serverError);
    expect(failedIds(await handler(queued(alarm), context))).toEqual(['message-0']);
    const refused = notices.requests.length;
    notices.script([], replies.ok);
    expect(failedIds(await handler(queued(alarm), context))).toEqual([]);
    expect(notices.requests).toHaveLength(refused + 1);
    // A third receipt (the queue delivering twice) sends nothing anywhere.
    expect(failedIds(await handler(queued(alarm), context))).toEqual([]);
    expect(notices.requests).toHaveLength(refused + 1);

    expect(slackApi.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect([teams.cards.length, hook.requests.length]).toEqual([1, 1]);
  });

  it('dead-letters a record a destination refuses for good, naming the destination, and delivers the rest', async () => {
    const [alarm] = await alarmThenOk(252_000);
    const letters: DeadLetter[] = [];
    slackApi.script([{ kind: 'error', error: 'channel_not_found' }]);
    const handler = deliveryFunction({
      env: {
        ROUTES_FILE: routesFile,
        SLACK_WEBHOOK_PARAMETER: '/t/default',
        DEDUPE_TABLE: tableName,
        DEAD_LETTER_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/notifier-dev-slack-dlq',
      },
      deadLetterSender: () => async (letter) => void letters.push(letter),
    });
    expect(failedIds(await handler(queued(alarm), context))).toEqual([]);
    expect(letters.map((l) => l.error.message)).toEqual([expect.stringMatching(/^destination oncall \(slack-app\): /)]);
    expect([notices.requests.length, teams.cards.length, hook.requests.length]).toEqual([1, 1, 1]);
  });

  it('posts a storm as one grouped message per chat destination (the Slack app: one message, with the mention)', async () => {
    const alarms = storm(5);
    expect(failedIds(await deliveryFunction()(queued(...alarms), context))).toEqual([]);
    expect(slackApi.calls.map((c) => [c.method, c.body.thread_ts])).toEqual([['chat.postMessage', undefined]]);
    expect(String(slackApi.calls[0]!.body.text)).toMatch(/^<!subteam\^S0ONCALL> \[CRITICAL\] 5 alarms in ALARM/);
    expect(bodies(notices).map((b) => String(b.text).split('\n')[0])).toEqual([
      '[CRITICAL] 5 alarms in ALARM (ap-northeast-1)',
    ]);
    expect(teams.cards).toHaveLength(1);
    // A JSON receiver acts on each notification (WEBHOOK_GROUP_MAX_MEMBERS = 1): one envelope each.
    expect(hook.requests).toHaveLength(5);
  });

  it('never shows a destination secret in a log line, even when every destination fails', async () => {
    const [alarm] = await alarmThenOk(252_000);
    notices.script([], replies.serverError);
    hook.script([], replies.serverError);
    slackApi.script(Array.from({ length: 25 }, () => ({ kind: 'server-error', status: 500 }) as const));
    expect(failedIds(await deliveryFunction()(queued(alarm), context))).toEqual(['message-0']);
    const text = logs.lines.join('\n');
    expect(text).toContain('message not posted');
    for (const secret of [slackApi.token, notices.token, hook.token, teams.sig]) expect(text).not.toContain(secret);
  });

  describe("an alarm's OK follows its ALARM into the Slack app thread although no route sends OKs there", () => {
    it('resolves the ALARM message in place and replies in its thread; notices gets both as before', async () => {
      const [alarm, ok] = await alarmThenOk(252_000);
      const handler = criticalOnly();
      expect(failedIds(await handler(queued(alarm), context))).toEqual([]);
      expect(failedIds(await handler(queued(ok), context))).toEqual([]);

      expect(slackApi.calls.map((c) => [c.method, c.body.thread_ts])).toEqual([
        ['chat.postMessage', undefined],
        ['chat.update', undefined],
        ['chat.postMessage', slackApi.messages[0]!.ts],
      ]);
      expect(JSON.stringify(slackApi.messages[0]!.blocks)).toContain('resolved after 4 min 12 s');
      expect(bodies(notices).map((b) => String(b.text).split('\n')[0])).toEqual([
        expect.stringContaining('[CRITICAL]'),
        expect.stringContaining('[RESOLVED]'),
      ]);
      // Delivered once: the queue delivering the OK again sends nothing more.
      expect(failedIds(await handler(queued(ok), context))).toEqual([]);
      expect(slackApi.calls).toHaveLength(3);
      expect(notices.requests).toHaveLength(2);
    });

    it('resolves in place when the ALARM and its OK arrive in one batch', async () => {
      const [alarm, ok] = await alarmThenOk(252_000);
      expect(failedIds(await criticalOnly()(queued(alarm, ok), context))).toEqual([]);
      expect(slackApi.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postMessage']);
      expect(slackApi.messages[1]!.threadTs).toBe(slackApi.messages[0]!.ts);
    });

    it('does not send the OK of an alarm never posted to the Slack app there', async () => {
      const [, ok] = await alarmThenOk(252_000);
      expect(failedIds(await criticalOnly()(queued(ok), context))).toEqual([]);
      expect(slackApi.calls).toEqual([]);
      expect(notices.requests).toHaveLength(1);
    });

    it('does not follow a silenced OK', async () => {
      const [alarm, ok] = await alarmThenOk(252_000);
      const handler = criticalOnly();
      expect(failedIds(await handler(queued(alarm), context))).toEqual([]);
      const now = Date.now();
      await createSilenceStore(db.client, { tableName }).add(
        {
          id: 'maint-ok',
          match: { severity: ['ok'] },
          start: new Date(now - 60_000).toISOString(),
          end: new Date(now + 3_600_000).toISOString(),
        },
        now + 5_000,
      );
      // A new container: the silence cache (60 s) of the first one predates the silence.
      expect(failedIds(await criticalOnly()(queued(ok), context))).toEqual([]);
      expect(slackApi.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
      expect(notices.requests).toHaveLength(1);
    });
  });

  describe('grouped storm messages thread their follow-ups', () => {
    it('30 ALARMs as one message, then their 30 OKs as one reply in its thread (not updated in place)', async () => {
      const handler = criticalOnly();
      expect(failedIds(await handler(queued(...stormOf(0, 30, 'ALARM')), context))).toEqual([]);
      expect(slackApi.calls.map((c) => [c.method, c.body.thread_ts])).toEqual([['chat.postMessage', undefined]]);
      const root = slackApi.messages[0]!;
      expect(root.text).toMatch(/30 alarms in ALARM/);

      expect(failedIds(await handler(queued(...stormOf(0, 30, 'OK')), context))).toEqual([]);
      expect(slackApi.calls.map((c) => [c.method, c.body.thread_ts])).toEqual([
        ['chat.postMessage', undefined],
        ['chat.postMessage', root.ts],
      ]);
      const reply = slackApi.messages[1]!;
      expect(reply.text).toMatch(/30 alarms/);
      for (const i of [0, 17, 29])
        expect(JSON.stringify(reply.blocks)).toContain(`api-${String(i).padStart(4, '0')}-5xx-errors`);
      expect(root.edited).toBe(false);
      // #aws-notices, a webhook, gets the two grouped messages as before.
      expect(notices.requests).toHaveLength(2);
    });

    it('a single OK of a storm member replies in the storm message’s thread, once', async () => {
      const handler = criticalOnly();
      expect(failedIds(await handler(queued(...stormOf(0, 3, 'ALARM')), context))).toEqual([]);
      const root = slackApi.messages[0]!;
      expect(failedIds(await handler(queued(stormMember(1, 'OK')), context))).toEqual([]);
      expect(failedIds(await handler(queued(stormMember(1, 'OK')), context))).toEqual([]);
      expect(slackApi.calls.map((c) => [c.method, c.body.thread_ts])).toEqual([
        ['chat.postMessage', undefined],
        ['chat.postMessage', root.ts],
      ]);
      expect(slackApi.messages[1]!.text).toContain('api-0001-5xx-errors is OK again');
    });

    it('grouped OKs reply in each thread their ALARM was posted in: lone ones resolve in place, the storm’s get one reply', async () => {
      const handler = criticalOnly();
      for (const alarm of stormOf(0, 2, 'ALARM')) expect(failedIds(await handler(queued(alarm), context))).toEqual([]);
      expect(failedIds(await handler(queued(...stormOf(2, 10, 'ALARM')), context))).toEqual([]);
      const [lone0, lone1, storm] = slackApi.messages;
      expect(slackApi.calls).toHaveLength(3);

      // The 10 OKs arrive in one batch, plus an OK of an alarm never posted to #oncall.
      const stranger = stormMember(40, 'OK');
      expect(failedIds(await handler(queued(...stormOf(0, 10, 'OK'), stranger), context))).toEqual([]);
      const after = slackApi.calls.slice(3).map((c) => [c.method, c.body.thread_ts ?? c.body.ts]);
      expect(after).toEqual([
        ['chat.update', lone0!.ts],
        ['chat.postMessage', lone0!.ts],
        ['chat.update', lone1!.ts],
        ['chat.postMessage', lone1!.ts],
        ['chat.postMessage', storm!.ts],
      ]);
      expect(JSON.stringify(lone0!.blocks)).toContain('resolved after');
      expect(storm!.edited).toBe(false);
      expect(slackApi.messages.at(-1)!.text).toMatch(/8 alarms/);
      expect(JSON.stringify(slackApi.messages.at(-1)!.blocks)).not.toContain('api-0040');
      // #aws-notices: 2 lone ALARMs, the storm, then the 11 OKs as one message.
      expect(notices.requests).toHaveLength(4);
    });
  });

  it('keeps the single-webhook keys for the destination named slack, and sends nothing to the own email topic', async () => {
    const [alarm] = await alarmThenOk(252_000);
    const file = join(dir, 'slack-and-own-email.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        destinations: {
          slack: { type: 'slack-webhook', parameter: PARAMETERS.notices },
          email: { type: 'email', topic: 'notifications' },
        },
        default: ['slack', 'email'],
      }),
    );
    const handler = () =>
      deliveryFunction({ env: { ROUTES_FILE: file, SLACK_WEBHOOK_PARAMETER: '/t/default', DEDUPE_TABLE: tableName } });
    // Delivered before by the single-webhook function (prefix `slack:`): not posted again.
    const store = createDedupeStore(db.client, { tableName, ttlSeconds: 60, keyPrefix: 'slack:' });
    await store.complete(alarm.dedupeKey);
    expect(failedIds(await handler()(queued(alarm), context))).toEqual([]);
    expect(notices.requests).toEqual([]);
    // A new notification goes to the webhook once; the stack's own email path is the email queue's.
    const [, ok] = await alarmThenOk(252_000);
    expect(failedIds(await handler()(queued(ok), context))).toEqual([]);
    expect(notices.requests).toHaveLength(1);
    expect(published()).toEqual([]);
  });
});
