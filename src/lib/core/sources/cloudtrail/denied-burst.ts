import * as z from '../../schemas/zod';

/**
 * Access-denied bursts: a principal whose calls are refused again and again (a scanner probing with
 * leaked keys, a broken deploy role, someone trying what they may do) is one alert listing the calls,
 * not one alert per call. The decision is pure: the store (src/lib/adapters/burst-store.ts) keeps the
 * state per principal and applies {@link decideDeniedBurst} atomically.
 */

/**
 * The largest threshold a deploy may choose. A burst's calls are remembered until it is alerted, so
 * this bounds the item per principal too (50 calls: a few KB, far below DynamoDB's 400 KB item limit).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items
 */
export const MAX_DENIED_BURST_THRESHOLD = 50;

/** One refused call, as remembered. */
export const deniedCallSchema = z.lazy(() =>
  z.object({
    /** CloudTrail's eventID: a retried invocation finds its own call and decides as before. */
    eventId: z.string(),
    /** When the call was made (epoch ms, the record's eventTime). */
    at: z.number(),
    /** e.g. "s3.amazonaws.com" */
    eventSource: z.string(),
    eventName: z.string(),
    /** e.g. "AccessDenied", "Client.UnauthorizedOperation" */
    errorCode: z.optional(z.string()),
    region: z.optional(z.string()),
  }),
);

/** An alert that was decided, kept so that a retry of the invocation that made it makes it again. */
export const deniedBurstAlertSchema = z.lazy(() =>
  z.object({
    eventId: z.string(),
    at: z.number(),
    calls: z.array(deniedCallSchema),
    /** Calls refused while the previous alert's window was open, told in this one. */
    mutedBefore: z.number(),
  }),
);

/**
 * What the store keeps per principal. These schemas are built on first use (z.lazy), not at import:
 * only a refused call reads or writes a principal's state.
 */
export const deniedBurstStateSchema = z.lazy(() =>
  z.object({
    /** Recent calls, oldest first, at most {@link MAX_DENIED_BURST_THRESHOLD}. */
    calls: z.array(deniedCallSchema),
    lastAlert: z.optional(deniedBurstAlertSchema),
    /** Calls refused since the last alert, inside its window (muted, logged, counted). */
    mutedSinceAlert: z.number(),
  }),
);

export type DeniedCall = z.infer<typeof deniedCallSchema>;
export type DeniedBurstAlert = z.infer<typeof deniedBurstAlertSchema>;
export type DeniedBurstState = z.infer<typeof deniedBurstStateSchema>;

/** The deploy parameters `accessDeniedBurstThreshold` and `accessDeniedBurstWindowMinutes`. */
export interface DeniedBurstSettings {
  /** Refused calls by one principal within the window that make an alert; 1 = every call alone. */
  readonly threshold: number;
  readonly windowMinutes: number;
}

/**
 * What one refused call became:
 * - `alert`: it completed a burst; one notification lists `calls`;
 * - `held`: fewer than the threshold so far (logged by the named rule, not sent);
 * - `muted`: a burst was alerted less than a window ago (logged, counted into the next alert).
 */
export type DeniedBurstDecision =
  | { readonly kind: 'alert'; readonly alert: DeniedBurstAlert; readonly settings: DeniedBurstSettings }
  | { readonly kind: 'held'; readonly count: number; readonly settings: DeniedBurstSettings }
  | {
      readonly kind: 'muted';
      readonly alertedAt: number;
      readonly count: number;
      readonly settings: DeniedBurstSettings;
    };

export const EMPTY_DENIED_BURST_STATE: DeniedBurstState = { calls: [], mutedSinceAlert: 0 };

const MINUTE_MS = 60_000;

/** Inserts `call` in time order (CloudTrail delivers out of order) and keeps the newest ones. */
function remember(calls: readonly DeniedCall[], call: DeniedCall): DeniedCall[] {
  const at = calls.findIndex((c) => c.at > call.at);
  const next = at === -1 ? [...calls, call] : [...calls.slice(0, at), call, ...calls.slice(at)];
  return next.slice(-MAX_DENIED_BURST_THRESHOLD);
}

/**
 * The decision a call already recorded got (an invocation retried after it was recorded): its alert,
 * or held (muted calls are not recorded, so a retried one is muted again).
 */
function decisionOnRetry(state: DeniedBurstState, call: DeniedCall, settings: DeniedBurstSettings) {
  if (state.lastAlert?.eventId === call.eventId) return { kind: 'alert', alert: state.lastAlert, settings } as const;
  return { kind: 'held', count: state.calls.length, settings } as const;
}

/**
 * Adds one refused call to a principal's state and decides. Calls count within `windowMinutes`
 * before the newest one (event time, not arrival time); the call that reaches `threshold` makes an
 * alert with every call in the window; for one window around it, further calls (also late ones) are
 * muted and counted into the next alert. The same call twice (a retried invocation) changes nothing and is decided as
 * the first time, so an alert whose publish failed is made again.
 * @example decideDeniedBurst(EMPTY_DENIED_BURST_STATE, call, { threshold: 1, windowMinutes: 10 }).decision.kind // "alert"
 */
export function decideDeniedBurst(
  previous: DeniedBurstState,
  call: DeniedCall,
  settings: DeniedBurstSettings,
): { state: DeniedBurstState; decision: DeniedBurstDecision } {
  if (previous.calls.some((c) => c.eventId === call.eventId) || previous.lastAlert?.eventId === call.eventId) {
    return { state: previous, decision: decisionOnRetry(previous, call, settings) };
  }
  const windowMs = settings.windowMinutes * MINUTE_MS;
  const newest = Math.max(call.at, previous.calls.at(-1)?.at ?? call.at);
  const calls = remember(
    previous.calls.filter((c) => c.at > newest - windowMs),
    call,
  );
  const last = previous.lastAlert;
  // Within a window of the alert either way: CloudTrail delivers late calls after later ones. A muted
  // call is counted, not kept: the next burst is made of calls after the muting.
  if (last && Math.abs(call.at - last.at) < windowMs) {
    return {
      state: { ...previous, mutedSinceAlert: previous.mutedSinceAlert + 1 },
      decision: { kind: 'muted', alertedAt: last.at, count: previous.mutedSinceAlert + 1, settings },
    };
  }
  // Every remembered call is within the window before the newest one (pruned above).
  if (calls.length < settings.threshold) {
    return { state: { ...previous, calls }, decision: { kind: 'held', count: calls.length, settings } };
  }
  const alert: DeniedBurstAlert = {
    eventId: call.eventId,
    at: call.at,
    calls,
    mutedBefore: last ? previous.mutedSinceAlert : 0,
  };
  // The alerted calls are told: the next burst starts from none.
  return { state: { calls: [], lastAlert: alert, mutedSinceAlert: 0 }, decision: { kind: 'alert', alert, settings } };
}
