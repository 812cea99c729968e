import { classify } from './core/classify';
import { unwrap } from './core/envelopes/unwrap';
import { InputError } from './core/errors';
import type { RenderContext } from './core/locale';
import type { Notification } from './core/notification';
import type { RuleSet } from './core/sources/cloudtrail';
import { interpretAlarm } from './core/sources/cloudwatch-alarm/interpret-alarm';
import type { Alarm } from './core/sources/cloudwatch-alarm/model';
import { targetGroupsOf } from './core/sources/cloudwatch-alarm/target-groups';
import type { TargetGroupRef, TargetHealthReport } from './core/sources/cloudwatch-alarm/target-health';

/** An input a named rule dropped on purpose. */
export interface IgnoredInput {
  rule: string;
  reason: string;
  path: string;
}

/** What {@link processEvent} needs besides the input. */
export interface PipelineOptions {
  ctx: RenderContext;
  /** Empty/undefined = report all alarms. */
  alarmNamePrefixes?: readonly string[];
  /**
   * Enrichment for ALB/NLB target-group alarms; absent = no enrichment (CLI, tests). Must never throw;
   * a failure is reported in TargetHealthReport.error.
   */
  targetHealth?: (refs: TargetGroupRef[]) => Promise<TargetHealthReport[]>;
  /** Rules for CloudTrail API calls and console sign-ins; default: the built-in rule set. */
  ruleSet?: RuleSet;
  /** What an SNS message of no known shape becomes (see ClassifyOptions); default `event`. */
  unrecognizedMessages?: 'event' | 'budget';
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

/** Calls the enricher; should it break its promise not to throw, the failure becomes a visible note. */
async function enrich(alarm: Alarm, options: PipelineOptions): Promise<TargetHealthReport[]> {
  const refs = targetGroupsOf(alarm);
  if (refs.length === 0 || !options.targetHealth) return [];
  try {
    return await options.targetHealth(refs);
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return refs.map((targetGroup) => ({ targetGroup, targets: [], error: text.slice(0, MAX_ENRICHMENT_ERROR_LENGTH) }));
  }
}

/**
 * Turns one input — an EventBridge event, an SNS→Lambda event, an SNS HTTP body, a Lambda alarm
 * action, or a bare SNS message string — into notifications: unwrap → classify → enrich target-group
 * alarms → interpret.
 *
 * @throws InputError when the whole input is unreadable (not an object/string, no known shape, or a
 *   broken event that is not one of several SNS records).
 * @example const { notifications } = await processEvent(event, { ctx: { locale: 'en', timeZone: 'UTC', now: new Date() } });
 */
export async function processEvent(input: unknown, options: PipelineOptions): Promise<PipelineResult> {
  const { items, errors } = unwrap(input);
  const result: PipelineResult = { notifications: [], ignored: [], errors };
  for (const item of items) {
    let route: ReturnType<typeof classify>;
    try {
      route = classify(item, options);
    } catch (error) {
      // Within an SNS→Lambda event a bad record is reported and the others go on.
      if (error instanceof InputError && item.envelope?.kind === 'sns-lambda') {
        result.errors.push(error);
        continue;
      }
      throw error;
    }
    if (route.kind === 'ignored') result.ignored.push({ rule: route.rule, reason: route.reason, path: item.path });
    else if (route.kind === 'notify') result.notifications.push(route.notify(options.ctx));
    else result.notifications.push(interpretAlarm(route.alarm, options.ctx, await enrich(route.alarm, options)));
  }
  return result;
}
