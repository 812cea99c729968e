import { describe, expect, it } from 'vitest';
import {
  type DeniedBurstDecision,
  type DeniedBurstState,
  type DeniedCall,
  decideDeniedBurst,
  EMPTY_DENIED_BURST_STATE,
  MAX_DENIED_BURST_THRESHOLD,
} from '../../../../../src/lib/core/sources/cloudtrail/denied-burst';

const T0 = Date.parse('2025-03-01T10:00:00Z');
const MINUTE = 60_000;
const settings = { threshold: 3, windowMinutes: 10 };

/** A refused call `minutes` after T0. */
const call = (id: string, minutes: number, eventName = 'GetObject'): DeniedCall => ({
  eventId: id,
  at: T0 + minutes * MINUTE,
  eventSource: 's3.amazonaws.com',
  eventName,
  errorCode: 'AccessDenied',
  region: 'us-east-1',
});

/** Feeds calls in order and returns every decision's kind with the final state. */
function feed(calls: readonly DeniedCall[], start: DeniedBurstState = EMPTY_DENIED_BURST_STATE) {
  let state = start;
  const decisions: DeniedBurstDecision[] = [];
  for (const c of calls) {
    const next = decideDeniedBurst(state, c, settings);
    state = next.state;
    decisions.push(next.decision);
  }
  return { state, decisions, kinds: decisions.map((d) => d.kind) };
}

describe('access-denied bursts: the decision per refused call', () => {
  it('holds calls below the threshold and alerts once, with every call of the window, at the threshold', () => {
    const { kinds, decisions } = feed([call('a', 0), call('b', 1), call('c', 2)]);
    expect(kinds).toEqual(['held', 'held', 'alert']);
    const alert = decisions[2];
    expect(alert?.kind === 'alert' && alert.alert.calls.map((c) => c.eventId)).toEqual(['a', 'b', 'c']);
  });

  it('counts only calls within the window before the newest one', () => {
    // a is 11 minutes before c: out of the 10-minute window, so b and c are 2 of 3.
    expect(feed([call('a', 0), call('b', 5), call('c', 11)]).kinds).toEqual(['held', 'held', 'held']);
  });

  it('mutes calls for one window around an alert and tells their number in the next alert', () => {
    const { kinds, decisions } = feed([
      call('a', 0),
      call('b', 1),
      call('c', 2), // alert
      call('d', 3), // muted
      call('e', 11), // muted: within 10 min of the alert
      call('f', 13), // the window is over: a new burst begins
      call('g', 14),
      call('h', 15), // f, g, h: alert
    ]);
    expect(kinds).toEqual(['held', 'held', 'alert', 'muted', 'muted', 'held', 'held', 'alert']);
    const second = decisions[7];
    expect(second?.kind === 'alert' && second.alert.mutedBefore).toBe(2);
    expect(second?.kind === 'alert' && second.alert.calls.map((c) => c.eventId)).toEqual(['f', 'g', 'h']);
  });

  it('alerts at the first call with a threshold of 1, and again once its window has passed', () => {
    const one = { threshold: 1, windowMinutes: 10 };
    const first = decideDeniedBurst(EMPTY_DENIED_BURST_STATE, call('a', 0), one);
    expect(first.decision.kind).toBe('alert');
    expect(decideDeniedBurst(first.state, call('b', 5), one).decision.kind).toBe('muted');
    expect(decideDeniedBurst(first.state, call('b', 20), one).decision.kind).toBe('alert');
  });

  it('mutes a call of the burst that arrives after its alert (CloudTrail delivers out of order)', () => {
    expect(feed([call('b', 1), call('c', 2), call('d', 3), call('a', 0)]).kinds).toEqual([
      'held',
      'held',
      'alert',
      'muted',
    ]);
  });

  it('orders calls that arrive out of order by their event time', () => {
    const { state } = feed([call('b', 2), call('a', 1)]);
    expect(state.calls.map((c) => c.eventId)).toEqual(['a', 'b']);
  });

  it('decides a call seen before (a retried invocation) as the first time and changes nothing', () => {
    const { state } = feed([call('a', 0), call('b', 1), call('c', 2)]);
    const retried = decideDeniedBurst(state, call('c', 2), settings);
    expect(retried.state).toBe(state);
    expect(retried.decision.kind).toBe('alert');
    const held = feed([call('x', 0)]);
    const again = decideDeniedBurst(held.state, call('x', 0), settings);
    expect(again.state).toBe(held.state);
    expect(again.decision).toEqual({ kind: 'held', count: 1, settings });
  });

  it(`lists every call of the largest burst (${MAX_DENIED_BURST_THRESHOLD} calls)`, () => {
    const many = Array.from({ length: MAX_DENIED_BURST_THRESHOLD }, (_, i) => call(`c${i}`, i / 100));
    let state = EMPTY_DENIED_BURST_STATE;
    const wide = { threshold: MAX_DENIED_BURST_THRESHOLD, windowMinutes: 10 };
    let last: DeniedBurstDecision | undefined;
    for (const c of many) ({ state, decision: last } = decideDeniedBurst(state, c, wide));
    expect(last?.kind === 'alert' && last.alert.calls.length).toBe(MAX_DENIED_BURST_THRESHOLD);
  });
});
