import type { UnwrappedItem } from './core/envelopes/types';
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
  type Enrichments,
  enrichmentFailures,
} from './core/sources/enrichments';
import type { Ignored, Reading, Source, SourceSettings } from './core/sources/source';

/** A reading that becomes notifications (not one ignored by a rule). */
type NotifyReading = Exclude<Reading, { kind: 'ignored' }>;

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

const isIgnored = (built: Notification | readonly Notification[] | Ignored): built is Ignored =>
  !Array.isArray(built) && (built as Partial<Ignored>).kind === 'ignored';

/** Characters kept of an enricher's unexpected error message. */
const MAX_ENRICHMENT_ERROR_LENGTH = 200;

/**
 * One enrichment with the caller's enricher. An enricher that throws gets its kind's visible failure;
 * a kind without one (flapping: its answer decides whether to notify) rethrows, so the invocation is
 * retried rather than guessed.
 */
async function enrichOne<K extends EnrichmentKind>(
  kind: K,
  request: Enrichments[K]['request'],
  enricher: (request: Enrichments[K]['request']) => Promise<Enrichments[K]['response']>,
): Promise<Enrichments[K]['response']> {
  try {
    return await enricher(request);
  } catch (error) {
    const fallback = enrichmentFailures[kind];
    if (fallback === undefined) throw error;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fallback(request, text.slice(0, MAX_ENRICHMENT_ERROR_LENGTH));
  }
}

/** Runs each enrichment a source asked for with the caller's enricher; absent enrichers are skipped. */
async function enrich(needs: EnrichmentRequests | undefined, enrichers: Enrichers): Promise<Enriched> {
  const kinds = Object.keys(needs ?? {}) as EnrichmentKind[];
  const entries = await Promise.all(
    kinds.map(async <K extends EnrichmentKind>(kind: K) => {
      const request = needs?.[kind] as Enrichments[K]['request'] | undefined;
      const enricher = enrichers[kind] as Enrichers[K];
      if (!request || !enricher) return [];
      return [[kind, await enrichOne(kind, request, enricher)]];
    }),
  );
  return Object.fromEntries(entries.flat()) as Enriched;
}

/**
 * True when the caller has an enricher for something the source asked for. Otherwise enrich would
 * skip every request and give nothing: then nothing is awaited (most readings, in the CLI and bench).
 */
function hasEnricherFor(needs: EnrichmentRequests, enrichers: Enrichers): boolean {
  for (const kind in needs) {
    if (needs[kind as EnrichmentKind] && enrichers[kind as EnrichmentKind]) return true;
  }
  return false;
}

/** Characters kept of an unexpected error's message in the record's error. */
const MAX_RECORD_ERROR_LENGTH = 300;

/**
 * A record's failure as an InputError naming the record: an InputError as it is, anything else a
 * source threw (a bug, a RangeError on hostile input) wrapped with its name and message, and the
 * original as `cause`. Retrying cannot help either, so it is a permanent failure (dead-lettered).
 */
function recordError(error: unknown, path: string): InputError {
  if (error instanceof InputError) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new InputError(`could not be turned into a notification: ${text.slice(0, MAX_RECORD_ERROR_LENGTH)}`, path, {
    cause: error,
  });
}

/**
 * `list` with `item` at its end. A first item makes a one-element array: an empty one grown by push
 * gets room for 16 at once, and almost every input gives one notification, or one ignore.
 */
function withItem<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}

/** What reading an item gave: the reading to build, or undefined when it was ignored or failed (noted in `result`). */
function readItem(item: UnwrappedItem, options: PipelineOptions, result: PipelineResult): NotifyReading | undefined {
  let reading: Reading;
  try {
    reading = dispatch(item, options.sources, options);
  } catch (error) {
    // Within an SNS→Lambda event a bad record is reported and the others go on; a lone event
    // that is not any shape we know is unreadable as a whole.
    if (error instanceof InputError && item.envelope?.kind !== 'sns-lambda') throw error;
    result.errors.push(recordError(error, item.path));
    return undefined;
  }
  if (reading.kind === 'ignored') {
    result.ignored = withItem(result.ignored, { rule: reading.rule, reason: reading.reason, path: item.path });
    return undefined;
  }
  return reading;
}

/** Builds a reading into `result`: its notifications, its named ignore, or its error. */
function buildItem(
  item: UnwrappedItem,
  reading: NotifyReading,
  enriched: Enriched,
  options: PipelineOptions,
  result: PipelineResult,
): void {
  let built: ReturnType<NotifyReading['build']>;
  try {
    built = reading.build(options.ctx, enriched);
  } catch (error) {
    result.errors.push(recordError(error, item.path));
    return;
  }
  if (isIgnored(built))
    result.ignored = withItem(result.ignored, { rule: built.rule, reason: built.reason, path: item.path });
  else if (!Array.isArray(built)) result.notifications = withItem(result.notifications, built as Notification);
  else if (result.notifications.length === 0) result.notifications = built.slice();
  else for (const n of built) result.notifications.push(n);
}

/** True when a reading asks for something the caller can fetch (see hasEnricherFor). */
const awaitsEnrichment = (reading: NotifyReading, options: PipelineOptions): boolean =>
  reading.needs !== undefined && hasEnricherFor(reading.needs, options);

/** The items from `from` on, once one (`reading`, the item at `from`) has something to fetch. */
async function processEnriched(
  items: readonly UnwrappedItem[],
  from: number,
  reading: NotifyReading,
  options: PipelineOptions,
  result: PipelineResult,
): Promise<PipelineResult> {
  for (let i = from; i < items.length; i++) {
    const item = items[i]!;
    const read = i === from ? reading : readItem(item, options, result);
    if (read === undefined) continue;
    buildItem(item, read, awaitsEnrichment(read, options) ? await enrich(read.needs, options) : {}, options, result);
  }
  return result;
}

/**
 * Turns one input — an EventBridge event, an SNS→Lambda event, an SNS HTTP body, a Lambda alarm
 * action, a CloudTrail record or log, or a bare SNS message string — into notifications:
 * unwrap → dispatch to the first matching source → run the enrichments it asks for → build.
 *
 * One bad record never sinks the others: whatever its source throws while reading or building it
 * (a broken field, or an unexpected error) becomes that record's entry in `errors`, and the other
 * records are still turned into notifications; the caller delivers them, then fails loudly for the
 * bad one. A failing enricher that has no fallback (the flapping check's store) fails the whole
 * input instead, so it is retried.
 *
 * Most inputs need nothing fetched: they are read and built synchronously, as an async function
 * would before its first await, and only an input with an enrichment to wait for goes on in one
 * (an async call allocates its whole frame, on every event).
 *
 * @throws InputError when the whole input is unreadable (not an object/string, no known shape, or a
 *   broken event that is not one of several SNS records); what such an enricher throws. (As the
 *   returned promise's rejection, never synchronously.)
 * @example const { notifications } = await processEvent(event, { ctx, sources });
 */
export function processEvent(input: unknown, options: PipelineOptions): Promise<PipelineResult> {
  try {
    const { items, errors } = unwrap(input);
    const result: PipelineResult = { notifications: [], ignored: [], errors };
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const reading = readItem(item, options, result);
      if (reading === undefined) continue;
      if (awaitsEnrichment(reading, options)) return processEnriched(items, i, reading, options, result);
      buildItem(item, reading, {}, options, result);
    }
    return Promise.resolve(result);
  } catch (error) {
    return Promise.reject(error);
  }
}
