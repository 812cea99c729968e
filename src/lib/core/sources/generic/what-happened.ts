import type { Severity } from '../../notification';
import type { Leaf } from './flatten';

/**
 * Keys whose values say what happened, most telling first: they are listed before the rest of an
 * event's fields, whatever their place in the document (GuardDuty-like events put them last).
 */
const KEY_FIELDS = [
  'title',
  'description',
  'severity',
  'status',
  'state',
  'test-run-status',
  'current-state',
  'build-status',
  'laststatus',
  'eventname',
  'scanstatus',
  'scanresultstatus',
  'scan-status',
  'reason',
  'state-reason',
  'stoppedreason',
  'statusreason',
  'additionalinformation',
  'errormessage',
  'errorcode',
  'message',
  'resource',
] as const;

/**
 * Keys that hold the state of the thing an event is about, for the title ("Glue Job State Change:
 * FAILED"). CodeBuild calls it `build-status`, CloudWatch Synthetics `test-run-status` and
 * `current-state`; ECS service and deployment events name what happened in `eventName`
 * ("SERVICE_DEPLOYMENT_FAILED").
 */
const STATE_KEYS = new Set([
  'state',
  'status',
  'test-run-status',
  'current-state',
  'build-status',
  'laststatus',
  'scanresultstatus',
  'scan-status',
  'scanstatus',
  'eventname',
]);

/**
 * Keys that hold a severity word: Glue's and EMR's `severity`, ECS's `eventType` (INFO, WARN, ERROR),
 * RDS's `EventCategories` (failure, failover, low storage…).
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html
 */
const SEVERITY_KEYS = new Set(['severity', 'eventtype', 'eventcategories']);

/**
 * Well-known state and severity words in AWS events and ours: a failure, an error, a timeout, an
 * expiry, a threat, a database failover or low storage needs a look (warning); a CRITICAL finding
 * pages. Anything else is information.
 */
export const stateWordSeverities = {
  FAILED: 'warning',
  FAILURE: 'warning',
  ERROR: 'warning',
  WARN: 'warning',
  TIMED_OUT: 'warning',
  TIMEOUT: 'warning',
  EXPIRED: 'warning',
  THREATS_FOUND: 'warning',
  ABORTED: 'warning',
  UNHEALTHY: 'warning',
  IMPAIRED: 'warning',
  FAILOVER: 'warning',
  'LOW STORAGE': 'warning',
  CRITICAL: 'critical',
} as const satisfies Record<string, Severity>;

/** Keys whose value is a count of findings per severity (ECR image scan, Inspector scan): CRITICAL > 0 pages. */
const COUNT_PARENTS = ['finding-severity-counts', 'findingseveritycounts'] as const;

const rank = { critical: 3, warning: 2, info: 1, ok: 0 } as const satisfies Record<Severity, number>;

/** Where each key field goes in reading order. */
const KEY_FIELD_ORDER: ReadonlyMap<string, number> = new Map(KEY_FIELDS.map((k, i) => [k, i]));

/** True when `text` from `start` to `end` (exclusive) is one or more ASCII digits. */
function allDigits(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Paths whose keys are remembered at most (then forgotten at once): events of one kind repeat their paths. */
const MAX_REMEMBERED_KEYS = 4_096;
const keysByPath = new Map<string, string>();

/**
 * The last key of a leaf path, lower case: `detail.containers[0].lastStatus` → `laststatus`; one
 * trailing index goes (`items[2]` → `items`). It runs three times for every leaf, on the same
 * paths event after event: each is read once, then remembered (no slice and lower-casing per call).
 */
export function keyOf(path: string): string {
  let key = keysByPath.get(path);
  if (key === undefined) {
    if (keysByPath.size >= MAX_REMEMBERED_KEYS) keysByPath.clear();
    key = readKey(path);
    keysByPath.set(path, key);
  }
  return key;
}

function readKey(path: string): string {
  const start = path.lastIndexOf('.') + 1;
  let end = path.length;
  if (path.charCodeAt(end - 1) === 93 /* ] */) {
    const open = path.lastIndexOf('[');
    if (open >= start && allDigits(path, open + 1, end - 1)) end = open;
  }
  return (start === 0 && end === path.length ? path : path.slice(start, end)).toLowerCase();
}

/** The leaves in reading order: the key fields (in {@link KEY_FIELDS} order), then the rest as they came. */
export function inReadingOrder(leaves: readonly Leaf[]): Leaf[] {
  // Buckets only for the key fields present: most events have a handful of them.
  const buckets: Leaf[][] = [];
  const rest: Leaf[] = [];
  for (const leaf of leaves) {
    const at = KEY_FIELD_ORDER.get(keyOf(leaf.path));
    if (at === undefined) rest.push(leaf);
    else {
      const bucket = buckets[at];
      if (bucket) bucket.push(leaf);
      else buckets[at] = [leaf];
    }
  }
  const ordered: Leaf[] = [];
  for (const bucket of buckets) if (bucket) for (const leaf of bucket) ordered.push(leaf);
  for (const leaf of rest) ordered.push(leaf);
  return ordered;
}

const wordSeverity = (value: string): Severity | undefined => {
  const word = value.toUpperCase();
  return Object.hasOwn(stateWordSeverities, word)
    ? stateWordSeverities[word as keyof typeof stateWordSeverities]
    : undefined;
};

/**
 * The state word of an event for its title: the first that is a well-known bad word
 * ("THREATS_FOUND" over "COMPLETED"), else the first state, e.g. "SUCCEEDED".
 */
export function stateOf(leaves: readonly Leaf[]): string | undefined {
  const states = leaves.filter((l) => STATE_KEYS.has(keyOf(l.path)) && l.value.length <= 40);
  return (states.find((l) => wordSeverity(l.value)) ?? states[0])?.value;
}

/** The most severe reading of the event's state and severity words and critical finding counts. */
export function severityOfLeaves(leaves: readonly Leaf[]): Severity {
  let best: Severity = 'info';
  for (const leaf of leaves) {
    const key = keyOf(leaf.path);
    const byWord = STATE_KEYS.has(key) || SEVERITY_KEYS.has(key) ? wordSeverity(leaf.value) : undefined;
    const counted: Severity | undefined =
      key === 'critical' && COUNT_PARENTS.some((p) => leaf.path.toLowerCase().includes(p)) && Number(leaf.value) > 0
        ? 'critical'
        : undefined;
    if (byWord && rank[byWord] > rank[best]) best = byWord;
    if (counted && rank[counted] > rank[best]) best = counted;
  }
  return best;
}
