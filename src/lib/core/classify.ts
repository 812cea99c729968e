import type { UnwrappedItem } from './envelopes/types';
import { InputError } from './errors';
import type { RenderContext } from './locale';
import type { Notification } from './notification';
import { shapeRoutes, shapes, unknownMessageRoute } from './routes';
import type { RuleSet } from './sources/cloudtrail';
import type { Alarm } from './sources/cloudwatch-alarm/model';

/**
 * Name of the rule that deliberately dropped an input; it appears in `ignored[].rule`. Built in here:
 * `sns-subscription-confirmation`, `sns-unsubscribe-confirmation`, `alarm-name-prefix`,
 * `alarm-actions-suppressed`; from the
 * API-call rule set: `no-rule-matches` and the ids of user ignore rules.
 */
export type IgnoreRule = string;

/** What to do with one message: interpret an alarm, build another notification, or ignore it by a named rule. */
export type Route =
  | { kind: 'alarm'; alarm: Alarm }
  | { kind: 'notify'; alarmName?: string; notify: (ctx: RenderContext) => Notification }
  | { kind: 'ignored'; rule: IgnoreRule; reason: string };

/** Options the classifier reads. */
export interface ClassifyOptions {
  /** Report only alarms whose name starts with one of these; empty or absent = all. */
  alarmNamePrefixes?: readonly string[];
  /** Rules for CloudTrail API calls and console sign-ins; default: the built-in rule set. */
  ruleSet?: RuleSet;
  /**
   * What an SNS message of no known shape becomes: a generic `event` notification (default), or a
   * `budget` notification carrying its text — for the budget-alerts topic, where AWS Budgets is
   * the only publisher and an unparsed message must still reach people as a budget alert.
   */
  unrecognizedMessages?: 'event' | 'budget';
}

/** Ignore rules that look at the SNS wrapper before the message is read. */
const envelopeRules: ReadonlyArray<readonly [IgnoreRule, string]> = [
  ['sns-subscription-confirmation', 'SubscriptionConfirmation'],
  ['sns-unsubscribe-confirmation', 'UnsubscribeConfirmation'],
];

/**
 * A composite alarm whose actions its suppressor alarm is holding back (`actionsSuppressedBy:
 * "Alarm"`) is what the team asked to stay quiet about. WaitPeriod and ExtensionPeriod are not
 * ignored: CloudWatch may still run the actions when they end, and no new event says so.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-suppression.html
 */
function suppressionRule(route: Route): Route {
  if (route.kind !== 'alarm' || route.alarm.state.actionsSuppressedBy !== 'Alarm') return route;
  const by = route.alarm.actionsSuppressor ? ` by ${route.alarm.actionsSuppressor}` : '';
  return {
    kind: 'ignored',
    rule: 'alarm-actions-suppressed',
    reason: `actions of "${route.alarm.name}" are suppressed${by}, which is in ALARM`,
  };
}

function nameRule(route: Route, prefixes: readonly string[] | undefined): Route {
  const name = route.kind === 'alarm' ? route.alarm.name : route.kind === 'notify' ? route.alarmName : undefined;
  if (!prefixes?.length || name === undefined || prefixes.some((prefix) => name.startsWith(prefix))) return route;
  return { kind: 'ignored', rule: 'alarm-name-prefix', reason: `alarm "${name}" is not under ${prefixes.join(', ')}` };
}

/**
 * Chooses what to do with one unwrapped message, by lookup tables with explicit fallbacks:
 * known shapes go to their interpreter, unknown EventBridge events and SNS messages to the generic
 * one; named rules drop subscription confirmations and alarms outside the configured prefixes.
 *
 * @throws InputError when a known shape is broken (naming the field), or when the input itself —
 *   not an SNS message — has no known shape.
 */
export function classify(item: UnwrappedItem, options: ClassifyOptions = {}): Route {
  const confirmation = envelopeRules.find(([, type]) => item.envelope?.type === type);
  if (confirmation) return { kind: 'ignored', rule: confirmation[0], reason: `SNS ${confirmation[1]} message` };
  const { payload } = item;
  if (typeof payload === 'string') return shapeRoutes.text(item, {}, options);
  const shape = shapes.find(([, test]) => test(payload))?.[0];
  if (shape) return suppressionRule(nameRule(shapeRoutes[shape](item, payload, options), options.alarmNamePrefixes));
  if (item.isMessage) return unknownMessageRoute(item, payload, options);
  throw new InputError(
    'not a known event shape (EventBridge event, SNS event or message, CloudWatch alarm action)',
    item.path,
  );
}
