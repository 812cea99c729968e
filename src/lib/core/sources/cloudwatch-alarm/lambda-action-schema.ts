import { z } from 'zod';
import { alarmStateChangeDetailSchema } from './schema';

/**
 * What CloudWatch sends when an alarm invokes a Lambda function directly (an alarm action), not
 * through EventBridge: `alarmData` has the same shape as the EventBridge `detail`.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-actions-Lambda
 *
 * @example lambdaAlarmActionSchema.parse(event).alarmData.alarmName
 */
export const lambdaAlarmActionSchema = z.looseObject({
  source: z.literal('aws.cloudwatch'),
  alarmArn: z.string().optional(),
  accountId: z.string().optional(),
  /** An EventBridge-style envelope around `alarmData` names the account `account`, not `accountId`. */
  account: z.string().optional(),
  resources: z.array(z.unknown()).optional(),
  time: z.string().optional(),
  region: z.string().optional(),
  alarmData: alarmStateChangeDetailSchema,
});

export type LambdaAlarmAction = z.infer<typeof lambdaAlarmActionSchema>;
