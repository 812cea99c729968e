import type { Notification } from './notification';

/** The alarm states a CloudWatch alarm notification's dedupe key ends its identity with. */
export const ALARM_STATES = ['ALARM', 'OK', 'INSUFFICIENT_DATA'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** Which alarm a notification is about, and the state it reports. */
export interface AlarmIncident {
  /** The alarm's identity without its state: `alarm:<account>:<region>:<name>`. */
  readonly key: string;
  readonly state: AlarmState;
  /** A flapping summary (sources/cloudwatch-alarm/flapping.ts), not a state change of its own. */
  readonly flapping: boolean;
}

/**
 * `alarm:<account>:<region>:<name>:<state>:<when>` (sources/cloudwatch-alarm/interpret-alarm.ts).
 * The name may hold ":"; `<when>` (an ISO instant or an event id, and ":flapping" for a flapping
 * summary) never holds ":ALARM:" and the like, so the LAST state word is the state: the greedy
 * name finds it.
 */
const ALARM_KEY = /^(alarm:[^:]*:[^:]*:.*):(ALARM|OK|INSUFFICIENT_DATA):/s;

/** How a flapping summary's dedupe key ends. */
const FLAPPING_SUFFIX = ':flapping';

/**
 * The alarm incident of a CloudWatch alarm notification, read from its dedupe key; undefined for
 * any other notification (API calls, findings, costs are not threaded).
 * @example alarmIncident(n) // { key: 'alarm:111122223333:us-east-1:web-5xx', state: 'OK', flapping: false }
 */
export function alarmIncident(n: Pick<Notification, 'category' | 'dedupeKey'>): AlarmIncident | undefined {
  if (n.category !== 'alarm') return undefined;
  const match = ALARM_KEY.exec(n.dedupeKey);
  if (!match) return undefined;
  return { key: match[1]!, state: match[2] as AlarmState, flapping: n.dedupeKey.endsWith(FLAPPING_SUFFIX) };
}
