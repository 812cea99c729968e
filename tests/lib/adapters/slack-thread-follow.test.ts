import { describe, expect, it } from 'vitest';
import { FOLLOWS_ITS_ALARM_ROUTE, threadFollowUps } from '../../../src/lib/adapters/slack-thread-follow';
import type { SlackThread, SlackThreadStore } from '../../../src/lib/adapters/slack-thread-store';
import type { Delivery, Destination } from '../../../src/lib/core/routing';
import { alarmThenOk } from '../../helpers/alarm-pair';
import { hostile } from '../core/render/sample-notifications';

const DESTINATIONS: Record<string, Destination> = {
  oncall: { type: 'slack-app', parameter: '/p/oncall', channel: 'C0ONCALL' },
  platform: { type: 'slack-app', parameter: '/p/platform', channel: 'C0PLATFORM' },
  notices: { type: 'slack-webhook', parameter: '/p/notices' },
};
const thread: SlackThread = { channel: 'C0ONCALL', ts: '1.1', alarmAt: '2026-11-29T04:00:00.000Z' };

/** An in-memory store holding `threads` by `<destination> <incident>`; counts the reads. */
function storeWith(threads: Record<string, SlackThread>): SlackThreadStore & { reads: number } {
  const store = {
    reads: 0,
    get: async (destination: string, incident: string) => {
      store.reads += 1;
      return threads[`${destination} ${incident}`];
    },
    put: async () => {},
  };
  return store;
}
const notices: Delivery = { destination: 'notices', config: DESTINATIONS.notices!, route: 'everything' };

describe('adapters: an OK follows its ALARM into the Slack app threads the routes did not send it to', () => {
  it('adds each Slack app destination holding an open thread of the alarm, and no other', async () => {
    const [alarm, ok] = await alarmThenOk(60_000);
    const incident = alarm.dedupeKey.replace(/:ALARM:.*$/, '');
    const store = storeWith({ [`oncall ${incident}`]: thread });
    expect(await threadFollowUps(ok, [notices], DESTINATIONS, store)).toEqual([
      { destination: 'oncall', config: DESTINATIONS.oncall, route: FOLLOWS_ITS_ALARM_ROUTE },
    ]);
  });

  it('adds nothing for a destination already chosen, a resolved thread, or no thread at all', async () => {
    const [alarm, ok] = await alarmThenOk(60_000);
    const incident = alarm.dedupeKey.replace(/:ALARM:.*$/, '');
    const store = storeWith({
      [`oncall ${incident}`]: thread,
      [`platform ${incident}`]: { ...thread, resolvedAt: '2026-11-29T04:05:00.000Z' },
    });
    const chosen: Delivery = { destination: 'oncall', config: DESTINATIONS.oncall!, route: 'critical' };
    expect(await threadFollowUps(ok, [chosen], DESTINATIONS, store)).toEqual([]);
    expect(await threadFollowUps(ok, [], DESTINATIONS, storeWith({}))).toEqual([]);
    expect(await threadFollowUps(ok, [], DESTINATIONS, undefined)).toEqual([]);
  });

  it('takes a destination the same batch sends the ALARM to as open, without reading its thread', async () => {
    const [, ok] = await alarmThenOk(60_000);
    const store = storeWith({});
    expect(await threadFollowUps(ok, [notices], DESTINATIONS, store, new Set(['platform']))).toEqual([
      { destination: 'platform', config: DESTINATIONS.platform, route: FOLLOWS_ITS_ALARM_ROUTE },
    ]);
    expect(store.reads).toBe(1);
  });

  it('reads no thread for an ALARM or anything that is not an alarm', async () => {
    const [alarm] = await alarmThenOk(60_000);
    const store = storeWith({});
    expect(await threadFollowUps(alarm, [], DESTINATIONS, store)).toEqual([]);
    expect(await threadFollowUps(hostile, [], DESTINATIONS, store)).toEqual([]);
    expect(store.reads).toBe(0);
  });
});
