import { describe, expect, it } from 'vitest';
import { type EventPattern, matchesEventPattern } from '../../../../../src/lib/core/sources/cloudtrail';

const event = {
  source: 'aws.ec2',
  detail: {
    eventName: 'AuthorizeSecurityGroupIngress',
    errorCode: 'Client.UnauthorizedOperation',
    userIdentity: { type: 'AssumedRole' },
    sourceIPAddress: '10.1.2.3',
    requestParameters: { ipPermissions: { items: [{ fromPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } },
  },
};

describe('cloudtrail: EventBridge pattern matching', () => {
  it.each<[string, EventPattern, boolean]>([
    ['exact value', { source: ['aws.ec2'] }, true],
    ['any of the values', { source: ['aws.s3', 'aws.ec2'] }, true],
    ['another value', { source: ['aws.s3'] }, false],
    ['prefix', { source: [{ prefix: 'aws.' }] }, true],
    ['suffix', { detail: { errorCode: [{ suffix: 'UnauthorizedOperation' }] } }, true],
    ['prefix not matching', { detail: { errorCode: [{ prefix: 'AccessDenied' }] } }, false],
    ['prefix ignoring case', { source: [{ prefix: { 'equals-ignore-case': 'AWS.' } }] }, true],
    [
      'equals-ignore-case',
      { detail: { eventName: [{ 'equals-ignore-case': 'authorizesecuritygroupingress' }] } },
      true,
    ],
    ['wildcard', { detail: { eventName: [{ wildcard: 'Authorize*Ingress' }] } }, true],
    ['exists: false on a missing field', { detail: { userIdentity: { invokedBy: [{ exists: false }] } } }, true],
    ['exists: false on a present field', { detail: { errorCode: [{ exists: false }] } }, false],
    ['exists: true', { detail: { errorCode: [{ exists: true }] } }, true],
    ['anything-but', { detail: { userIdentity: { type: [{ 'anything-but': 'Root' }] } } }, true],
    [
      'anything-but a list',
      { detail: { userIdentity: { type: [{ 'anything-but': ['Root', 'AssumedRole'] }] } } },
      false,
    ],
    ['anything-but on a missing field', { detail: { eventType: [{ 'anything-but': 'AwsServiceEvent' }] } }, false],
    ['cidr', { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/8' }] } }, true],
    [
      'numeric range',
      {
        detail: { requestParameters: { ipPermissions: { items: { fromPort: [{ numeric: ['>=', 0, '<', 1024] }] } } } },
      },
      true,
    ],
    [
      'arrays are flattened',
      {
        detail: { requestParameters: { ipPermissions: { items: { ipRanges: { items: { cidrIp: ['0.0.0.0/0'] } } } } } },
      },
      true,
    ],
    ['every key must match', { source: ['aws.ec2'], detail: { eventName: ['RunInstances'] } }, false],
  ])('%s', (_name, pattern, expected) => {
    expect(matchesEventPattern(pattern, event)).toBe(expected);
  });
});
