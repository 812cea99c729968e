import { describe, expect, it } from 'vitest';
import { decideFlap, type FlapThresholds, type Transition } from '../../../../src/lib/core/flapping/decide';
import {
  EMPTY_FLAP_HISTORY,
  type FlapDecision,
  type FlapHistory,
  flapHistorySchema,
  MAX_FLAP_HISTORY,
} from '../../../../src/lib/core/flapping/history';

const MIN = 60_000;
const T0 = Date.parse('2024-05-01T10:00:00Z');
const defaults: FlapThresholds = { threshold: 4, windowMs: 10 * MIN };
const at = (minutes: number) => T0 + minutes * MIN;

/** Runs changes one after the other through decideFlap, as the store would, keeping the history. */
function run(changes: ReadonlyArray<readonly [state: string, minute: number]>, thresholds = defaults) {
  let history: FlapHistory = EMPTY_FLAP_HISTORY;
  const decisions: FlapDecision['kind'][] = [];
  const full: FlapDecision[] = [];
  for (const [state, minute] of changes) {
    const outcome = decideFlap(history, { state, at: at(minute) }, thresholds);
    history = outcome.history;
    decisions.push(outcome.decision.kind);
    full.push(outcome.decision);
  }
  return { history, decisions, full };
}

/** `n` changes alternating ALARM/OK, `gap` minutes apart, starting at `start`. */
const alternating = (n: number, gap: number, start = 0) =>
  Array.from({ length: n }, (_, i) => [i % 2 === 0 ? 'ALARM' : 'OK', start + i * gap] as const);

describe('flapping: decideFlap', () => {
  it.each([
    ['a single change is notified', alternating(1, 1), ['notify']],
    ['up to the threshold, every change is notified', alternating(4, 1), ['notify', 'notify', 'notify', 'notify']],
    [
      'the change past the threshold within the window starts flapping; the next are muted',
      alternating(7, 1),
      ['notify', 'notify', 'notify', 'notify', 'flapping', 'muted', 'muted'],
    ],
    [
      'changes spread wider than the window are never flapping',
      alternating(8, 3),
      ['notify', 'notify', 'notify', 'notify', 'notify', 'notify', 'notify', 'notify'],
    ],
    [
      'the first change after a quiet window says it is stable again',
      [...alternating(6, 1), ['OK', 5 + 10] as const],
      ['notify', 'notify', 'notify', 'notify', 'flapping', 'muted', 'stable'],
    ],
    [
      'a change just short of a quiet window is still muted',
      [...alternating(6, 1), ['OK', 5 + 9.99] as const],
      ['notify', 'notify', 'notify', 'notify', 'flapping', 'muted', 'muted'],
    ],
    [
      'slow flapping stays muted while the changes come within the window of each other',
      [...alternating(5, 1), ...alternating(4, 8, 12)],
      ['notify', 'notify', 'notify', 'notify', 'flapping', 'muted', 'muted', 'muted', 'muted'],
    ],
    [
      'after being stable, flapping again is told again (the stable change counts in the new window)',
      [...alternating(5, 1), ['OK', 20] as const, ...alternating(5, 1, 21)],
      [
        ...['notify', 'notify', 'notify', 'notify', 'flapping'],
        'stable',
        ...['notify', 'notify', 'notify', 'flapping', 'muted'],
      ],
    ],
  ])('%s', (_, changes, expected) => {
    expect(run(changes).decisions).toEqual(expected);
  });

  it('says how many changes it counted in which window', () => {
    expect(run(alternating(5, 1)).full.at(-1)).toEqual({ kind: 'flapping', changes: 5, windowMs: 10 * MIN });
  });

  it('counts the muted changes and names the state it stayed in, and since when', () => {
    const { full } = run([...alternating(8, 1), ['ALARM', 30]]);
    expect(full.at(-2)).toEqual({ kind: 'muted', since: at(4), muted: 3, windowMs: 10 * MIN });
    expect(full.at(-1)).toEqual({ kind: 'stable', stayed: 'OK', stayedSince: at(7), muted: 3 });
  });

  it('answers a change it has seen (a retry, or a second route) as before, without changing the history', () => {
    const { history } = run(alternating(5, 1));
    const again = decideFlap(history, { state: 'ALARM', at: at(4) }, defaults);
    expect(again).toEqual({ decision: { kind: 'flapping', changes: 5, windowMs: 10 * MIN }, history, changed: false });
    const earlier = decideFlap(history, { state: 'OK', at: at(1) }, defaults);
    expect(earlier.decision).toEqual({ kind: 'notify' });
  });

  it('notifies every change with threshold 0 and keeps no history', () => {
    const outcome = decideFlap(EMPTY_FLAP_HISTORY, { state: 'ALARM', at: T0 }, { threshold: 0, windowMs: 10 * MIN });
    expect(outcome).toEqual({ decision: { kind: 'notify' }, history: EMPTY_FLAP_HISTORY, changed: false });
  });

  it('places a late change in time order and counts it in its own window', () => {
    const { history } = run(alternating(3, 1));
    const late = decideFlap(history, { state: 'OK', at: at(0.5) }, defaults);
    expect(late.decision).toEqual({ kind: 'notify' });
    expect(late.history.transitions.map((e) => e.at)).toEqual([at(0), at(0.5), at(1), at(2)]);
  });

  it('keeps a bounded history that the stored schema accepts, whatever the number of changes', () => {
    const { history } = run(alternating(500, 0.01), { threshold: 3, windowMs: 24 * 60 * MIN });
    expect(history.transitions).toHaveLength(MAX_FLAP_HISTORY);
    expect(history.transitions.at(-1)?.at).toBe(at(499 * 0.01));
    expect(flapHistorySchema.parse(JSON.parse(JSON.stringify(history)))).toEqual(history);
  });

  it('forgets changes older than the window, but keeps the newest', () => {
    const { history } = run([...alternating(3, 1), ['ALARM', 60]]);
    expect(history.transitions.map((e: Transition) => e.at)).toEqual([at(60)]);
  });
});
