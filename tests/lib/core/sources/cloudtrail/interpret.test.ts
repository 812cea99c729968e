import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../../src/lib/core/errors';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { sources } from '../../../../../src/lib/core/sources';
import { defaultRuleSet } from '../../../../../src/lib/core/sources/cloudtrail';
import { processEvent } from '../../../../../src/lib/pipeline';
import { fixtureEvent, wrapRecord } from './fixtures';
import { baseRecord, call } from './records';

const ctx = { locale: 'en', timeZone: 'UTC', now: new Date('2025-01-01T00:00:00Z') } as const;
/** An event through the production path: processEvent → classify → the API-call route. */
const run = (event: unknown) => processEvent(event, { sources, ctx, ruleSet: defaultRuleSet });
/** The one notification an event becomes. */
async function notificationOf(event: unknown) {
  const { notifications, ignored, errors } = await run(event);
  expect([ignored, errors]).toEqual([[], []]);
  expect(notifications).toHaveLength(1);
  return notifications[0]!;
}

describe('cloudtrail: API calls through processEvent', () => {
  it('stays quiet for a routine read-only call, saying why', async () => {
    const unauthorized = fixtureEvent('fivexl-unauthorized_operation.json');
    const detail = unauthorized.detail as Record<string, unknown>;
    delete detail.errorCode;
    delete detail.errorMessage;
    expect(await run(unauthorized)).toEqual({
      notifications: [],
      ignored: [{ rule: 'no-rule-matches', reason: 'no rule matches ec2.amazonaws.com DescribeInstances', path: '' }],
      errors: [],
    });
  });

  it('lays out an API call in a fixed order with links to CloudTrail and IAM', async () => {
    const n = await notificationOf(
      call('cloudtrail.amazonaws.com', 'StopLogging', { requestParameters: { name: 'management-events' } }),
    );
    expect(n.title).toBe('StopLogging on trail management-events by alice');
    expect(n.fields[0]?.value).toContain('alice (IAM user, no MFA)');
    expect(n.fields.map((f) => f.label)).toEqual([
      'Who',
      'Via',
      'What',
      'Target',
      'Result',
      'Source IP',
      'When',
      'Rule',
    ]);
    expect([n.account, n.region]).toEqual(['111122223333', 'us-east-1']);
    expect(n.links.map((l) => l.url)).toEqual([
      'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/11111111-2222-4333-8444-555555555555',
      'https://console.aws.amazon.com/iam/home#/users/details/alice',
    ]);
    expect([n.severity, n.category, n.dedupeKey]).toEqual([
      'critical',
      'api-call',
      'api-call:11111111-2222-4333-8444-555555555555',
    ]);
  });

  it('shows the error code and message of a failed call', async () => {
    const n = await notificationOf(
      call('s3.amazonaws.com', 'PutBucketAcl', { errorCode: 'AccessDenied', errorMessage: 'Access Denied' }),
    );
    expect(n.fields.find((f) => f.label === 'Result')?.value).toBe('AccessDenied: Access Denied');
  });

  it('names the caller account when it differs from the recording account', async () => {
    const n = await notificationOf(
      call('iam.amazonaws.com', 'CreateUser', {
        userIdentity: { ...baseRecord.userIdentity, accountId: '777788889999' },
      }),
    );
    expect(n.fields.find((f) => f.label === 'Account')?.value).toBe('111122223333 (caller account: 777788889999)');
  });

  it.each<[string, unknown, string, string]>([
    [
      'a detail that is not an object',
      { 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.ec2', detail: 'x' },
      'detail',
      'detail: is missing or not an object',
    ],
    [
      'no event name',
      wrapRecord({ eventSource: 'ec2.amazonaws.com' }),
      'detail.eventName',
      'detail.eventName: is missing or not a string',
    ],
    [
      'a numeric event source',
      wrapRecord({ eventSource: 7, eventName: 'X' }),
      'detail.eventSource',
      'detail.eventSource: is missing or not a string',
    ],
    [
      'a numeric EventBridge source',
      { ...call('ec2.amazonaws.com', 'X'), source: 7 },
      'source',
      'source: is missing or not a string',
    ],
    [
      'a raw record without an event name',
      { eventVersion: '1.08', eventTime: '2025-03-04T05:06:07Z', eventSource: 'ec2.amazonaws.com' },
      'detail.eventName',
      'detail.eventName: is missing or not a string',
    ],
  ])('rejects a CloudTrail event with %s with an InputError naming %s', async (_name, input, path, message) => {
    await expect(run(input)).rejects.toBeInstanceOf(InputError);
    await expect(run(input)).rejects.toMatchObject({ path, message: expect.stringContaining(message) });
  });

  it('leaves an event of another detail-type to the generic interpreter', async () => {
    const event = { ...call('ec2.amazonaws.com', 'X'), 'detail-type': 'EC2 Instance State-change Notification' };
    expect(await notificationOf(event)).toMatchObject({
      category: 'event',
      source: { type: 'aws.ec2/EC2 Instance State-change Notification' },
    });
  });

  it('renders a CloudTrail Insights event as a generic event notification, not as an API call', async () => {
    const insight = { ...call('ec2.amazonaws.com', 'X'), 'detail-type': 'AWS Insight via CloudTrail' };
    expect(await notificationOf(insight)).toMatchObject({ category: 'event', severity: 'info' });
  });

  // Found by the property below: an envelope value with its own `toString` once crashed the dispatcher.
  it('settles an EventBridge-shaped event whose detail-type is an object with its own toString', async () => {
    const outcome = await run({ 'detail-type': { toString: 1 }, source: 'aws.ec2', detail: {} }).then(
      () => 'settled',
      (error: unknown) => (error instanceof InputError ? 'settled' : String(error)),
    );
    expect(outcome).toBe('settled');
  });

  it('never throws anything but an InputError on arbitrary CloudTrail-shaped input', async () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('Root', 'IAMUser', 'AssumedRole', 'AWSService', 'StopLogging', 'Yes', 'true'),
    );
    const identity = fc.record(
      {
        type: fc.oneof(text, fc.anything()),
        arn: fc.oneof(text, fc.constant('arn:aws:sts::1:assumed-role/r/s')),
        userName: fc.anything(),
        invokedBy: fc.anything(),
        sessionContext: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const record = fc.record(
      {
        eventSource: fc.oneof(
          fc.constantFrom('ec2.amazonaws.com', 'signin.amazonaws.com', 'iam.amazonaws.com', 's3.amazonaws.com'),
          fc.anything(),
        ),
        eventName: fc.oneof(
          fc.constantFrom(
            'AuthorizeSecurityGroupIngress',
            'ConsoleLogin',
            'AttachUserPolicy',
            'PutBucketPolicy',
            'StopLogging',
          ),
          fc.anything(),
        ),
        userIdentity: fc.oneof(identity, fc.anything()),
        errorCode: fc.oneof(fc.constantFrom('AccessDenied', 'Client.UnauthorizedOperation'), fc.anything()),
        requestParameters: fc.oneof(
          fc.object(),
          fc.anything(),
          fc.constant({ ipPermissions: { items: [{ ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } }),
        ),
        responseElements: fc.anything(),
        additionalEventData: fc.anything(),
        eventTime: fc.anything(),
        eventID: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const envelope = fc.record({
      'detail-type': fc.oneof(
        fc.constantFrom('AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail'),
        fc.anything(),
      ),
      source: fc.oneof(fc.constant('aws.ec2'), fc.anything()),
      detail: fc.oneof(record, fc.anything()),
      region: fc.anything(),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(envelope, fc.anything()), async (input) => {
        try {
          const result = await run(input);
          for (const n of result.notifications) notificationSchema.parse(n);
          for (const e of result.errors) expect(e).toBeInstanceOf(InputError);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
