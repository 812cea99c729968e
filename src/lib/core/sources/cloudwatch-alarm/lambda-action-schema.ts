import * as z from '../../schemas/zod';
import { alarmStateChangeDetailSchema } from './schema';

/**
 * What CloudWatch sends when an alarm invokes a Lambda function directly (an alarm action), not
 * through EventBridge: `alarmData` has the same shape as the EventBridge `detail`.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-actions-Lambda
 *
 * Built on first use (z.lazy), not at import: most alarms come through EventBridge.
 *
 * @example lambdaAlarmActionSchema.parse(event).alarmData.alarmName
 */
export const lambdaAlarmActionSchema = z.lazy(() =>
  z.looseObject({
    source: z.literal('aws.cloudwatch'),
    alarmArn: z.optional(z.string()),
    accountId: z.optional(z.string()),
    /** An EventBridge-style envelope around `alarmData` names the account `account`, not `accountId`. */
    account: z.optional(z.string()),
    resources: z.optional(z.array(z.unknown())),
    time: z.optional(z.string()),
    region: z.optional(z.string()),
    alarmData: alarmStateChangeDetailSchema,
  }),
);

export type LambdaAlarmAction = z.infer<typeof lambdaAlarmActionSchema>;
