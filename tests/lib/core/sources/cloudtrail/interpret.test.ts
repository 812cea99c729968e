import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../../src/lib/core/errors';
import { defaultRuleSet, interpretApiCall } from '../../../../../src/lib/core/sources/cloudtrail';
import { fixtureEvent, wrapRecord } from './fixtures';
import { baseRecord, call } from './records';

const ctx = { locale: 'en', timeZone: 'UTC', now: new Date('2025-01-01T00:00:00Z') } as const;
const interpret = (event: unknown) => interpretApiCall(event, ctx, defaultRuleSet);

describe('cloudtrail: interpretApiCall', () => {
  it('stays quiet for a routine read-only call, saying why', () => {
    const unauthorized = fixtureEvent('fivexl-unauthorized_operation.json');
    const detail = unauthorized.detail as Record<string, unknown>;
    delete detail.errorCode;
    delete detail.errorMessage;
    expect(interpret(unauthorized)).toEqual({
      kind: 'ignored',
      rule: 'no-rule-matches',
      reason: 'no rule matches ec2.amazonaws.com DescribeInstances',
    });
  });

  it('lays out an API call in a fixed order with links to CloudTrail and IAM', () => {
    const result = interpret(
      call('cloudtrail.amazonaws.com', 'StopLogging', { requestParameters: { name: 'management-events' } }),
    );
    if (result.kind !== 'notification') throw new Error('expected a notification');
    const n = result.notification;
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

  it('shows the error code and message of a failed call', () => {
    const result = interpret(
      call('s3.amazonaws.com', 'PutBucketAcl', { errorCode: 'AccessDenied', errorMessage: 'Access Denied' }),
    );
    expect(result.kind === 'notification' && result.notification.fields.find((f) => f.label === 'Result')?.value).toBe(
      'AccessDenied: Access Denied',
    );
  });

  it('names the caller account when it differs from the recording account', () => {
    const result = interpret(
      call('iam.amazonaws.com', 'CreateUser', {
        userIdentity: { ...baseRecord.userIdentity, accountId: '777788889999' },
      }),
    );
    expect(result.kind === 'notification' && result.notification.fields.find((f) => f.label === 'Account')?.value).toBe(
      '111122223333 (caller account: 777788889999)',
    );
  });

  it.each<[string, unknown, string]>([
    ['a string', 'StopLogging', 'a CloudTrail EventBridge event must be a JSON object'],
    ['an array', [], 'a CloudTrail EventBridge event must be a JSON object'],
    [
      'no detail',
      { 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.ec2' },
      'detail: is missing or not an object',
    ],
    ['no event name', wrapRecord({ eventSource: 'ec2.amazonaws.com' }), 'detail.eventName: is missing or not a string'],
    [
      'a numeric event source',
      wrapRecord({ eventSource: 7, eventName: 'X' }),
      'detail.eventSource: is missing or not a string',
    ],
    [
      'another detail-type',
      { ...call('ec2.amazonaws.com', 'X'), 'detail-type': 'EC2 Instance State-change Notification' },
      'detail-type: "EC2 Instance State-change Notification" is not one of AWS API Call via CloudTrail, AWS Console Sign In via CloudTrail',
    ],
  ])('rejects %s with an InputError naming the field', (_name, input, message) => {
    expect(() => interpret(input)).toThrow(InputError);
    expect(() => interpret(input)).toThrow(message);
  });

  it('ignores CloudTrail Insights events by name', () => {
    expect(interpret({ ...call('ec2.amazonaws.com', 'X'), 'detail-type': 'AWS Insight via CloudTrail' })).toMatchObject(
      {
        kind: 'ignored',
        rule: 'unsupported-detail-type',
      },
    );
  });

  it('never throws anything but an InputError on arbitrary CloudTrail-shaped input', () => {
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
    fc.assert(
      fc.property(fc.oneof(envelope, fc.anything()), (input) => {
        try {
          const result = interpret(input);
          expect(['notification', 'ignored']).toContain(result.kind);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
