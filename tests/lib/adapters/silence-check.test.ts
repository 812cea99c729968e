import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSilenceCheck } from '../../../src/lib/adapters/silence-check';
import { createSilenceStore, type SilenceStore } from '../../../src/lib/adapters/silence-store';
import type { Notification } from '../../../src/lib/core/notification';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';
import { albAlarm } from '../core/render/sample-notifications';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-29T12:00:00Z');
const web = (severity: Notification['severity']): Notification => ({
  ...albAlarm,
  severity,
  labels: { alarm: 'web-5xx' },
  dedupeKey: `alarm:web-5xx:${severity}`,
});

/** A logger that keeps what it was told. */
function recordingLogger() {
  const lines: Array<{ level: string; message: string; extra: Record<string, unknown> }> = [];
  const at =
    (level: string) =>
    (message: string, extra: Record<string, unknown> = {}) => {
      lines.push({ level, message, extra });
    };
  return { lines, info: at('info'), warn: at('warn') };
}

let db: LocalDynamoDb;
beforeAll(async () => {
  db = await startLocalDynamoDb('silence-check-test');
});
afterAll(() => db.close());

describe('silence check: the stored silences for a path without a routing file', () => {
  let clock: number;
  let store: SilenceStore;
  const now = () => clock;
  const deadline = () => clock + 5_000;
  beforeEach(async () => {
    clock = START;
    store = createSilenceStore(db.client, { tableName: db.tableName, now });
    for (const s of await store.list(deadline())) await store.remove(s.id, deadline());
  });

  it('names the silence muting a notification, and nothing for one no silence matches', async () => {
    await store.add(
      {
        id: 'maint-web',
        match: { alarm: ['web-*'] },
        start: new Date(START).toISOString(),
        end: new Date(START + HOUR).toISOString(),
      },
      deadline(),
    );
    const log = recordingLogger();
    const check = createSilenceCheck({ store, markPrefix: 'email:', now, logger: log });
    expect(await check(web('critical'), deadline())).toBe('maint-web');
    expect(await check({ ...web('critical'), labels: { alarm: 'api-5xx' } }, deadline())).toBeUndefined();
    expect(log.lines).toEqual([
      expect.objectContaining({
        level: 'info',
        message: 'notification silenced',
        extra: expect.objectContaining({ silenceId: 'maint-web' }),
      }),
    ]);
  });

  it("keeps its silenced-ALARM marks under its own prefix, apart from another function's and the router's", async () => {
    await store.add(
      {
        id: 'maint-web',
        match: { alarm: ['web-*'] },
        start: new Date(START).toISOString(),
        end: new Date(START + HOUR).toISOString(),
      },
      deadline(),
    );
    await createSilenceCheck({ store, markPrefix: 'email:', now })(web('critical'), deadline());
    const marked = `silenced-alarm:${albAlarm.account ?? ''}:${albAlarm.region ?? ''}:web-5xx`;
    expect(await store.silencedAlarm(`email:${marked}`, deadline())).toBe('maint-web');
    expect(await store.silencedAlarm(`slack:${marked}`, deadline())).toBeUndefined();
    expect(await store.silencedAlarm(marked, deadline())).toBeUndefined();
  });

  it('delivers when the store cannot be read, with a warning', async () => {
    const broken = createSilenceStore(db.client, { tableName: 'no-such-table', now });
    const log = recordingLogger();
    expect(
      await createSilenceCheck({ store: broken, markPrefix: 'slack:', now, logger: log })(web('critical'), deadline()),
    ).toBeUndefined();
    // Both reads run at once, so the warnings come in either order.
    expect(log.lines.map((l) => [l.level, l.message]).sort()).toEqual([
      ['warn', 'silenced alarm unreadable, delivering'],
      ['warn', 'silences unreadable, using the last ones read'],
    ]);
  });
});
