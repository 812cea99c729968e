import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmailHandler } from '../../src/handlers/email';
import type { Notification } from '../../src/lib/core/notification';
import { buildSnsPublish } from '../../src/lib/core/publish/sns-message';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { failedIds, sqsEventWith } from '../helpers/sqs-event';
import { storm } from '../lib/core/grouping/storm';

const EMAIL_TOPIC = 'arn:aws:sns:ap-northeast-1:123456789012:notifier-dev-email';
const sns = mockClient(SNSClient);
let logs: CapturedLogs;
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  logs = captureLogs();
});
afterEach(() => logs.restore());

const lambdaContext = { getRemainingTimeInMillis: () => 10_000 } as never;
const emailFunction = () =>
  createEmailHandler({ env: { NOTIFICATIONS_TOPIC_ARN: EMAIL_TOPIC }, sns: () => sns as unknown as SNSClient });
const queued = (notifications: readonly Notification[]) => sqsEventWith(...notifications.map((n) => JSON.stringify(n)));
const publishes = () => sns.commandCalls(PublishCommand).map((c) => c.args[0].input);

describe('handlers: email', () => {
  it('publishes a lone notification to the email topic exactly as it was published', async () => {
    const [n] = storm(1);
    expect(failedIds(await emailFunction()(queued([n!]), lambdaContext))).toEqual([]);
    expect(publishes()).toEqual([{ TopicArn: EMAIL_TOPIC, ...buildSnsPublish(n!) }]);
  });

  it('makes 1,000 alarms, arriving in batches of 100, 10 emails listing every alarm', async () => {
    const alarms = storm(1_000);
    const handler = emailFunction();
    for (let i = 0; i < alarms.length; i += 100) {
      expect(failedIds(await handler(queued(alarms.slice(i, i + 100)), lambdaContext))).toEqual([]);
    }
    expect(publishes()).toHaveLength(10);
    expect(publishes()[0]).toMatchObject({
      Subject: '[CRITICAL] 100 alarms in ALARM (ap-northeast-1)',
      MessageAttributes: {
        category: { DataType: 'String', StringValue: 'alarm' },
        severity: { DataType: 'String', StringValue: 'critical' },
      },
    });
    const emails = publishes()
      .map((p) => (JSON.parse(p.Message ?? '{}') as { email: string }).email)
      .join('\n');
    for (const n of alarms) expect(emails).toContain(n.title);
  });

  it('returns the messages of a group SNS throttled as batch item failures', async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }));
    const response = await emailFunction()(queued(storm(3)), lambdaContext);
    expect(failedIds(response)).toEqual(['message-0', 'message-1', 'message-2']);
  });
});
