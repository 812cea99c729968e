import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { describe, expect, it } from 'vitest';
import { createAlarmHandler } from '../../src/handlers/alarm';
import { fixture } from '../helpers/fixtures';
import { ingestHarness, TOPIC_ARN } from '../helpers/ingest-harness';

const topicArn = TOPIC_ARN;
const T0 = Date.parse('2024-05-01T10:00:00Z');
const harness = ingestHarness();
const { sns } = harness;

/** The alarm function (a fresh container each time, as Lambda may give), at `now`, flapping at its defaults. */
const alarmFunction = (now: number, env: Record<string, string> = {}) =>
  createAlarmHandler({
    env: { NOTIFICATIONS_TOPIC_ARN: topicArn, DEDUPE_TABLE: harness.db.tableName, ...env },
    dynamodb: () => harness.db.client,
    now: () => now,
  });

/** The EventBridge state change of alarm `name` to `state` at `at`. */
function stateChange(name: string, state: 'ALARM' | 'OK', at: number) {
  const event = fixture<{ id: string; time: string; resources: string[]; detail: Record<string, unknown> }>(
    'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json',
  );
  const detail = event.detail as {
    alarmName: string;
    state: Record<string, unknown>;
    previousState: Record<string, unknown>;
  };
  const iso = new Date(at).toISOString();
  detail.alarmName = name;
  event.resources = [`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`];
  event.id = `event-${name}-${at}`;
  event.time = iso;
  detail.state = { ...detail.state, value: state, timestamp: iso };
  detail.previousState = { ...detail.previousState, value: state === 'OK' ? 'ALARM' : 'OK' };
  return event;
}

/** `n` changes alternating ALARM/OK, `gapMs` apart from `start`. */
const flapping = (name: string, n: number, gapMs: number, start = T0) =>
  Array.from({ length: n }, (_, i) => stateChange(name, i % 2 === 0 ? 'ALARM' : 'OK', start + i * gapMs));
const subjects = () => sns.commandCalls(PublishCommand).map((call) => call.args[0].input.Subject);
const messages = () => sns.commandCalls(PublishCommand).map((call) => JSON.parse(call.args[0].input.Message ?? '{}'));
const muted = () => harness.logs.entries().filter((e) => e.message === 'input ignored' && e.rule === 'flapping');

describe('handlers: alarm flapping (dynalite on 127.0.0.1)', () => {
  it('turns 10 changes in 5 minutes into 4 notifications and one "flapping" message; the other 5 are logged as muted', async () => {
    for (const event of flapping('web-5xx', 10, 30_000)) {
      await alarmFunction(Date.parse(event.time) + 1_000)(event);
    }
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 5);
    expect(subjects()).toEqual([
      expect.stringContaining('web-5xx is in ALARM'),
      expect.stringContaining('web-5xx is OK'),
      expect.stringContaining('web-5xx is in ALARM'),
      expect.stringContaining('web-5xx is OK'),
      expect.stringContaining('web-5xx is flapping'),
    ]);
    expect(messages().at(-1).email).toContain(
      'web-5xx changed state 5 times in 10 min; further changes are muted until it is stable for 10 min.',
    );
    expect(muted()).toHaveLength(5);
    expect(muted()[0]).toMatchObject({
      reason:
        'web-5xx is flapping since 2024-05-01T10:02:00.000Z; this change to OK is muted (1 so far) until it is stable for 10 min',
    });
  });

  it('says "stable again" in the first message after the alarm kept one state for the window', async () => {
    for (const event of flapping('api-latency', 6, 30_000)) await alarmFunction(Date.parse(event.time))(event);
    const later = T0 + 5 * 30_000 + 15 * 60_000;
    await alarmFunction(later)(stateChange('api-latency', 'ALARM', later));
    expect(subjects().at(-1)).toContain('api-latency is in ALARM');
    expect(messages().at(-1).email).toContain(
      'Stable again after flapping: it stayed in OK for 15 min; 1 change was muted.',
    );
  });

  it('keeps separate histories per alarm', async () => {
    for (const event of flapping('a', 4, 30_000)) await alarmFunction(Date.parse(event.time))(event);
    for (const event of flapping('b', 4, 30_000)) await alarmFunction(Date.parse(event.time))(event);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 8);
    expect(muted()).toEqual([]);
  });

  it('publishes every change with FLAP_THRESHOLD 0', async () => {
    for (const event of flapping('web-5xx', 10, 30_000)) {
      await alarmFunction(Date.parse(event.time), { FLAP_THRESHOLD: '0' })(event);
    }
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 10);
  });

  it('in Japanese, says it in Japanese', async () => {
    for (const event of flapping('web-5xx', 5, 30_000)) {
      await alarmFunction(Date.parse(event.time), { NOTIFIER_LOCALE: 'ja' })(event);
    }
    expect(subjects().at(-1)).toContain('web-5xx がフラッピングしています');
    expect(messages().at(-1).email).toContain(
      'web-5xx の状態が 10分で 5 回変わりました。10分安定するまで、以降の変化は通知しません。',
    );
  });

  it('fails loudly, publishing nothing, when the history cannot be read (Lambda retries, then dead-letters)', async () => {
    const dynamodb = mockClient(harness.db.client);
    dynamodb
      .on(GetItemCommand)
      .rejects(Object.assign(new Error('service unavailable'), { name: 'InternalServerError' }));
    dynamodb.on(PutItemCommand).callsFake(() => {
      throw new Error('not reached');
    });
    try {
      const [event] = flapping('web-5xx', 1, 30_000);
      await expect(alarmFunction(T0)(event)).rejects.toMatchObject({ name: 'StoreError' });
      expect(sns).toHaveReceivedCommandTimes(PublishCommand, 0);
    } finally {
      dynamodb.restore();
    }
  });
});
