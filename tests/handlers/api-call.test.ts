import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiCallHandler, main } from '../../src/handlers/api-call';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { ConfigError, InputError } from '../../src/lib/core/errors';
import { type CapturedLogs, captureLogs } from '../helpers/capture-logs';
import { fixtureEvent } from '../lib/core/sources/cloudtrail/fixtures';
import { call } from '../lib/core/sources/cloudtrail/records';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:notifications';
const env = { NOTIFICATIONS_TOPIC_ARN: topicArn };
const sns = mockClient(SNSClient);
let logs: CapturedLogs;
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'message-1' });
  logs = captureLogs();
});
afterEach(() => logs.restore());

const stopLogging = () => fixtureEvent('elastic-StopLogging-iam-user-console.json');

describe('handlers: api-call', () => {
  it('publishes a StopLogging as a critical api-call notification', async () => {
    const summary = await createApiCallHandler({ env })(stopLogging());
    expect(summary).toEqual({ published: 1, ignored: 0 });
    expect(sns).toHaveReceivedCommandExactlyOnceWith(PublishCommand, {
      TopicArn: topicArn,
      MessageStructure: 'json',
      Subject: expect.stringContaining('StopLogging'),
      Message: expect.any(String),
      MessageAttributes: {
        category: { DataType: 'String', StringValue: 'api-call' },
        severity: { DataType: 'String', StringValue: 'critical' },
      },
    });
    const message = JSON.parse(sns.commandCalls(PublishCommand)[0]?.args[0].input.Message ?? '');
    expect(JSON.parse(message.lambda)).toMatchObject({
      category: 'api-call',
      dedupeKey: expect.stringMatching(/^api-call:/),
    });
  });

  it('writes in the configured locale and time zone', async () => {
    await createApiCallHandler({ env: { ...env, NOTIFIER_LOCALE: 'ja', NOTIFIER_TIME_ZONE: 'Asia/Tokyo' } })(
      stopLogging(),
    );
    const message = JSON.parse(sns.commandCalls(PublishCommand)[0]?.args[0].input.Message ?? '');
    expect(JSON.parse(message.lambda)).toMatchObject({
      locale: 'ja',
      fields: expect.arrayContaining([expect.objectContaining({ label: '日時' })]),
    });
  });

  it('publishes nothing for a routine call and logs why', async () => {
    const summary = await createApiCallHandler({ env })(call('ec2.amazonaws.com', 'DescribeInstances'));
    expect(summary).toEqual({ published: 0, ignored: 1 });
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        message: 'input ignored',
        rule: 'no-rule-matches',
        reason: 'no rule matches ec2.amazonaws.com DescribeInstances',
      }),
    );
  });

  it('applies the ignore rules of NOTIFIER_RULES_FILE first, logging the rule id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notifier-'));
    writeFileSync(
      join(dir, 'rules.json'),
      JSON.stringify({ ignore: [{ id: 'office', sourceIp: '0.0.0.0/0', reason: 'test' }] }),
    );
    const summary = await createApiCallHandler({ env: { ...env, NOTIFIER_RULES_FILE: join(dir, 'rules.json') } })(
      stopLogging(),
    );
    expect(summary).toEqual({ published: 0, ignored: 1 });
    expect(logs.entries()).toContainEqual(expect.objectContaining({ message: 'input ignored', rule: 'office' }));
  });

  it('fails on an invalid rules file, naming the entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notifier-'));
    writeFileSync(join(dir, 'notifier-rules.json'), JSON.stringify({ ignore: [{ sourceIp: '10.0.0.0/33' }] }));
    const handler = createApiCallHandler({ env: { ...env, NOTIFIER_RULES_FILE: join(dir, 'notifier-rules.json') } });
    await expect(handler(stopLogging())).rejects.toThrow(
      new ConfigError('notifier-rules.json: ignore[0].sourceIp: "10.0.0.0/33" is not a CIDR'),
    );
  });

  it('throws a retryable DeliveryError when SNS fails, so Lambda retries', async () => {
    sns
      .on(PublishCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }));
    const error = await createApiCallHandler({ env })(stopLogging()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).retryable).toBe(true);
  });

  it('throws an InputError for an event that is not a CloudTrail event, and logs it', async () => {
    await expect(
      createApiCallHandler({ env })({ 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.ec2' }),
    ).rejects.toThrow(InputError);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ message: 'input could not be processed' }));
  });

  it('fails with a ConfigError naming a missing topic', async () => {
    await expect(createApiCallHandler({ env: {} })(stopLogging())).rejects.toThrow(ConfigError);
  });

  it('exports the middy-wrapped main for Lambda', () => {
    expect(typeof main).toBe('function');
    expect(typeof main.use).toBe('function');
  });
});
