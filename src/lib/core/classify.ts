import { alarmFromEventBridge } from './alarm/from-eventbridge';
import { alarmFromLambdaAction } from './alarm/from-lambda-action';
import { alarmFromSnsMessage } from './alarm/from-sns-message';
import type { Alarm } from './alarm/model';
import {
  API_CALL_DETAIL_TYPE,
  buildApiCallNotification,
  defaultRuleSet,
  matchRules,
  parseCloudTrailEvent,
  type RuleSet,
  SIGN_IN_DETAIL_TYPE,
} from './cloudtrail';
import { type CostMessageMeta, interpretCostMessage, isCostAnomaly, recognizeCostMessage } from './cost';
import type { SnsEnvelope, UnwrappedItem } from './envelopes/types';
import { InputError } from './errors';
import { configChangeNotification, parseConfigChange } from './generic/config-change';
import { genericEventNotification } from './generic/from-eventbridge';
import { snsJsonNotification, snsTextNotification } from './generic/from-sns';
import type { RenderContext } from './locale';
import type { Notification } from './notification';
import { type EventBridgeEvent, eventBridgeEventSchema } from './schemas/eventbridge';
import { parseAt } from './schemas/parse';

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

type Payload = Record<string, unknown>;
type Shape = 'text' | 'eventbridge' | 'lambda-alarm-action' | 'classic-alarm' | 'cost-anomaly';

/** How each shape is recognised, tried in order. */
const shapes: ReadonlyArray<readonly [Shape, (p: Payload) => boolean]> = [
  ['eventbridge', (p) => 'detail-type' in p && 'source' in p && 'detail' in p],
  ['lambda-alarm-action', (p) => p.source === 'aws.cloudwatch' && 'alarmData' in p],
  ['classic-alarm', (p) => 'AlarmName' in p && 'NewStateValue' in p],
  ['cost-anomaly', (p) => isCostAnomaly(p)],
];

/** What the SNS wrapper tells a cost interpreter: message id, time and subject. */
function costMeta(envelope: SnsEnvelope | undefined): CostMessageMeta {
  return {
    ...(envelope?.messageId ? { id: envelope.messageId } : {}),
    ...(envelope?.timestamp ? { occurredAt: envelope.timestamp } : {}),
    ...(envelope?.subject ? { subject: envelope.subject } : {}),
  };
}

const costRoute = (payload: unknown, envelope: SnsEnvelope | undefined): Route => ({
  kind: 'notify',
  notify: (ctx) => interpretCostMessage(payload, ctx, costMeta(envelope)),
});

/** EventBridge interpreters by `source/detail-type`; any other event gets the generic one. */
const eventBridgeRoutes: Record<string, (event: EventBridgeEvent, item: UnwrappedItem) => Route> = {
  'aws.cloudwatch/CloudWatch Alarm State Change': (event, item) => ({
    kind: 'alarm',
    alarm: alarmFromEventBridge(event, item.path),
  }),
  // An anomaly event we cannot read is still news, but not a budget alert: the generic route takes it.
  'aws.ce/Anomaly Detected': (event) =>
    isCostAnomaly(event)
      ? { kind: 'notify', notify: (ctx) => interpretCostMessage(event, ctx, event.time ? { occurredAt: event.time } : {}) }
      : genericEventRoute(event),
  'aws.cloudwatch/CloudWatch Alarm Configuration Change': (event, item) => {
    const detail = parseConfigChange(event, item.path);
    return {
      kind: 'notify',
      alarmName: detail.alarmName,
      notify: (ctx) => configChangeNotification(event, detail, ctx),
    };
  },
};

/** Re-anchors an error from a nested parser at the item's own path (e.g. `Records[1].Sns.Message`). */
function atPath<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError) || !path) throw error;
    throw new InputError(error.message, path, { cause: error });
  }
}

/** A CloudTrail event: the rule set decides between a notification and a named ignore. */
function apiCallRoute(payload: Payload, item: UnwrappedItem, options: ClassifyOptions): Route {
  const event = atPath(item.path, () => parseCloudTrailEvent(payload));
  const match = matchRules(event, options.ruleSet ?? defaultRuleSet);
  if (match.kind === 'ignored') return { kind: 'ignored', rule: match.rule, reason: match.reason };
  return { kind: 'notify', notify: (ctx) => buildApiCallNotification(event, match.rule, match.others, ctx) };
}

/** EventBridge interpreters by detail-type alone, for events that come from many sources (aws.iam, aws.ec2, …). */
const detailTypeRoutes: Record<string, (payload: Payload, item: UnwrappedItem, options: ClassifyOptions) => Route> = {
  [API_CALL_DETAIL_TYPE]: apiCallRoute,
  [SIGN_IN_DETAIL_TYPE]: apiCallRoute,
};

const genericEventRoute = (event: EventBridgeEvent): Route => ({
  kind: 'notify',
  notify: (ctx) => genericEventNotification(event, ctx),
});

/** Interpreters by shape, with the fallback for JSON of no known shape below. */
const shapeRoutes: Record<Shape, (item: UnwrappedItem, payload: Payload, options: ClassifyOptions) => Route> = {
  text: (item, _payload, options) => {
    const text = String(item.payload);
    if (options.unrecognizedMessages === 'budget' || recognizeCostMessage(text, item.envelope?.subject)) {
      return costRoute(text, item.envelope);
    }
    return { kind: 'notify', notify: (ctx) => snsTextNotification(text, item.envelope, ctx) };
  },
  eventbridge: (item, payload, options) => {
    const detailType = String(payload['detail-type']);
    const byDetailType = Object.hasOwn(detailTypeRoutes, detailType) ? detailTypeRoutes[detailType] : undefined;
    if (byDetailType) return byDetailType(payload, item, options);
    const event = parseAt(eventBridgeEventSchema, payload, item.path, 'EventBridge event');
    const key = `${event.source}/${event['detail-type']}`;
    return (
      (Object.hasOwn(eventBridgeRoutes, key) ? eventBridgeRoutes[key] : undefined)?.(event, item) ??
      genericEventRoute(event)
    );
  },
  'lambda-alarm-action': (item, payload) => ({ kind: 'alarm', alarm: alarmFromLambdaAction(payload, item.path) }),
  'cost-anomaly': (item, payload) => costRoute(payload, item.envelope),
  'classic-alarm': (item, payload) => ({
    kind: 'alarm',
    alarm: alarmFromSnsMessage(payload, item.path, item.envelope),
  }),
};

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
  if (item.isMessage && options.unrecognizedMessages === 'budget') return costRoute(payload, item.envelope);
  if (item.isMessage) return { kind: 'notify', notify: (ctx) => snsJsonNotification(payload, item.envelope, ctx) };
  throw new InputError(
    'not a known event shape (EventBridge event, SNS event or message, CloudWatch alarm action)',
    item.path,
  );
}
