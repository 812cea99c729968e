import { describe, expect, it } from 'vitest';
import { cloudTrailEventUrl, iamPrincipalUrl } from '../../../../../src/lib/core/sources/cloudtrail';

describe('cloudtrail: console links', () => {
  it.each([
    ['us-east-1', 'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/e-1'],
    ['cn-north-1', 'https://cn-north-1.console.amazonaws.cn/cloudtrailv2/home?region=cn-north-1#/events/e-1'],
    [
      'us-gov-west-1',
      'https://us-gov-west-1.console.amazonaws-us-gov.com/cloudtrailv2/home?region=us-gov-west-1#/events/e-1',
    ],
  ])('CloudTrail event history in %s', (region, url) => {
    expect(cloudTrailEventUrl({ eventId: 'e-1', region })).toBe(url);
  });

  it.each([
    [
      { kind: 'user', name: 'alice', arn: 'arn:aws:iam::1:user/alice' },
      'https://console.aws.amazon.com/iam/home#/users/details/alice',
    ],
    [
      { kind: 'role', name: 'Operator', arn: 'arn:aws-cn:sts::1:assumed-role/Operator/s' },
      'https://console.amazonaws.cn/iam/home#/roles/details/Operator',
    ],
    [
      { kind: 'user', name: 'bob', region: 'us-gov-west-1' },
      'https://console.amazonaws-us-gov.com/iam/home#/users/details/bob',
    ],
    [
      { kind: 'user', name: 'a+b@example.com' },
      'https://console.aws.amazon.com/iam/home#/users/details/a%2Bb%40example.com',
    ],
  ] as const)('IAM principal %j', (principal, url) => {
    expect(iamPrincipalUrl(principal)).toBe(url);
  });
});
