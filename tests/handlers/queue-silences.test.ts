import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmailHandler } from '../../src/handlers/email';
import { createSlackHandler } from '../../src/handlers/slack';
import { createSilenceStore } from '../../src/lib/adapters/silence-store';
import { renderSlack } from '../../src/lib/core/channels/slack/render-slack';
import type { Notification } from '../../src/lib/core/notification';
import { buildSnsPublish } from '../../src/lib/core/publish/sns-message';
import { type LocalDynamoDb, startLocalDynamoDb } from '../helpers/dynamodb-local';
import { useSlackReceiverAndLogs } from '../helpers/slack-receiver';
import { failedIds, sqsEventWith } from '../helpers/sqs-event';
import { stormAlarm } from '../lib/core/grouping/storm';

const bed = useSlackReceiverAndLogs();
const EMAIL_TOPIC = 'arn:aws:sns:ap-northeast-1:123456789012:notifier-dev-email';
const lambdaContext = { getRemainingTimeInMillis: () => 10_000 } as never;
const sns = mockClient(SNSClient);

/** An alarm named `name` in ALARM (or its OK), as the alarm function labels it. */
const alarmNamed = (i: number, name: string, severity: 'critical' | 'ok' = 'critical'): Notification =>
  stormAlarm(i, {
    severity,
    title: `${name} is ${severity === 'ok' ? 'OK' : 'in ALARM'}`,
    labels: { alarm: name },
    dedupeKey: `alarm:123456789012:ap-northeast-1:${name}:${severity === 'ok' ? 'OK' : 'ALARM'}`,
  });
const WEB = alarmNamed(1, 'web-5xx');
const WEB_OK = alarmNamed(1, 'web-5xx', 'ok');
const API = alarmNamed(2, 'api-5xx');

const queued = (...notifications: Notification[]) => sqsEventWith(...notifications.map((n) => JSON.stringify(n)));
const posted = () => bed.slack.requests.map((r) => JSON.parse(r.body) as unknown);
/** The email topic and subject of each publish (the message's body is the email path's own tests' business). */
const publishes = () =>
  sns.commandCalls(PublishCommand).map(({ args: [{ input }] }) => [input.TopicArn, input.Subject]);
const published = (n: Notification) => [EMAIL_TOPIC, buildSnsPublish(n).Subject];
const silencedLogs = () => bed.logs.entries().filter((e) => e.message === 'notification silenced');

describe('handlers: stored silences on the default delivery paths (dynalite)', () => {
  let db: LocalDynamoDb;
  let clock: number;
  const now = () => clock;
  beforeEach(async () => {
    db = await startLocalDynamoDb();
    clock = Date.now();
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });
  afterEach(async () => {
    await db.close();
  });

  const slackFunction = (tableName = db.tableName) =>
    createSlackHandler({
      env: { SLACK_WEBHOOK_URL: bed.slack.url, DEDUPE_TABLE: tableName },
      dynamodb: () => db.client,
      sleep: async () => {},
      now,
    });
  const emailFunction = (tableName = db.tableName) =>
    createEmailHandler({
      env: { NOTIFICATIONS_TOPIC_ARN: EMAIL_TOPIC, DEDUPE_TABLE: tableName },
      dynamodb: () => db.client,
      sns: () => sns as unknown as SNSClient,
      now,
    });
  /** `notifier silence add --match alarm=web-* --for 2h --id maint-web`, started a minute ago. */
  const silenceWeb = () =>
    createSilenceStore(db.client, { tableName: db.tableName, now }).add(
      {
        id: 'maint-web',
        match: { alarm: ['web-*'] },
        start: new Date(clock - 60_000).toISOString(),
        end: new Date(clock + 7_200_000).toISOString(),
      },
      clock + 5_000,
    );

  it('Slack: suppresses the matching alarm, logs it with the silence id, settles its record, posts the other', async () => {
    await silenceWeb();
    expect(failedIds(await slackFunction()(queued(WEB), lambdaContext))).toEqual([]);
    expect(failedIds(await slackFunction()(queued(API), lambdaContext))).toEqual([]);
    expect(posted()).toEqual([JSON.parse(JSON.stringify(renderSlack(API)))]);
    expect(silencedLogs()).toEqual([
      expect.objectContaining({ silenceId: 'maint-web', origin: 'store', dedupeKey: WEB.dedupeKey }),
    ]);
  });

  it('email: suppresses the matching alarm, logs it with the silence id, publishes the other', async () => {
    await silenceWeb();
    expect(failedIds(await emailFunction()(queued(WEB), lambdaContext))).toEqual([]);
    expect(failedIds(await emailFunction()(queued(API), lambdaContext))).toEqual([]);
    expect(publishes()).toEqual([published(API)]);
    expect(silencedLogs()).toEqual([expect.objectContaining({ silenceId: 'maint-web', dedupeKey: WEB.dedupeKey })]);
  });

  it('suppresses only the silenced members of a batch: the rest goes as it would without the silence', async () => {
    await silenceWeb();
    expect(failedIds(await slackFunction()(queued(WEB, API), lambdaContext))).toEqual([]);
    expect(posted()).toEqual([JSON.parse(JSON.stringify(renderSlack(API)))]);
  });

  it('suppresses, on Slack and on email alike, the OK ending an ALARM that was silenced, after the silence ended', async () => {
    await silenceWeb();
    const [slack, email] = [slackFunction(), emailFunction()];
    for (const handler of [slack, email]) expect(failedIds(await handler(queued(WEB), lambdaContext))).toEqual([]);
    await createSilenceStore(db.client, { tableName: db.tableName, now }).remove('maint-web', clock + 5_000);
    clock += 10 * 60_000; // past the silences' cache: the silence is gone when the OK comes
    // Each function remembers its own silenced ALARM, so the first to see the OK does not unmute the other.
    for (const handler of [slack, email]) expect(failedIds(await handler(queued(WEB_OK), lambdaContext))).toEqual([]);
    expect([posted(), publishes()]).toEqual([[], []]);
    expect(silencedLogs().map((e) => [e.silenceId, e.origin])).toEqual([
      ['maint-web', 'store'],
      ['maint-web', 'store'],
      ['maint-web', 'resolves-silenced-alarm'],
      ['maint-web', 'resolves-silenced-alarm'],
    ]);
    // Once resolved, the alarm's next ALARM is news again.
    expect(failedIds(await slack(queued(alarmNamed(3, 'web-5xx')), lambdaContext))).toEqual([]);
    expect(posted()).toHaveLength(1);
  });

  it('delivers when the silences cannot be read, with a warning: a silence never costs a notification', async () => {
    const missing = 'notifier-test-no-such-table';
    expect(failedIds(await slackFunction(missing)(queued(WEB), lambdaContext))).toEqual([]);
    expect(failedIds(await emailFunction(missing)(queued(WEB), lambdaContext))).toEqual([]);
    expect(posted()).toEqual([JSON.parse(JSON.stringify(renderSlack(WEB)))]);
    expect(publishes()).toEqual([published(WEB)]);
    const warnings = bed.logs.entries().filter((e) => e.message === 'silences unreadable, using the last ones read');
    expect(warnings).toHaveLength(2);
    expect(silencedLogs()).toEqual([]);
  });
});
