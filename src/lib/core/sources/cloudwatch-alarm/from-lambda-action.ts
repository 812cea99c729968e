import { parseAt } from '../../schemas/parse';
import { alarmFromAlarmData } from './from-alarm-data';
import { lambdaAlarmActionSchema } from './lambda-action-schema';
import type { Alarm } from './model';
import { placeOf } from './place';

/** The source type of alarms that invoked our function directly as an alarm action. */
export const LAMBDA_ACTION_SOURCE_TYPE = 'aws.cloudwatch/alarm-action';

/**
 * Reads the payload CloudWatch sends when an alarm invokes a Lambda function as its action.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-actions-Lambda
 * @throws InputError naming the bad field, e.g. `alarmData.state.value`.
 */
export function alarmFromLambdaAction(payload: unknown, path: string): Alarm {
  const action = parseAt(lambdaAlarmActionSchema, payload, path, 'CloudWatch alarm action');
  const arn = action.alarmArn;
  return alarmFromAlarmData(action.alarmData, {
    ...(arn ? { arn } : {}),
    place: placeOf({ arn, account: action.accountId, region: action.region }),
    source: { type: LAMBDA_ACTION_SOURCE_TYPE },
  });
}
