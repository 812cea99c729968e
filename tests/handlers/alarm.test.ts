import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlarmHandler, main } from '../../src/handlers/alarm';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { ConfigError } from '../../src/lib/core/errors';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { fixture } from '../helpers/fixtures';
import { hostileEvent, hostileMessage, mixedBatch } from '../helpers/hostile';
import { expectOnlyKnownErrors } from '../helpers/known-errors';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:notifications';
const env = { NOTIFICATIONS_TOPIC_ARN: topicArn, TARGET_HEALTH_TIMEOUT_MS: '300' };
const sns = mockClient(SNSClient);
const elbv2 = mockClient(ElasticLoadBalancingV2Client);
let logs: CapturedLogs;
beforeEach(() => {
  sns.reset();
  elbv2.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'message-1' });
  logs = captureLogs();
});
afterEach(() => logs.restore());

const albAlarm = 'sns/cloudwatch-alarm-alb-unhealthyhostcount-ALARM-sns-event.json';
const albTargetGroupArn =
  'arn:aws:elasticloadbalancing:us-east-2:811322200214:targetgroup/smith-poc-nodejs-restart-tg/7c25fe0e5ca71022';

/** The `email` body of the n-th publish. */
function publishedEmail(n = 0): string {
  const input = sns.commandCalls(PublishCommand)[n]?.args[0].input;
  return (JSON.parse(input?.Message ?? '{}') as { email: string }).email;
}

describe('handlers: alarm', () => {
  it('publishes an EventBridge alarm once, as MessageStructure json with category and severity', async () => {
    const handler = createAlarmHandler({ env });
    const summary = await handler(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'));
    expect(summary).toEqual({ published: 1, ignored: 0 });
    expect(sns).toHaveReceivedCommandExactlyOnceWith(PublishCommand, {
      TopicArn: topicArn,
      MessageStructure: 'json',
      Subject: expect.stringContaining('ServerCpuTooHigh'),
      Message: expect.any(String),
      MessageAttributes: {
        category: { DataType: 'String', StringValue: 'alarm' },
        severity: { DataType: 'String', StringValue: expect.stringMatching(/^(critical|warning)$/) },
      },
    });
    const message = JSON.parse(sns.commandCalls(PublishCommand)[0]?.args[0].input.Message ?? '');
    expect(Object.keys(message).sort()).toEqual(['default', 'email', 'lambda', 'sqs']);
    expect(JSON.parse(message.lambda)).toMatchObject({ category: 'alarm', schemaVersion: 1 });
  });

  it('publishes a Lambda alarm action', async () => {
    const handler = createAlarmHandler({ env });
    await handler(fixture('cloudwatch-alarm/lambda-action/metric-math-alarm-ALARM-powertools.json'));
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('reads the target health of an ALB alarm’s group in its region and lists the unhealthy target', async () => {
    elbv2.on(DescribeTargetHealthCommand).resolves({
      TargetHealthDescriptions: fixture('elbv2/target-health-descriptions-ResponseCodeMismatch-InvalidState.json'),
    });
    elbv2
      .on(DescribeTargetGroupsCommand)
      .resolves({ TargetGroups: [{ HealthCheckPath: '/health', Matcher: { HttpCode: '200' } }] });
    const regions: string[] = [];
    const handler = createAlarmHandler({
      env,
      elbv2: (region) => {
        regions.push(region);
        return new ElasticLoadBalancingV2Client({ region });
      },
    });
    await handler(fixture(albAlarm));
    expect(elbv2).toHaveReceivedCommandWith(DescribeTargetHealthCommand, { TargetGroupArn: albTargetGroupArn });
    expect(regions).toEqual(['us-east-2']);
    expect(publishedEmail()).toContain('i-019ebfaf92631c228');
  });

  it('still publishes, with a note, when target health is denied', async () => {
    const denied = Object.assign(
      new Error('User is not authorized to perform: elasticloadbalancing:DescribeTargetHealth'),
      {
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      },
    );
    elbv2.on(DescribeTargetHealthCommand).rejects(denied);
    elbv2.on(DescribeTargetGroupsCommand).rejects(denied);
    await createAlarmHandler({ env })(fixture(albAlarm));
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(publishedEmail()).toContain('AccessDenied');
  });

  it('throws a DeliveryError when the publish fails, so Lambda retries', async () => {
    sns
      .on(PublishCommand)
      .rejects(
        Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException', $metadata: { httpStatusCode: 400 } }),
      );
    const handler = createAlarmHandler({ env });
    const error = await handler(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: true, message: expect.stringContaining('ThrottledException') });
    expect(logs.entries().some((e) => e.message === 'notification not published')).toBe(true);
  });

  it('publishes nothing for an alarm outside the configured prefixes and logs the named ignore', async () => {
    const handler = createAlarmHandler({ env: { ...env, ALARM_NAME_PREFIXES: 'prod-,stg-' } });
    const summary = await handler(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'));
    expect(summary).toEqual({ published: 0, ignored: 1 });
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
    const ignored = logs.entries().filter((e) => e.message === 'input ignored');
    expect(ignored).toEqual([expect.objectContaining({ rule: expect.any(String), reason: expect.any(String) })]);
  });

  it('fails with a ConfigError naming the missing topic', async () => {
    const handler = createAlarmHandler({ env: {} });
    await expect(handler(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'))).rejects.toThrow(
      new ConfigError('NOTIFICATIONS_TOPIC_ARN: is required (the SNS topic notifications are published to)'),
    );
  });

  it('creates the SNS client once per container', async () => {
    let created = 0;
    const handler = createAlarmHandler({
      env,
      sns: () => {
        created++;
        return new SNSClient({});
      },
    });
    await handler(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'));
    await handler(fixture('cloudwatch-alarm/eventbridge-rds-aurora-cpu-OK-from-ALARM.json'));
    expect(created).toBe(1);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
  });

  it('main (what Lambda calls) adds the Lambda context to every log line', async () => {
    vi.stubEnv('NOTIFICATIONS_TOPIC_ARN', topicArn);
    const context = {
      functionName: 'notifier-dev-alarm',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-alarm',
      memoryLimitInMB: '256',
      awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
      getRemainingTimeInMillis: () => 10_000,
    };
    try {
      await main(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'), context as never);
    } finally {
      vi.unstubAllEnvs();
    }
    const published = logs.entries().find((e) => e.message === 'notification published');
    expect(published).toMatchObject({ function_name: 'notifier-dev-alarm', function_request_id: context.awsRequestId });
  });

  it('resolves or fails with a named error for any input (property)', async () => {
    const handler = createAlarmHandler({ env });
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (input) => {
        await expectOnlyKnownErrors(handler(input));
      }),
      { numRuns: 200 },
    );
  });

  it('resolves or fails with a named error for hostile input: deep, lone surrogates, huge (property)', async () => {
    const handler = createAlarmHandler({ env });
    const hostile = fc.oneof(
      hostileEvent,
      hostileMessage,
      mixedBatch.map((b) => b.event),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        await expectOnlyKnownErrors(handler(input));
      }),
      { numRuns: 100 },
    );
  });

  it('publishes every good record of an SNS batch whatever the bad ones hold (property)', async () => {
    const handler = createAlarmHandler({ env });
    await fc.assert(
      fc.asyncProperty(mixedBatch, async ({ event, good }) => {
        sns.resetHistory();
        await expectOnlyKnownErrors(handler(event));
        const ids = sns.commandCalls(PublishCommand).map((call) => {
          const { lambda } = JSON.parse(call.args[0].input.Message ?? '{}') as { lambda: string };
          return (JSON.parse(lambda) as { source: { id?: string } }).source.id;
        });
        for (const i of good) expect(ids).toContain(`message-${i}`);
      }),
      { numRuns: 60 },
    );
  });
});
