import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackHandler, type SlackHandlerDeps } from '../../src/handlers/slack';
import type { DeadLetter } from '../../src/lib/adapters/dead-letter-queue';
import { createDedupeStore } from '../../src/lib/adapters/dedupe-store';
import { renderSlack } from '../../src/lib/core/channels/slack/render-slack';
import { SLACK_GROUP_MAX_MEMBERS } from '../../src/lib/core/channels/slack/render-slack-group';
import type { Notification } from '../../src/lib/core/notification';
import { type LocalDynamoDb, startLocalDynamoDb } from '../helpers/dynamodb-local';
import { hostileMessage } from '../helpers/hostile';
import { expectOnlyKnownErrors } from '../helpers/known-errors';
import { replies, useSlackReceiverAndLogs } from '../helpers/slack-receiver';
import { failedIds, sqsEventWith } from '../helpers/sqs-event';
import { storm } from '../lib/core/grouping/storm';

const bed = useSlackReceiverAndLogs();
const lambdaContext = { getRemainingTimeInMillis: () => 10_000 } as never;
const QUEUE_URL = 'https://sqs.ap-northeast-1.amazonaws.com/123456789012/notifier-dev-slack-dlq';

/** A dead-letter queue that keeps what it is sent. */
function deadLetterQueue() {
  const letters: DeadLetter[] = [];
  return { letters, sender: () => async (letter: DeadLetter) => void letters.push(letter) };
}

const forwarder = (deps: SlackHandlerDeps = {}) =>
  createSlackHandler({ env: { SLACK_WEBHOOK_URL: bed.slack.url }, sleep: async () => {}, ...deps });
const queued = (notifications: readonly Notification[]) => sqsEventWith(...notifications.map((n) => JSON.stringify(n)));
const posted = () => bed.slack.requests.map((r) => JSON.parse(r.body) as { text: string; blocks: unknown[] });

describe('handlers: slack behind a queue', () => {
  it('posts a lone notification at once, as itself', async () => {
    const [n] = storm(1);
    expect(failedIds(await forwarder()(queued([n!]), lambdaContext))).toEqual([]);
    expect(posted()).toEqual([JSON.parse(JSON.stringify(renderSlack(n!)))]);
  });

  it('posts a batch of 37 alarms in ALARM in one region as one message listing each with its link', async () => {
    const alarms = storm(37);
    expect(failedIds(await forwarder()(queued(alarms), lambdaContext))).toEqual([]);
    expect(bed.slack.requests).toHaveLength(1);
    const [message] = posted();
    expect(message?.text).toMatch(/^\[CRITICAL\] 37 alarms in ALARM \(ap-northeast-1\)/);
    for (const n of alarms) expect(JSON.stringify(message)).toContain(`${n.links[0]!.url}|${n.title}>`);
  });

  it('posts one message per group, and splits a group larger than a message holds', async () => {
    const batch = [
      ...storm(60),
      ...storm(2, { severity: 'ok' }).map((n) => ({ ...n, dedupeKey: `${n.dedupeKey}:OK` })),
    ];
    expect(failedIds(await forwarder()(queued(batch), lambdaContext))).toEqual([]);
    expect(posted().map((m) => m.text.split('\n')[0])).toEqual([
      `[CRITICAL] ${SLACK_GROUP_MAX_MEMBERS} alarms in ALARM (part 1 of 2) (ap-northeast-1)`,
      '[CRITICAL] 10 alarms in ALARM (part 2 of 2) (ap-northeast-1)',
      '[RESOLVED] 2 alarms back to OK (ap-northeast-1)',
    ]);
  });

  it("waits Slack's Retry-After on 429 and posts", async () => {
    const waits: number[] = [];
    bed.slack.script([replies.rateLimited(1)], replies.ok);
    const handler = forwarder({ sleep: async (ms) => void waits.push(ms) });
    expect(failedIds(await handler(queued(storm(3)), lambdaContext))).toEqual([]);
    expect(waits).toEqual([1_000]);
    expect(bed.slack.requests).toHaveLength(2);
  });

  it('returns the messages it could not post in time as batch item failures, the others done', async () => {
    // The first group goes out; then Slack asks for a minute, longer than the invocation has left.
    bed.slack.script([replies.ok], replies.rateLimited(60));
    const batch = [storm(1)[0]!, ...storm(2, { region: 'us-east-1' })];
    const response = await forwarder()(queued(batch), lambdaContext);
    expect(failedIds(response)).toEqual(['message-1', 'message-2']);
    expect(bed.slack.requests).toHaveLength(2);
  });

  it('after a failure for now, leaves the rest of the batch for later instead of adding refused requests', async () => {
    bed.slack.script([], replies.rateLimited(60));
    const batch = [storm(1)[0]!, ...storm(1, { region: 'us-east-1' }), ...storm(1, { region: 'eu-west-1' })];
    expect(failedIds(await forwarder()(queued(batch), lambdaContext))).toEqual(['message-0', 'message-1', 'message-2']);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('answers any batch of hostile messages with a partial batch response, or a named error (property)', async () => {
    const handler = forwarder();
    await fc.assert(
      fc.asyncProperty(fc.array(hostileMessage, { minLength: 1, maxLength: 4 }), async (bodies) => {
        const call = handler(sqsEventWith(...bodies), lambdaContext);
        await expectOnlyKnownErrors(call);
        const response = await call.catch(() => undefined);
        if (response !== undefined) expect(Array.isArray(failedIds(response))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('sends a message Slack refuses for good to the dead-letter queue at once, with the reason', async () => {
    const dlq = deadLetterQueue();
    bed.slack.script([replies.noService], replies.ok);
    const batch = [...storm(2), storm(1, { region: 'us-east-1' })[0]!];
    const handler = forwarder({
      env: { SLACK_WEBHOOK_URL: bed.slack.url, DEAD_LETTER_QUEUE_URL: QUEUE_URL },
      deadLetterSender: dlq.sender,
    });
    expect(failedIds(await handler(queued(batch), lambdaContext))).toEqual([]);
    expect(dlq.letters).toHaveLength(1);
    expect(dlq.letters[0]?.error).toMatchObject({ name: 'DeliveryError', retryable: false });
    expect(dlq.letters[0]?.error.message).toContain('404: no_service');
    expect(dlq.letters[0]?.event).toEqual({ Records: queued(batch).Records.slice(0, 2) });
    expect(bed.slack.requests).toHaveLength(2);
  });

  it('keeps a refused message in the queue when there is no dead-letter queue to send it to', async () => {
    bed.slack.script([replies.noService], replies.ok);
    expect(failedIds(await forwarder()(queued(storm(1)), lambdaContext))).toEqual(['message-0']);
  });

  it('dead-letters an unreadable message and posts the rest of its batch', async () => {
    const dlq = deadLetterQueue();
    const huge = 'x'.repeat(300_000); // more than SNS delivers
    const event = sqsEventWith(JSON.stringify(storm(1)[0]), huge);
    const handler = forwarder({
      env: { SLACK_WEBHOOK_URL: bed.slack.url, DEAD_LETTER_QUEUE_URL: QUEUE_URL },
      deadLetterSender: dlq.sender,
    });
    expect(failedIds(await handler(event, lambdaContext))).toEqual([]);
    expect(bed.slack.requests).toHaveLength(1);
    expect(dlq.letters.map((l) => l.error.name)).toEqual(['InputError']);
    expect(dlq.letters[0]?.event).toEqual({ Records: [event.Records[1]] });
  });

  it('posts text someone published to the topic, raw or in its SNS envelope, as a generic notification', async () => {
    const envelope = JSON.stringify({ Type: 'Notification', MessageId: 'm', Message: 'Hello from notifier' });
    expect(failedIds(await forwarder()(sqsEventWith('Backup finished', envelope), lambdaContext))).toEqual([]);
    const text = posted()
      .map((m) => JSON.stringify(m))
      .join('\n');
    expect(text).toContain('Backup finished');
    expect(text).toContain('Hello from notifier');
  });
});

describe('handlers: slack behind a queue, deliver-once (dynalite)', () => {
  let db: LocalDynamoDb;
  beforeEach(async () => {
    db = await startLocalDynamoDb();
  });
  afterEach(async () => {
    await db.close();
  });
  const env = () => ({ SLACK_WEBHOOK_URL: bed.slack.url, DEDUPE_TABLE: db.tableName });

  it('posts a redelivered batch once', async () => {
    const batch = queued(storm(5));
    expect(failedIds(await forwarder({ env: env(), dynamodb: () => db.client })(batch, lambdaContext))).toEqual([]);
    expect(failedIds(await forwarder({ env: env(), dynamodb: () => db.client })(batch, lambdaContext))).toEqual([]);
    expect(bed.slack.requests).toHaveLength(1);
  });

  it('leaves a notification another attempt is delivering for later, and posts the rest', async () => {
    const [held, free] = storm(2);
    const other = createDedupeStore(db.client, { tableName: db.tableName, ttlSeconds: 60, keyPrefix: 'slack:' });
    await other.claim(held!.dedupeKey, 60_000);
    const response = await forwarder({ env: env(), dynamodb: () => db.client })(queued([held!, free!]), lambdaContext);
    expect(failedIds(response)).toEqual(['message-0']);
    expect(posted()).toEqual([JSON.parse(JSON.stringify(renderSlack(free!)))]);
  });

  it('gives the keys of a group it could not post back, so the redelivery posts it', async () => {
    bed.slack.script([], replies.rateLimited(60));
    const batch = queued(storm(3));
    const first = await forwarder({ env: env(), dynamodb: () => db.client })(batch, lambdaContext);
    expect(failedIds(first)).toEqual(['message-0', 'message-1', 'message-2']);
    bed.slack.script([], replies.ok);
    expect(failedIds(await forwarder({ env: env(), dynamodb: () => db.client })(batch, lambdaContext))).toEqual([]);
    expect(posted().at(-1)?.text).toMatch(/^\[CRITICAL\] 3 alarms in ALARM/);
  });
});
