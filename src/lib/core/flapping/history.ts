import * as z from '../schemas/zod';

/**
 * Most transitions one alarm's history keeps (the newest); the flapping threshold is bounded below
 * it (infra/params.cjs), so a window never holds more changes than the history can count.
 */
export const MAX_FLAP_HISTORY = 64;

/** The most changes a user may set as the flapping threshold (`flapThreshold`). */
export const MAX_FLAP_THRESHOLD = MAX_FLAP_HISTORY - 1;

/** What was decided about one state change (see {@link FlapDecision}). */
export const flapDecisionSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    /** Not flapping: notify as usual. */
    z.object({ kind: z.literal('notify') }),
    /** This change started flapping: one "flapping" notification instead. */
    z.object({ kind: z.literal('flapping'), changes: z.int(), windowMs: z.int() }),
    /** Flapping goes on: this change is muted (logged with the reason). */
    z.object({
      kind: z.literal('muted'),
      /** Epoch ms the flapping started. */
      since: z.number(),
      /** Changes muted so far, this one included. */
      muted: z.int(),
      windowMs: z.int(),
    }),
    /** The first change after flapping stopped: notify, saying how long it had been stable. */
    z.object({
      kind: z.literal('stable'),
      /** The state it stayed in after flapping, and since when (epoch ms). */
      stayed: z.string(),
      stayedSince: z.number(),
      muted: z.int(),
    }),
  ]),
);

/** One recorded state change and what was decided about it (so a retry gets the same answer). */
export const flapEntrySchema = z.lazy(() =>
  z.object({
    /** The new state, e.g. "ALARM". */
    state: z.string(),
    /** Epoch ms of the change (the alarm's state timestamp). */
    at: z.number(),
    decision: flapDecisionSchema,
  }),
);

/**
 * One alarm's recent state changes, oldest first, and the flapping episode it is in, if any.
 * These schemas are built on first use (z.lazy), not at import: only an alarm with a stored history
 * (one that changed state within the window, with flapping on) reads one.
 */
export const flapHistorySchema = z.lazy(() =>
  z.object({
    transitions: z.array(flapEntrySchema).check(z.maxLength(MAX_FLAP_HISTORY)),
    episode: z.optional(z.object({ since: z.number(), muted: z.int() })),
  }),
);

export type FlapDecision = z.infer<typeof flapDecisionSchema>;
export type FlapEntry = z.infer<typeof flapEntrySchema>;
export type FlapHistory = z.infer<typeof flapHistorySchema>;

/** A history with nothing in it: the first change of an alarm. */
export const EMPTY_FLAP_HISTORY: FlapHistory = Object.freeze({ transitions: [] });
