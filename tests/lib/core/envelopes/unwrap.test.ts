import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../src/lib/core/envelopes/unwrap';
import { InputError } from '../../../../src/lib/core/errors';

const fixture = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8'));

describe('envelopes: unwrap', () => {
  it('gives one item per SNS record, each named by its path', () => {
    const { items, errors } = unwrap(fixture('sns/aws-backup-sns-event-multi-records.json'));
    expect(errors).toEqual([]);
    expect(items.map((i) => i.path)).toEqual([0, 1, 2, 3].map((n) => `Records[${n}].Sns.Message`));
    expect(items[1]?.payload).toMatch(/^An AWS Backup job failed\./);
    expect(items[1]?.envelope).toMatchObject({
      kind: 'sns-lambda',
      subject: 'Notification from AWS Backup',
      attributes: { EventType: 'BACKUP_JOB', State: 'FAILED' },
    });
  });

  it('parses a JSON message (a classic alarm message) and keeps plain text as text', () => {
    const alarm = unwrap(fixture('sns/cloudwatch-alarm-alb-unhealthyhostcount-ALARM-sns-event.json')).items[0];
    expect(alarm?.payload).toMatchObject({
      AlarmName: 'awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts',
    });
    const text = unwrap(fixture('sns/plain-text-multiline-sns-event.json')).items[0];
    expect(text?.payload).toBe('This\nis\na typical multi-line\nmessage from SNS!\n\nHave a ~good~ amazing day! :)');
  });

  it('unwraps an EventBridge event sent on through SNS (EventBridge → SNS → Lambda)', () => {
    const event = fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
    const input = structuredClone(fixture('sns/generic-sns-event-powertools-ts.json')) as {
      Records: Array<{ Sns: { Message: string } }>;
    };
    input.Records[0]!.Sns.Message = JSON.stringify(event);
    expect(unwrap(input).items[0]?.payload).toEqual(event);
  });

  it('keeps only readable (String) message attributes', () => {
    const item = unwrap(fixture('sns/generic-sns-event-powertools-ts.json')).items[0];
    expect(item?.envelope?.attributes).toEqual({ Test: 'TestString' });
  });

  it('unwraps an SNS HTTP body into its message', () => {
    const item = unwrap(fixture('sns/http-notification-cloudwatch-alarm-s3-ALARM-alerta.json')).items[0];
    expect(item).toMatchObject({
      path: 'Message',
      isMessage: true,
      envelope: { kind: 'sns-http', type: 'Notification' },
    });
    expect(item?.payload).toMatchObject({ AlarmName: 'bucketbytesAlarm' });
  });

  it('passes other objects through as themselves, not as messages', () => {
    const event = fixture('health/eventbridge-health-ec2-operational-issue-PUBLIC-docs.json');
    expect(unwrap(event)).toEqual({ items: [{ path: '', payload: event, isMessage: false }], errors: [] });
  });

  it('treats a bare string as a message body, parsing JSON text', () => {
    expect(unwrap('Budget exceeded').items).toEqual([{ path: '', payload: 'Budget exceeded', isMessage: true }]);
    expect(unwrap('{"a":1}').items[0]?.payload).toEqual({ a: 1 });
    expect(unwrap('[1,2]').items[0]?.payload).toBe('[1,2]');
    expect(unwrap('{not json').items[0]?.payload).toBe('{not json');
  });

  it('reports a broken record by its path and still unwraps the others', () => {
    const input = structuredClone(fixture('sns/aws-backup-sns-event-multi-records.json')) as {
      Records: Array<Record<string, unknown> & { Sns: Record<string, unknown> }>;
    };
    delete input.Records[2]!.Sns.Message;
    input.Records[3]!.EventSource = 'aws:sqs';
    const { items, errors } = unwrap(input);
    expect(items.map((i) => i.path)).toEqual(['Records[0].Sns.Message', 'Records[1].Sns.Message']);
    expect(errors.map((e) => e.path)).toEqual(['Records[2].Sns.Message', 'Records[3].EventSource']);
    expect(errors.every((e) => e instanceof InputError && e.cause !== undefined)).toBe(true);
  });

  it.each([
    ['a number', 42, ''],
    ['null', null, ''],
    ['an array', [1, 2], ''],
    ['a boolean', true, ''],
    ['an empty string', '  ', ''],
    ['Records that are not an array', { Records: 'nope' }, 'Records'],
    ['an SNS HTTP body of an unknown Type', { Type: 'Weird', MessageId: 'm', TopicArn: 't', Message: '' }, 'Type'],
  ])('rejects %s with an InputError naming the path', (_, input, path) => {
    expect(() => unwrap(input)).toThrow(InputError);
    try {
      unwrap(input);
    } catch (error) {
      expect((error as InputError).path).toBe(path);
    }
  });

  it('reports non-object records', () => {
    const { items, errors } = unwrap({ Records: [7, null] });
    expect(items).toEqual([]);
    expect(errors.map((e) => e.path)).toEqual(['Records[0]', 'Records[1]']);
  });
});

describe('unwrap: CloudTrail records', () => {
  const record = {
    eventVersion: '1.08',
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    eventID: 'e-1',
    eventTime: '2024-01-01T00:00:00Z',
    awsRegion: 'eu-west-1',
    recipientAccountId: '111122223333',
    userIdentity: { type: 'Root' },
  };

  it('wraps a raw record as the EventBridge event AWS would deliver', () => {
    const { items } = unwrap(record);
    expect(items).toHaveLength(1);
    expect(items[0]?.payload).toMatchObject({
      id: 'e-1',
      'detail-type': 'AWS API Call via CloudTrail',
      source: 'aws.cloudtrail',
      account: '111122223333',
      region: 'eu-west-1',
      detail: record,
    });
  });

  it('reads a log file ({"Records": [...]}) as one event per record, at Records[i]', () => {
    const signIn = {
      ...record,
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
    };
    const { items, errors } = unwrap({ Records: [record, signIn] });
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.path, (i.payload as Record<string, unknown>)['detail-type']])).toEqual([
      ['Records[0]', 'AWS API Call via CloudTrail'],
      ['Records[1]', 'AWS Console Sign In via CloudTrail'],
    ]);
  });

  it('reports a log record nested too deep by its index and still reads the others', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { k: deep };
    const { items, errors } = unwrap({ Records: [record, { ...record, requestParameters: deep }, record] });
    expect(items.map((i) => i.path)).toEqual(['Records[0]', 'Records[2]']);
    expect(errors.map((e) => e.path)).toEqual([`Records[1].requestParameters${'.k'.repeat(63)}`]);
  });

  it('still reads Records of SNS notifications as an SNS event', () => {
    const { items } = unwrap({ Records: [{ EventSource: 'aws:sns', Sns: { Message: 'hello', MessageId: 'm' } }] });
    expect(items[0]).toMatchObject({ path: 'Records[0].Sns.Message', payload: 'hello' });
  });
});

describe('unwrap: empty batches', () => {
  it('rejects an SNS event with no records instead of reporting success with nothing done', () => {
    expect(() => unwrap({ Records: [] })).toThrow(/Records: no records/);
  });
});
