import type { Clock } from './clock';
import type { DedupeStore } from './dedupe-store';
import { DUPLICATE_RULE, LEASE_MARGIN_MS } from './deliver-once';
import { logger } from './logger';
import { settleBounded } from './settle-bounded';

/**
 * Claims at once against the store: a queue batch holds up to a hundred keys, and one conditional
 * PutItem takes milliseconds, so a few in parallel keep the claims well under a second.
 */
const CLAIM_CONCURRENCY = 8;

/** What {@link claimKeys} found for each key of a batch. */
export interface KeyClaims {
  /** Keys this attempt now holds, to deliver, with their leases (absent when the store was unusable). */
  readonly held: ReadonlyMap<string, string | undefined>;
  /** Keys delivered before: duplicates, not delivered again. */
  readonly delivered: readonly string[];
  /** Keys another attempt holds now: for a later retry. */
  readonly inFlight: readonly string[];
}

/** Options of {@link claimKeys}. */
export interface ClaimKeysOptions {
  /** Epoch ms by which the invocation ends its work; each lease lasts until then + {@link LEASE_MARGIN_MS}. */
  readonly deadline: number;
  readonly now: Clock;
}

/**
 * {@link deliverOnce} for a batch that is delivered in groups (one message for many notifications):
 * every key is claimed with a lease first, the caller delivers what it holds, then
 * {@link settleKeys} records the delivered ones and gives the others back. Keys delivered before are
 * logged as ignored (rule `duplicate`). With no store, every key is held.
 * @example const claims = await claimKeys(store, batch.map((n) => n.dedupeKey), { deadline, now });
 */
export async function claimKeys(
  store: DedupeStore | undefined,
  keys: readonly string[],
  options: ClaimKeysOptions,
): Promise<KeyClaims> {
  const unique = [...new Set(keys)];
  if (store === undefined) return { held: new Map(unique.map((k) => [k, undefined])), delivered: [], inFlight: [] };
  const leaseMs = Math.max(0, options.deadline - options.now()) + LEASE_MARGIN_MS;
  const outcomes = await settleBounded(unique, CLAIM_CONCURRENCY, (key) => store.claim(key, leaseMs));
  const held = new Map<string, string | undefined>();
  const delivered: string[] = [];
  const inFlight: string[] = [];
  outcomes.forEach((outcome, i) => {
    const key = unique[i] as string;
    // The store never throws; were it to, the key is left for a retry rather than delivered twice.
    const claim = outcome.status === 'fulfilled' ? outcome.value : ({ state: 'in-flight' } as const);
    if (claim.state === 'claimed') held.set(key, claim.lease);
    else if (claim.state === 'delivered') delivered.push(key);
    else inFlight.push(key);
  });
  // A duplicate is an input ignored by a named rule, logged as deliverOnce logs it.
  for (const key of delivered)
    logger.info('input ignored', { rule: DUPLICATE_RULE, reason: 'delivered before', dedupeKey: key });
  return { held, delivered, inFlight };
}

/**
 * Settles keys held by {@link claimKeys}: delivered ones are recorded for the store's TTL, the
 * others given back so a retry delivers them. Never throws.
 */
export async function settleKeys(
  store: DedupeStore | undefined,
  held: ReadonlyMap<string, string | undefined>,
  keys: readonly string[],
  delivered: boolean,
): Promise<void> {
  if (store === undefined) return;
  await settleBounded(keys, CLAIM_CONCURRENCY, async (key) => {
    if (delivered) await store.complete(key);
    else {
      const lease = held.get(key);
      if (lease !== undefined) await store.release(key, lease);
    }
  });
}
