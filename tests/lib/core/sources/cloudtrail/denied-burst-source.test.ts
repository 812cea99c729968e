import { describe, expect, it } from 'vitest';
import { channels } from '../../../../../src/lib/core/channels';
import { wrapCloudTrailRecord } from '../../../../../src/lib/core/envelopes/cloudtrail';
import type { Locale } from '../../../../../src/lib/core/locale';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { sources } from '../../../../../src/lib/core/sources';
import {
  type DeniedBurstState,
  decideDeniedBurst,
  EMPTY_DENIED_BURST_STATE,
} from '../../../../../src/lib/core/sources/cloudtrail/denied-burst';
import { DENIED_BURST_RULES } from '../../../../../src/lib/core/sources/cloudtrail/denied-burst-present';
import type {
  DeniedBurstOutcome,
  DeniedBurstRequest,
} from '../../../../../src/lib/core/sources/cloudtrail/denied-burst-request';
import { processEvent } from '../../../../../src/lib/pipeline';
import { record } from './through-pipeline';

const settings = { threshold: 3, windowMinutes: 10 };
const ctx = (locale: Locale = 'en') => ({ locale, timeZone: 'Asia/Tokyo', now: new Date('2025-01-01T00:00:00Z') });

/** The real refused call (fivexl test data), as the n-th of a burst: its own event id, a minute apart. */
function deniedCall(n: number, eventName?: string) {
  const raw = record('fivexl-access_denied.json');
  if (eventName) raw.eventName = eventName;
  raw.eventID = `burst-call-${n}`;
  raw.eventTime = new Date(Date.parse('2025-03-01T10:00:00Z') + n * 60_000).toISOString();
  return wrapCloudTrailRecord(raw);
}

/** A burst store in memory: the same decision the DynamoDB store applies, for one principal map. */
function memoryStore() {
  const states = new Map<string, DeniedBurstState>();
  const requests: DeniedBurstRequest[] = [];
  const deniedBurst = async (request: DeniedBurstRequest): Promise<DeniedBurstOutcome> => {
    requests.push(request);
    const { state, decision } = decideDeniedBurst(
      states.get(request.key) ?? EMPTY_DENIED_BURST_STATE,
      request.call,
      request.settings,
    );
    states.set(request.key, state);
    return decision;
  };
  return { deniedBurst, requests };
}

describe('access-denied bursts through the pipeline', () => {
  it('logs calls below the threshold by name and sends one alert listing the calls at the threshold', async () => {
    const store = memoryStore();
    const options = { ctx: ctx(), sources, accessDeniedBurst: settings, deniedBurst: store.deniedBurst };
    const results = [];
    for (const n of [1, 2, 3]) results.push(await processEvent(deniedCall(n), options));
    expect(results.map((r) => r.notifications.length)).toEqual([0, 0, 1]);
    expect(results[0]?.ignored).toEqual([
      expect.objectContaining({
        rule: DENIED_BURST_RULES.held,
        reason: expect.stringMatching(/^1 of 3 access-denied/),
      }),
    ]);
    const alert = results[2]!.notifications[0]!;
    expect(notificationSchema.parse(alert)).toEqual(alert);
    expect(alert.title).toBe('3 access-denied calls by XXXXXXXXXXXXXXXXXXXXX');
    expect(alert.severity).toBe('warning');
    expect(alert.fields.find((f) => f.label === 'Refused calls')?.value).toBe(
      'health:DescribeEventAggregates · AccessDenied ×3',
    );
    expect(alert.dedupeKey).toMatch(/^denied-burst:.*:burst-call-3$/);
    expect(store.requests[0]?.key).toBe(
      'denied-burst:XXXXXXXXXXXXX:arn:aws:sts::XXXXXXXXXXXXXX:assumed-role/XXXXXXXXXXXXXXXXX/XXXXXXXXXXXXXXXXXXXXX',
    );
  });

  it('logs calls after an alert as muted, by name, with the time the muting ends', async () => {
    const store = memoryStore();
    const options = { ctx: ctx(), sources, accessDeniedBurst: settings, deniedBurst: store.deniedBurst };
    for (const n of [1, 2, 3]) await processEvent(deniedCall(n), options);
    const muted = await processEvent(deniedCall(4), options);
    expect(muted.notifications).toEqual([]);
    expect(muted.ignored).toEqual([
      expect.objectContaining({ rule: DENIED_BURST_RULES.muted, reason: expect.stringContaining('muted until') }),
    ]);
  });

  it('writes the alert in Japanese with the count and the principal', async () => {
    const store = memoryStore();
    const options = { ctx: ctx('ja'), sources, accessDeniedBurst: settings, deniedBurst: store.deniedBurst };
    let last: Awaited<ReturnType<typeof processEvent>> | undefined;
    for (const n of [1, 2, 3]) last = await processEvent(deniedCall(n), options);
    expect(last?.notifications[0]?.title).toBe('XXXXXXXXXXXXXXXXXXXXX の権限エラー 3 件');
    expect(last?.notifications[0]?.summary).toContain('2分の間に 3 件拒否されました');
  });

  it('tells each call alone when no store counts bursts (the CLI), or bursts are off (threshold 1)', async () => {
    const alone = await processEvent(deniedCall(1), { ctx: ctx(), sources, accessDeniedBurst: settings });
    expect(alone.notifications.map((n) => n.dedupeKey)).toEqual(['api-call:burst-call-1']);
    const store = memoryStore();
    const off = await processEvent(deniedCall(1), {
      ctx: ctx(),
      sources,
      accessDeniedBurst: { threshold: 1, windowMinutes: 10 },
      deniedBurst: store.deniedBurst,
    });
    expect(off.notifications).toHaveLength(1);
    expect(store.requests).toEqual([]);
  });

  it('tells a call alone, saying why, when the store cannot count it', async () => {
    const broken = async (): Promise<DeniedBurstOutcome> => {
      throw new Error('table unreachable');
    };
    const { notifications } = await processEvent(deniedCall(1), {
      ctx: ctx(),
      sources,
      accessDeniedBurst: settings,
      deniedBurst: broken,
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.notes).toContain(
      'Sent alone: its access-denied burst could not be counted (Error: table unreachable).',
    );
  });

  it('keeps a sensitive call that was refused out of bursts: its own rule tells it at once', async () => {
    const store = memoryStore();
    const raw = record('panther-StopLogging-error-InvalidTrailNameException.json');
    raw.errorCode = 'AccessDenied';
    const { notifications } = await processEvent(wrapCloudTrailRecord(raw), {
      ctx: ctx(),
      sources,
      accessDeniedBurst: settings,
      deniedBurst: store.deniedBurst,
    });
    expect(notifications).toHaveLength(1);
    expect(store.requests).toEqual([]);
  });

  it.each(['en', 'ja'] as const)('renders the burst alert in every channel (%s)', async (locale) => {
    const store = memoryStore();
    const options = { ctx: ctx(locale), sources, accessDeniedBurst: settings, deniedBurst: store.deniedBurst };
    await processEvent(deniedCall(1), options);
    await processEvent(deniedCall(2, 'DescribeEvents'), options);
    const { notifications } = await processEvent(deniedCall(3), options);
    const alert = notifications[0]!;
    const views = channels.map((c) => `── ${c.id} ──\n${c.preview(c.render(alert))}`).join('\n\n');
    await expect(views).toMatchFileSnapshot(`__snapshots__/denied-burst-alert.${locale}.txt`);
  });
});
