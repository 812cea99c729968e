import { ConfigError } from '../../errors';
import type { EventPattern } from './pattern-match';
import { serviceOf } from './record';
import type { ApiCallRule, RuleSet } from './rule';

/**
 * EventBridge's default maximum event pattern size, in characters (adjustable, but we stay under
 * the default so a deploy never depends on a quota increase).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html ("Event pattern size")
 */
export const MAX_EVENT_PATTERN_CHARS = 2_048;

/**
 * Only AWS services can put events whose source starts with "aws." (PutEvents refuses it), so this
 * keeps forged "AWS API Call via CloudTrail" events from custom sources out.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
 */
const AWS_SOURCE = [{ prefix: 'aws.' }] as const;

/** One generated EventBridge rule pattern, with a stable name and the rules it serves. */
export interface NamedEventPattern {
  /** Lower-case letters, digits and hyphens, e.g. "ec2", "ec2-2", "root-activity". */
  readonly name: string;
  readonly pattern: EventPattern;
  readonly ruleIds: readonly string[];
}

interface Group {
  readonly detailTypes: readonly string[];
  readonly eventSource?: string;
  readonly conditions?: EventPattern;
  /** undefined = any event name. */
  eventNames?: string[];
  readonly ruleIds: string[];
}

const groupKey = (r: ApiCallRule) =>
  JSON.stringify([[...r.detailTypes].sort(), r.eventSource ?? null, r.conditions ?? null]);

/**
 * True when an unconditioned group delivers every event another group asks for: the same event
 * source, every detail-type of the other (sign-in failures of any step cover ConsoleLogin ones), and
 * all its event names.
 */
const covers = (wide: Group, narrow: Group) =>
  wide.conditions === undefined &&
  wide.eventSource === narrow.eventSource &&
  narrow.detailTypes.every((t) => wide.detailTypes.includes(t)) &&
  (wide.eventNames === undefined || (narrow.eventNames ?? []).every((n) => wide.eventNames?.includes(n))) &&
  narrow.eventNames !== undefined;

function patternOf(g: Group, names: readonly string[] | undefined): EventPattern {
  return {
    source: AWS_SOURCE,
    'detail-type': [...g.detailTypes],
    detail: {
      ...g.conditions,
      ...(g.eventSource ? { eventSource: [g.eventSource] } : {}),
      ...(names ? { eventName: [...names] } : {}),
    },
  };
}

/** Splits a group's event names so each pattern stays within `maxChars`. */
function split(g: Group, maxChars: number): EventPattern[] {
  const size = (names: readonly string[] | undefined) => JSON.stringify(patternOf(g, names)).length;
  if (g.eventNames === undefined || size(g.eventNames) <= maxChars) return [patternOf(g, g.eventNames)];
  const chunks: string[][] = [[]];
  for (const name of g.eventNames) {
    const last = chunks[chunks.length - 1]!;
    if (last.length > 0 && size([...last, name]) > maxChars) chunks.push([name]);
    else last.push(name);
  }
  const tooBig = chunks.find((c) => size(c) > maxChars);
  if (tooBig)
    throw new ConfigError(
      `rules ${g.ruleIds.join(', ')}: one event pattern exceeds ${maxChars} characters even for ${tooBig[0]}`,
    );
  return chunks.map((c) => patternOf(g, c));
}

/**
 * The EventBridge event patterns that deliver every event the rule set can match, generated from
 * the rules (one source of truth): one pattern per event source (split when over
 * {@link MAX_EVENT_PATTERN_CHARS}), one per rule with extra conditions (root use, errorCode-based
 * unauthorized calls) unless a wider pattern already delivers its events.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 *
 * @example eventPatterns(defaultRuleSet).map((p) => p.name) // ["signin", "root-activity", "cloudtrail", …]
 */
export function eventPatterns(ruleSet: RuleSet, maxChars: number = MAX_EVENT_PATTERN_CHARS): NamedEventPattern[] {
  const groups = new Map<string, Group>();
  for (const rule of ruleSet.rules) {
    const key = groupKey(rule);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        detailTypes: [...rule.detailTypes].sort(),
        ...(rule.eventSource ? { eventSource: rule.eventSource } : {}),
        ...(rule.conditions ? { conditions: rule.conditions } : {}),
        ...(rule.eventNames ? { eventNames: [...rule.eventNames] } : {}),
        ruleIds: [rule.id],
      });
      continue;
    }
    g.ruleIds.push(rule.id);
    g.eventNames = g.eventNames && rule.eventNames ? [...new Set([...g.eventNames, ...rule.eventNames])] : undefined;
  }
  const all = [...groups.values()];
  const kept = all.filter((g) => {
    const wide = all.find((w) => w !== g && covers(w, g));
    if (wide) wide.ruleIds.push(...g.ruleIds);
    return !wide;
  });
  const used = new Map<string, number>();
  return kept.flatMap((g) =>
    split(g, maxChars).map((pattern) => {
      const base = (g.conditions || !g.eventSource ? g.ruleIds[0]! : serviceOf(g.eventSource))
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-');
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      return { name: n === 1 ? base : `${base}-${n}`, pattern, ruleIds: [...g.ruleIds] };
    }),
  );
}
