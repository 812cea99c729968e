import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, SILENCED_LOG_MESSAGE } from '../../../src/lib/adapters/router';
import { createSilenceStore, type SilenceStore } from '../../../src/lib/adapters/silence-store';
import type { Notification } from '../../../src/lib/core/notification';
import { parseRouting, type RouteDecision } from '../../../src/lib/core/routing';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../helpers/dynamodb-local';
import { routesExample } from '../../helpers/routes-example';
import { albAlarm } from '../core/render/sample-notifications';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-29T12:00:00Z');
const routing = parseRouting(routesExample()).routing;
const web = (severity: Notification['severity']): Notification => ({
  ...albAlarm,
  severity,
  labels: { alarm: 'web-5xx' },
  dedupeKey: `alarm:web-5xx:${severity}`,
});
const where = (d: RouteDecision) =>
  d.kind === 'silenced' ? `silenced by ${d.silenceId}` : d.deliveries.map((x) => x.destination).join(', ');

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
  db = await startLocalDynamoDb('router-test');
});
afterAll(() => db.close());

describe('router: silences from the store, cached, and the OK of a silenced ALARM', () => {
  let clock: number;
  let store: SilenceStore;
  let log: ReturnType<typeof recordingLogger>;
  beforeEach(async () => {
    clock = START;
    store = createSilenceStore(db.client, { tableName: db.tableName, now: () => clock });
    for (const s of await store.list(clock + 10_000)) await store.remove(s.id, clock + 10_000);
    log = recordingLogger();
  });
  const router = () => createRouter({ routing, store, now: () => clock, logger: log });

  it('silences an ALARM in the window and its OK after the window; the next ALARM goes out normally', async () => {
    await store.add(
      {
        id: 'web-deploy',
        match: { alarm: ['web-*'] },
        start: new Date(START).toISOString(),
        end: new Date(START + HOUR).toISOString(),
      },
      clock + 10_000,
    );
    const r = router();
    expect(where(await r.decide(web('critical'), clock + 10_000))).toBe('silenced by web-deploy');
    expect(log.lines).toContainEqual({
      level: 'info',
      message: SILENCED_LOG_MESSAGE,
      extra: {
        silenceId: 'web-deploy',
        origin: 'store',
        dedupeKey: 'alarm:web-5xx:critical',
        category: 'alarm',
        severity: 'critical',
      },
    });
    clock = START + 2 * HOUR; // the silence has ended, the alarm is still in ALARM: nothing is sent now
    expect(where(await r.decide(web('ok'), clock + 10_000))).toBe('silenced by web-deploy');
    expect(log.lines.at(-1)?.extra).toMatchObject({ silenceId: 'web-deploy', origin: 'resolves-silenced-alarm' });
    expect(where(await r.decide(web('critical'), clock + 10_000))).toBe('oncall, notices');
    expect(where(await r.decide(web('ok'), clock + 10_000))).toBe('notices');
  });

  it('reads the stored silences at most once a minute', async () => {
    const r = router();
    expect(where(await r.decide(web('critical'), clock + 10_000))).toBe('oncall, notices');
    await store.add(
      {
        id: 'late',
        match: { alarm: ['web-*'] },
        start: new Date(START).toISOString(),
        end: new Date(START + HOUR).toISOString(),
      },
      clock + 10_000,
    );
    clock += 30_000;
    expect(where(await r.decide(web('warning'), clock + 10_000))).toBe('notices');
    clock += 31_000;
    expect(where(await r.decide(web('warning'), clock + 10_000))).toBe('silenced by late');
  });

  it('delivers when the table cannot be read, and says so', async () => {
    const broken = createSilenceStore(db.client, { tableName: 'no-such-table', now: () => clock });
    const r = createRouter({ routing, store: broken, now: () => clock, logger: log });
    expect(where(await r.decide(web('critical'), clock + 10_000))).toBe('oncall, notices');
    expect(log.lines.map((l) => `${l.level} ${l.message}`)).toEqual([
      'warn silences unreadable, using the last ones read',
      'warn silenced alarm unreadable, delivering',
    ]);
  });

  it('applies the routing file’s silences without a store', async () => {
    const r = createRouter({ routing, now: () => Date.parse('2026-12-01T23:00:00Z'), logger: log });
    const n = { ...web('critical'), region: 'eu-west-1' };
    expect(where(await r.decide(n, Date.parse('2026-12-01T23:00:10Z')))).toBe('silenced by maint-2026-12-01');
    expect(log.lines[0]?.extra).toMatchObject({ silenceId: 'maint-2026-12-01', origin: 'file' });
  });
});
