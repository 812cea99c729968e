import { type FlapDecision, type FlapEntry, type FlapHistory, MAX_FLAP_HISTORY } from './history';

/** When an alarm counts as flapping (deploy parameters `flapThreshold`, `flapWindowMinutes`). */
export interface FlapThresholds {
  /** More state changes than this within the window is flapping; 0 turns the check off. */
  readonly threshold: number;
  /**
   * The window the changes are counted in, in ms; also how long an alarm must keep one state
   * before flapping is over.
   */
  readonly windowMs: number;
}

/** One state change of one alarm: its new state and when it happened (epoch ms). */
export interface Transition {
  readonly state: string;
  readonly at: number;
}

/** A change to record and decide about: which alarm's history (`key`) it belongs to, and the change. */
export interface FlapRequest extends Transition {
  /** e.g. `flap:<account>:<region>:<alarm name>`: one history per alarm, whichever route its changes come by. */
  readonly key: string;
}

/** What {@link decideFlap} answers: the decision about this change and the history to store. */
export interface FlapOutcome {
  readonly decision: FlapDecision;
  readonly history: FlapHistory;
  /** False when the history is unchanged (this change was decided before: a retry or a second route). */
  readonly changed: boolean;
}

const NOTIFY: FlapDecision = Object.freeze({ kind: 'notify' });

/** Lookup: does a decision belong to a flapping episode? */
const inEpisodeKinds: Readonly<Record<FlapDecision['kind'], boolean>> = {
  notify: false,
  flapping: true,
  muted: true,
  stable: false,
};

/**
 * Keeps what a later decision can need: the changes within the window of the newest one, and
 * always the newest (the state a "stable again" note names), at most {@link MAX_FLAP_HISTORY}.
 */
function prune(transitions: readonly FlapEntry[], windowMs: number): FlapEntry[] {
  const newest = transitions.at(-1);
  if (newest === undefined) return [];
  const recent = transitions.filter((e) => e === newest || e.at > newest.at - windowMs);
  return recent.slice(-MAX_FLAP_HISTORY);
}

/**
 * Decides what one state change of an alarm becomes, given its recent history. Pure: the same
 * history and change always give the same answer, and a change already in the history (Lambda's
 * retry, the same change through EventBridge and the alarm-actions topic) gets the answer it got.
 *
 * - more than `threshold` changes within `windowMs` (this one included) → `flapping`: one
 *   notification says so, and an episode starts;
 * - during an episode, a change less than `windowMs` after the previous one → `muted`;
 * - the first change after an episode, once the alarm kept one state for `windowMs` → `stable`:
 *   notified, saying it is stable again and how many changes were muted;
 * - otherwise, or with `threshold` 0 → `notify`.
 *
 * @example
 * decideFlap(history, { state: 'ALARM', at: Date.parse('2024-01-01T00:05:00Z') }, { threshold: 4, windowMs: 600_000 }).decision
 * // { kind: 'flapping', changes: 5, windowMs: 600000 }
 */
export function decideFlap(history: FlapHistory, change: Transition, thresholds: FlapThresholds): FlapOutcome {
  const seen = history.transitions.find((e) => e.at === change.at && e.state === change.state);
  if (seen) return { decision: seen.decision, history, changed: false };
  const { threshold, windowMs } = thresholds;
  if (threshold <= 0) return { decision: NOTIFY, history, changed: false };

  const earlier = history.transitions.filter((e) => e.at <= change.at);
  const previous = earlier.at(-1);
  const episode = history.episode;
  const changes = earlier.filter((e) => e.at > change.at - windowMs).length + 1;
  const quietFor = previous === undefined ? Number.POSITIVE_INFINITY : change.at - previous.at;
  const stillFlapping = episode !== undefined && previous !== undefined && quietFor < windowMs;

  let decision: FlapDecision;
  let nextEpisode: FlapHistory['episode'];
  if (stillFlapping) {
    nextEpisode = { since: episode.since, muted: episode.muted + 1 };
    decision = { kind: 'muted', since: episode.since, muted: nextEpisode.muted, windowMs };
  } else if (changes > threshold) {
    nextEpisode = { since: change.at, muted: 0 };
    decision = { kind: 'flapping', changes, windowMs };
  } else if (episode !== undefined && previous !== undefined && inEpisodeKinds[previous.decision.kind]) {
    nextEpisode = undefined;
    decision = { kind: 'stable', stayed: previous.state, stayedSince: previous.at, muted: episode.muted };
  } else {
    nextEpisode = undefined;
    decision = NOTIFY;
  }

  const entry: FlapEntry = { state: change.state, at: change.at, decision };
  const transitions = prune(
    [...history.transitions, entry].sort((a, b) => a.at - b.at),
    windowMs,
  );
  return {
    decision,
    history: { transitions, ...(nextEpisode ? { episode: nextEpisode } : {}) },
    changed: true,
  };
}
