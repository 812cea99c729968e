import { unwrap } from './core/envelopes/unwrap';
import { InputError } from './core/errors';
import type { RenderContext } from './core/locale';
import type { Notification } from './core/notification';
import { dispatch } from './core/sources/dispatch';
import {
  type Enriched,
  type Enrichers,
  type EnrichmentKind,
  type EnrichmentRequests,
  enrichmentFailures,
} from './core/sources/enrichments';
import type { Source, SourceSettings } from './core/sources/source';

/** An input a named rule dropped on purpose. */
export interface IgnoredInput {
  rule: string;
  reason: string;
  path: string;
}

/** What {@link processEvent} needs besides the input. */
export interface PipelineOptions extends SourceSettings, Enrichers {
  ctx: RenderContext;
  /** The sources to offer each message to, in order; the last is the fallback (see sources/index.ts). */
  sources: readonly Source[];
}

/** Everything one input turned into. */
export interface PipelineResult {
  notifications: Notification[];
  ignored: IgnoredInput[];
  /** Per-record problems (one bad SNS record never sinks the others). */
  errors: InputError[];
}

/** Characters kept of an enricher's unexpected error message. */
const MAX_ENRICHMENT_ERROR_LENGTH = 200;

/** Runs each enrichment a source asked for with the caller's enricher; absent enrichers are skipped. */
async function enrich(needs: EnrichmentRequests | undefined, enrichers: Enrichers): Promise<Enriched> {
  const kinds = Object.keys(needs ?? {}) as EnrichmentKind[];
  const entries = await Promise.all(
    kinds.map(async (kind) => {
      const request = needs?.[kind];
      const enricher = enrichers[kind];
      if (!request || !enricher) return [];
      try {
        return [[kind, await enricher(request)]];
      } catch (error) {
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return [[kind, enrichmentFailures[kind](request, text.slice(0, MAX_ENRICHMENT_ERROR_LENGTH))]];
      }
    }),
  );
  return Object.fromEntries(entries.flat()) as Enriched;
}

/**
 * Turns one input — an EventBridge event, an SNS→Lambda event, an SNS HTTP body, a Lambda alarm
 * action, a CloudTrail record or log, or a bare SNS message string — into notifications:
 * unwrap → dispatch to the first matching source → run the enrichments it asks for → build.
 *
 * @throws InputError when the whole input is unreadable (not an object/string, no known shape, or a
 *   broken event that is not one of several SNS records).
 * @example const { notifications } = await processEvent(event, { ctx, sources });
 */
export async function processEvent(input: unknown, options: PipelineOptions): Promise<PipelineResult> {
  const { items, errors } = unwrap(input);
  const result: PipelineResult = { notifications: [], ignored: [], errors };
  for (const item of items) {
    let reading: ReturnType<typeof dispatch>;
    try {
      reading = dispatch(item, options.sources, options);
    } catch (error) {
      // Within an SNS→Lambda event a bad record is reported and the others go on.
      if (error instanceof InputError && item.envelope?.kind === 'sns-lambda') {
        result.errors.push(error);
        continue;
      }
      throw error;
    }
    if (reading.kind === 'ignored') {
      result.ignored.push({ rule: reading.rule, reason: reading.reason, path: item.path });
    } else {
      const built = reading.build(options.ctx, await enrich(reading.needs, options));
      result.notifications.push(...(Array.isArray(built) ? built : [built as Notification]));
    }
  }
  return result;
}
