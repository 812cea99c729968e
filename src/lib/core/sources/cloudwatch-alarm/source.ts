import type { UnwrappedItem } from '../../envelopes/types';
import { eventBridgeEventSchema } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import type { EnrichmentRequests } from '../enrichments';
import { eventBridgeKey, isEventBridgeShape, type Payload, payloadOf } from '../shapes';
import type { Reading, Source } from '../source';
import { CONFIG_CHANGE_SOURCE_TYPE, configChangeNotification, parseConfigChange } from './config-change';
import { alarmChangeOf, buildAlarmChange } from './flapping';
import { alarmFromEventBridge, EVENTBRIDGE_ALARM_SOURCE_TYPE } from './from-eventbridge';
import { alarmFromLambdaAction } from './from-lambda-action';
import { alarmFromSnsMessage } from './from-sns-message';
import { actionsDisabledIgnore, ignoredAlarm } from './ignore-rules';
import type { Alarm } from './model';
import { targetGroupsOf } from './target-groups';

type Shape = 'state-change' | 'config-change' | 'lambda-action' | 'classic';

/** How each input shape of an alarm is recognised, tried in order. */
const shapes: ReadonlyArray<readonly [Shape, (p: Payload, key: string | undefined) => boolean]> = [
  ['state-change', (_, key) => key === EVENTBRIDGE_ALARM_SOURCE_TYPE],
  ['config-change', (_, key) => key === CONFIG_CHANGE_SOURCE_TYPE],
  ['lambda-action', (p) => !isEventBridgeShape(p) && p.source === 'aws.cloudwatch' && 'alarmData' in p],
  ['classic', (p) => !isEventBridgeShape(p) && 'AlarmName' in p && 'NewStateValue' in p],
];

const shapeOf = (item: UnwrappedItem): Shape | undefined => {
  const p = payloadOf(item);
  if (!p) return undefined;
  const key = eventBridgeKey(item);
  // A loop rather than find: every message not from CloudTrail is offered here.
  for (const [shape, test] of shapes) if (test(p, key)) return shape;
  return undefined;
};

const eventOf = (item: UnwrappedItem) => parseAt(eventBridgeEventSchema, item.payload, item.path, 'EventBridge event');

/** The alarm of each state-change shape. */
const alarmReaders: Record<Exclude<Shape, 'config-change'>, (item: UnwrappedItem) => Alarm> = {
  'state-change': (item) => alarmFromEventBridge(eventOf(item), item.path),
  'lambda-action': (item) => alarmFromLambdaAction(item.payload, item.path),
  classic: (item) => alarmFromSnsMessage(item.payload, item.path, item.envelope),
};

/**
 * CloudWatch alarms: state changes from EventBridge, from an alarm action's SNS message and from a
 * Lambda alarm action, and alarm configuration changes. Target-group alarms ask for target health;
 * every dated state change asks the flapping check (a flapping alarm's changes become one message).
 */
export const cloudwatchAlarmSource: Source = {
  id: 'cloudwatch-alarm',
  matches: (item) => shapeOf(item) !== undefined,
  read(item, settings): Reading {
    const shape = shapeOf(item);
    if (shape === 'config-change') {
      const event = eventOf(item);
      const detail = parseConfigChange(event, item.path);
      return (
        ignoredAlarm({ name: detail.alarmName }, settings) ?? {
          kind: 'notify',
          build: (ctx) => configChangeNotification(event, detail, ctx),
        }
      );
    }
    const alarm = alarmReaders[shape ?? 'classic'](item);
    const refs = targetGroupsOf(alarm);
    const change = alarmChangeOf(alarm);
    // Only EventBridge reports alarms whose actions are off; their SNS and Lambda actions never run.
    const askActions = shape === 'state-change' && settings.quietAlarms?.reportActionsDisabled === false;
    // Key by key (no small object spread for each): every alarm comes through here.
    const needs: { -readonly [K in keyof EnrichmentRequests]: EnrichmentRequests[K] } = {};
    if (refs.length > 0) needs.targetHealth = refs;
    if (change) needs.flapping = change;
    if (askActions)
      needs.alarmActions = alarm.region ? { name: alarm.name, region: alarm.region } : { name: alarm.name };
    return (
      ignoredAlarm(alarm, settings) ?? {
        kind: 'notify',
        needs,
        build: (ctx, enriched) =>
          enriched.alarmActions?.actionsEnabled === false
            ? actionsDisabledIgnore(alarm.name)
            : buildAlarmChange(alarm, ctx, enriched.targetHealth ?? [], enriched.flapping),
      }
    );
  },
  deploy: {
    function: 'alarm',
    eventPatterns: ({ alarmNamePrefixes: prefixes = [] }) => [
      {
        name: 'state-change',
        ruleIds: ['cloudwatch-alarm'],
        pattern: {
          source: ['aws.cloudwatch'],
          'detail-type': ['CloudWatch Alarm State Change'],
          ...(prefixes.length > 0 ? { detail: { alarmName: prefixes.map((prefix) => ({ prefix })) } } : {}),
        },
      },
    ],
    snsTopic: { ref: 'AlarmActionsTopic', topicName: 'alarm-actions' },
  },
};
