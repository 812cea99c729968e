import type { Notification } from '../core/notification';
import { defaultRouting } from '../core/routing';
import type { Clock } from './clock';
import { createRouter, type RouterLog } from './router';
import type { SilenceStore } from './silence-store';

/**
 * The routing a silence check decides with: today's default. Only its silence verdict is used (the
 * destinations are the function's own), and it has no silences of its own, so the store's apply.
 */
const SILENCES_ONLY = defaultRouting({ slackParameter: '' });

/** Whether a notification is silenced; the silence id when it is. */
export type SilenceCheck = (n: Notification, deadline: number) => Promise<string | undefined>;

/** Options of {@link createSilenceCheck}. */
export interface SilenceCheckOptions {
  readonly store: SilenceStore;
  /**
   * Prefix of this function's "silenced alarm" marks (`email:` → `email:silenced-alarm:…`). Each
   * delivery function keeps its own, so the function that first sees an OK forgetting the mark does
   * not make another function send that OK.
   */
  readonly markPrefix: string;
  readonly now?: Clock;
  readonly logger?: RouterLog;
}

/** The store with its "silenced alarm" marks under `prefix`; silences themselves are shared. */
function withMarkPrefix(store: SilenceStore, prefix: string): SilenceStore {
  return {
    ...store,
    silencedAlarm: (key, deadline) => store.silencedAlarm(`${prefix}${key}`, deadline),
    markAlarm: (key, silenceId, deadline) => store.markAlarm(`${prefix}${key}`, silenceId, deadline),
  };
}

/**
 * The stored silences (`notifier silence add`) for a delivery function without a routing file: the
 * router's rules (createRouter with the default routing), so the same matchers, the same 60 s
 * cache, the same `notification silenced` log with `silenceId`, and the same memory that silences
 * the OK ending a silenced ALARM. Never throws for the store: when it cannot be read, the
 * notification is delivered (a warning is logged). Create once per container.
 * @example const silenceId = await createSilenceCheck({ store, markPrefix: 'email:' })(n, deadline);
 */
export function createSilenceCheck(options: SilenceCheckOptions): SilenceCheck {
  const router = createRouter({
    routing: SILENCES_ONLY,
    store: withMarkPrefix(options.store, options.markPrefix),
    ...(options.now ? { now: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return async (n, deadline) => {
    const decision = await router.decide(n, deadline);
    return decision.kind === 'silenced' ? decision.silenceId : undefined;
  };
}
