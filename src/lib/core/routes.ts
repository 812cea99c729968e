import type { ClassifyOptions, Route } from './classify';
import { type CostMessageMeta, interpretCostMessage, isCostAnomaly, recognizeCostMessage } from './cost';
import type { SnsEnvelope, UnwrappedItem } from './envelopes/types';
import { InputError } from './errors';
import { type EventBridgeEvent, eventBridgeEventSchema } from './schemas/eventbridge';
import { parseAt } from './schemas/parse';
import {
  API_CALL_DETAIL_TYPE,
  buildApiCallNotification,
  defaultRuleSet,
  matchRules,
  parseCloudTrailEvent,
  SIGN_IN_DETAIL_TYPE,
} from './sources/cloudtrail';
import { configChangeNotification, parseConfigChange } from './sources/cloudwatch-alarm/config-change';
import { alarmFromEventBridge } from './sources/cloudwatch-alarm/from-eventbridge';
import { alarmFromLambdaAction } from './sources/cloudwatch-alarm/from-lambda-action';
import { alarmFromSnsMessage } from './sources/cloudwatch-alarm/from-sns-message';
import { genericEventNotification } from './sources/generic/from-eventbridge';
import { snsJsonNotification, snsTextNotification } from './sources/generic/from-sns';

/*
 * The routing tables: which interpreter each input shape, EventBridge source/detail-type and
 * message kind goes to, each with an explicit fallback. `classify` (classify.ts) applies them and
 * the ignore rules.
 */

export type Payload = Record<string, unknown>;
export type Shape = 'text' | 'eventbridge' | 'lambda-alarm-action' | 'classic-alarm' | 'cost-anomaly';

/** How each shape is recognised, tried in order. */
export const shapes: ReadonlyArray<readonly [Shape, (p: Payload) => boolean]> = [
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
      ? {
          kind: 'notify',
          notify: (ctx) => interpretCostMessage(event, ctx, event.time ? { occurredAt: event.time } : {}),
        }
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
export const shapeRoutes: Record<Shape, (item: UnwrappedItem, payload: Payload, options: ClassifyOptions) => Route> = {
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

/**
 * A JSON message of no known shape: still news. On the budget-alerts topic it is a budget alert
 * carrying its text; anywhere else a generic notification.
 */
export function unknownMessageRoute(item: UnwrappedItem, payload: Payload, options: ClassifyOptions): Route {
  if (options.unrecognizedMessages === 'budget') return costRoute(payload, item.envelope);
  return { kind: 'notify', notify: (ctx) => snsJsonNotification(payload, item.envelope, ctx) };
}
