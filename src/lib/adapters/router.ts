import type { Notification } from '../core/notification';
import {
  type ActiveSilence,
  compileSilence,
  type RouteDecision,
  type Routing,
  route,
  silencedAlarmKey,
} from '../core/routing';
import type { Clock } from './clock';
import { logger as defaultLogger } from './logger';
import type { SilenceStore } from './silence-store';

/**
 * How long the stored silences are kept per container before they are read again: a silence added
 * with `notifier silence add` takes effect within this time, and a busy forwarder reads the table
 * once a minute, not once a notification.
 */
export const SILENCE_CACHE_MS = 60_000;

/** The log message of every suppressed notification, with `silenceId` (search the logs for it). */
export const SILENCED_LOG_MESSAGE = 'notification silenced';

/** Decides where each notification goes, with the stored silences and silenced alarms applied. */
export interface Router {
  /**
   * The routing decision for one notification; a silenced one is logged ({@link SILENCED_LOG_MESSAGE})
   * with its silence id. Never throws for the store: when the table cannot be read, the last
   * silences read (or none) apply and a warning is logged, so a store outage delivers rather than
   * drops. Bounded by `deadline` (epoch ms).
   */
  decide(n: Notification, deadline: number): Promise<RouteDecision>;
}

/** What {@link createRouter} needs; `store` absent (no table: local runs) means the file's silences only. */
export interface RouterOptions {
  readonly routing: Routing;
  readonly store?: SilenceStore;
  readonly now?: Clock;
  readonly cacheMs?: number;
  readonly logger?: RouterLog;
}

/** Where the router says what it did (the Powertools logger by default). */
export interface RouterLog {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
}

/**
 * A {@link Router}: the pure `route` (core/routing/route.ts) plus the store's silences, read at most
 * once per {@link SILENCE_CACHE_MS}, and the "silenced alarm" marks that keep a lone OK from being
 * sent after a silenced ALARM. Create once per container.
 * @example const decision = await createRouter({ routing, store }).decide(n, deadline);
 */
export function createRouter(options: RouterOptions): Router {
  const { routing, store } = options;
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? SILENCE_CACHE_MS;
  const log: RouterLog = options.logger ?? defaultLogger;
  let cached: { readonly at: number; readonly silences: readonly ActiveSilence[] } | undefined;

  async function storedSilences(deadline: number): Promise<readonly ActiveSilence[]> {
    if (!store) return [];
    if (cached && now() - cached.at < cacheMs) return cached.silences;
    try {
      const silences = (await store.list(deadline)).map((s) => compileSilence(s, 'store'));
      cached = { at: now(), silences };
      return silences;
    } catch (error) {
      log.warn('silences unreadable, using the last ones read', {
        error: error instanceof Error ? error.message : String(error),
        silences: cached?.silences.length ?? 0,
      });
      return cached?.silences ?? [];
    }
  }

  async function silencedAlarm(key: string | undefined, deadline: number): Promise<string | undefined> {
    if (!store || key === undefined) return undefined;
    try {
      return await store.silencedAlarm(key, deadline);
    } catch (error) {
      log.warn('silenced alarm unreadable, delivering', { key, error: (error as Error).message });
      return undefined;
    }
  }

  async function decide(n: Notification, deadline: number): Promise<RouteDecision> {
    const key = silencedAlarmKey(n);
    const [silences, muted] = await Promise.all([storedSilences(deadline), silencedAlarm(key, deadline)]);
    const decision = route(n, routing, new Date(now()), {
      silences,
      ...(muted !== undefined ? { silencedAlarm: muted } : {}),
    });
    const followUp = decision.followUp;
    // Forgetting matters only when something was remembered; remembering always.
    if (store && followUp && (followUp.action === 'remember' || muted !== undefined)) {
      await store
        .markAlarm(followUp.key, followUp.action === 'remember' ? followUp.silenceId : undefined, deadline)
        .catch((error: unknown) =>
          log.warn('silenced alarm not recorded', { key: followUp.key, error: (error as Error).message }),
        );
    }
    if (decision.kind === 'silenced') {
      log.info(SILENCED_LOG_MESSAGE, {
        silenceId: decision.silenceId,
        origin: decision.origin,
        dedupeKey: n.dedupeKey,
        category: n.category,
        severity: n.severity,
      });
    }
    return decision;
  }

  return { decide };
}
