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

/** The last key of a leaf path, lower case: `detail.containers[0].lastStatus` → `laststatus`. */
const keyOf = (path: string) => (path.split('.').at(-1) ?? '').replace(/\[\d+\]$/, '').toLowerCase();

/** The leaves in reading order: the key fields (in {@link KEY_FIELDS} order), then the rest as they came. */
export function inReadingOrder(leaves: readonly Leaf[]): Leaf[] {
  const buckets = new Map<string, Leaf[]>(KEY_FIELDS.map((k) => [k, []]));
  const rest: Leaf[] = [];
  for (const leaf of leaves) (buckets.get(keyOf(leaf.path)) ?? rest).push(leaf);
  return [...[...buckets.values()].flat(), ...rest];
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
    for (const s of [byWord, counted]) if (s && rank[s] > rank[best]) best = s;
  }
  return best;
}
