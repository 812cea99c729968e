import { parseAt } from '../../schemas/parse';
import { alarmFromAlarmData } from './from-alarm-data';
import { lambdaAlarmActionSchema } from './lambda-action-schema';
import type { Alarm } from './model';
import { placeOf } from './place';

/** The source type of alarms that invoked our function directly as an alarm action. */
export const LAMBDA_ACTION_SOURCE_TYPE = 'aws.cloudwatch/alarm-action';

const ALARM_ARN = /^arn:[^:]+:cloudwatch:[^:]*:[^:]*:alarm:/;

/**
 * Reads the payload CloudWatch sends when an alarm invokes a Lambda function as its action.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-actions-Lambda
 * @throws InputError naming the bad field, e.g. `alarmData.state.value`.
 */
export function alarmFromLambdaAction(payload: unknown, path: string): Alarm {
  const action = parseAt(lambdaAlarmActionSchema, payload, path, 'CloudWatch alarm action');
  // The account and ARN come from wherever the envelope keeps them: a Lambda action's `accountId` and
  // `alarmArn`, or an EventBridge-style envelope's `account` and `resources`.
  const arn =
    action.alarmArn ?? (action.resources ?? []).find((r): r is string => typeof r === 'string' && ALARM_ARN.test(r));
  return alarmFromAlarmData(action.alarmData, {
    arn,
    place: placeOf({ arn, account: action.accountId ?? action.account, region: action.region }),
    source: { type: LAMBDA_ACTION_SOURCE_TYPE },
  });
}
