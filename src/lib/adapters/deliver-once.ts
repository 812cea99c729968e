import type { Clock } from './clock';
import type { DedupeStore } from './dedupe-store';
import { DeliveryError } from './errors';
import { logger } from './logger';

/** The rule a notification delivered before is ignored by, in the handlers' "input ignored" logs. */
export const DUPLICATE_RULE = 'duplicate';

/**
 * How long a lease outlives the invocation holding it: enough for clocks that differ a little,
 * short of Lambda's first retry of an asynchronous invocation (about a minute later), so the retry
 * after a killed attempt finds the lease over and delivers.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 */
export const LEASE_MARGIN_MS = 10_000;

/** What {@link deliverOnce} did: delivered now (with what `deliver` returned), or not, as a duplicate. */
export type DeliverOnceResult<T> =
  | { readonly outcome: 'delivered'; readonly value: T }
  | { readonly outcome: 'duplicate' };

/** Options of {@link deliverOnce}. */
export interface DeliverOnceOptions {
  /** Epoch ms by which the invocation ends its work; the lease lasts until then + {@link LEASE_MARGIN_MS}. */
  readonly deadline: number;
  readonly now: Clock;
}

/** Most characters of a dedupe key quoted in an error message. */
const MAX_KEY_CHARS = 200;
const quoted = (key: string) => (key.length <= MAX_KEY_CHARS ? key : `${key.slice(0, MAX_KEY_CHARS - 1)}…`);

/**
 * Delivers once per key, whatever route and however many times the event arrives. The key is
 * claimed with a lease (in flight until the invocation's deadline + {@link LEASE_MARGIN_MS}),
 * `deliver` runs, and only then is the key recorded as delivered (for the store's TTL). A failed
 * delivery gives the lease back; an invocation killed mid-delivery leaves a lease that runs out,
 * so the retry delivers: never silently lost.
 *
 * - delivered before: logged as ignored (rule `duplicate`), `deliver` not called;
 * - in flight in another attempt: throws a retryable DeliveryError, so Lambda retries later (by
 *   then it is delivered, or its lease is over);
 * - no store, or an unusable one: delivers anyway (the store logs why).
 * @throws what `deliver` throws, or DeliveryError (retryable) when another attempt holds the key.
 * @example const r = await deliverOnce(store, n.dedupeKey, () => publish(n), { deadline, now: Date.now });
 */
export async function deliverOnce<T>(
  store: DedupeStore | undefined,
  key: string,
  deliver: () => Promise<T>,
  options: DeliverOnceOptions,
): Promise<DeliverOnceResult<T>> {
  if (store === undefined) return { outcome: 'delivered', value: await deliver() };
  const leaseMs = Math.max(0, options.deadline - options.now()) + LEASE_MARGIN_MS;
  const claim = await store.claim(key, leaseMs);
  if (claim.state === 'delivered') {
    logger.info('input ignored', { rule: DUPLICATE_RULE, reason: 'delivered before', dedupeKey: key });
    return { outcome: 'duplicate' };
  }
  if (claim.state === 'in-flight') {
    const until = claim.leaseUntil === undefined ? '' : ` until ${new Date(claim.leaseUntil).toISOString()}`;
    throw new DeliveryError(`"${quoted(key)}" is being delivered by another attempt (lease${until}); retry later`, {
      retryable: true,
    });
  }
  let value: T;
  try {
    value = await deliver();
  } catch (error) {
    if (claim.lease !== undefined) await store.release(key, claim.lease);
    throw error;
  }
  await store.complete(key);
  return { outcome: 'delivered', value };
}
