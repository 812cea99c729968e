import type { FlapRequest } from '../flapping/decide';
import type { FlapDecision } from '../flapping/history';
import type { DeniedBurstOutcome, DeniedBurstRequest } from './cloudtrail/denied-burst-request';
import type { AlarmActionsReport, AlarmRef } from './cloudwatch-alarm/alarm-actions';
import type { TargetGroupRef, TargetHealthReport } from './cloudwatch-alarm/target-health';

/**
 * Data a source may ask the pipeline to fetch before it builds its notification, each with the
 * request it names and the response it gets. The pipeline runs whichever enricher its caller
 * supplies (the deployed function: an AWS adapter; the CLI: a recorded response; tests: a stub)
 * without knowing which source asked.
 */
export interface Enrichments {
  /** ELBv2 target health of an alarm's target groups (src/lib/adapters/target-health.ts). */
  readonly targetHealth: { request: TargetGroupRef[]; response: TargetHealthReport[] };
  /** Whether an alarm's actions are enabled (CloudWatch DescribeAlarms, src/lib/adapters/alarm-actions.ts). */
  readonly alarmActions: { request: AlarmRef; response: AlarmActionsReport };
  /** A refused call added to its principal's access-denied burst (src/lib/adapters/burst-store.ts). */
  readonly deniedBurst: { request: DeniedBurstRequest; response: DeniedBurstOutcome };
  /**
   * Records an alarm's state change in its history and decides whether it is flapping
   * (src/lib/adapters/flap-store.ts). Without this enricher every change is notified.
   */
  readonly flapping: { request: FlapRequest; response: FlapDecision };
}

export type EnrichmentKind = keyof Enrichments;
export type EnrichmentRequests = { readonly [K in EnrichmentKind]?: Enrichments[K]['request'] };
export type Enriched = { readonly [K in EnrichmentKind]?: Enrichments[K]['response'] };
/**
 * Enrichers of facts that only add to a notification never throw by contract; should one,
 * {@link enrichmentFailures} turns it into a visible note. An enricher whose answer decides whether
 * to notify at all (flapping) has no such fallback: when it throws, the invocation fails and is
 * retried (then dead-lettered), so no change is dropped or muted by mistake.
 */
export type Enrichers = {
  readonly [K in EnrichmentKind]?: (request: Enrichments[K]['request']) => Promise<Enrichments[K]['response']>;
};

/** What each enrichment becomes when its enricher broke its promise not to throw: a visible error. Absent: rethrown. */
export const enrichmentFailures: {
  readonly [K in EnrichmentKind]?: (request: Enrichments[K]['request'], error: string) => Enrichments[K]['response'];
} = {
  targetHealth: (refs, error) => refs.map((targetGroup) => ({ targetGroup, targets: [], error })),
  deniedBurst: (_request, error) => ({ kind: 'unavailable', error }),
  alarmActions: (_request, error) => ({ error }),
};
