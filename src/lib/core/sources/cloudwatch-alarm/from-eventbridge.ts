import type { EventBridgeEvent } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import { sourceRef } from '../source-ref';
import { alarmFromAlarmData } from './from-alarm-data';
import type { Alarm } from './model';
import { placeOf } from './place';
import { alarmStateChangeDetailSchema } from './schema';

/** The source type of alarm state changes delivered by EventBridge. */
export const EVENTBRIDGE_ALARM_SOURCE_TYPE = 'aws.cloudwatch/CloudWatch Alarm State Change';

const ALARM_ARN = /^arn:[^:]+:cloudwatch:[^:]*:[^:]*:alarm:/;

/**
 * Reads a "CloudWatch Alarm State Change" EventBridge event (also when it came through SNS).
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html
 * @throws InputError naming the bad field, e.g. `Records[0].Sns.Message.detail.state.value`.
 *
 * @example alarmFromEventBridge(event, '').state.value // "ALARM"
 */
export function alarmFromEventBridge(event: EventBridgeEvent, path: string): Alarm {
  const detail = parseAt(
    alarmStateChangeDetailSchema,
    event.detail,
    path ? `${path}.detail` : 'detail',
    'alarm state change',
  );
  const arn = (event.resources ?? []).find((r): r is string => typeof r === 'string' && ALARM_ARN.test(r));
  return alarmFromAlarmData(detail, {
    arn,
    place: placeOf({ arn, account: event.account, region: event.region }),
    source: sourceRef(EVENTBRIDGE_ALARM_SOURCE_TYPE, event.id),
  });
}
