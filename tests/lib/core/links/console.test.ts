import { describe, expect, it } from 'vitest';
import { alarmConsoleUrl, consoleOrigin, targetGroupConsoleUrl } from '../../../../src/lib/core/links/console';
import { parseArn, partitionOfArn, partitionOfRegion } from '../../../../src/lib/core/links/partition';

describe('links: console', () => {
  it.each([
    ['us-east-1', undefined, 'https://us-east-1.console.aws.amazon.com'],
    ['ap-northeast-1', 'aws', 'https://ap-northeast-1.console.aws.amazon.com'],
    ['cn-north-1', undefined, 'https://cn-north-1.console.amazonaws.cn'],
    ['cn-northwest-1', 'aws-cn', 'https://cn-northwest-1.console.amazonaws.cn'],
    ['us-gov-west-1', undefined, 'https://us-gov-west-1.console.amazonaws-us-gov.com'],
    ['us-gov-east-1', 'not-a-partition', 'https://us-gov-east-1.console.amazonaws-us-gov.com'],
  ])('console origin of %s (partition %s) is %s', (region, partition, origin) => {
    expect(consoleOrigin(region, partition)).toBe(origin);
  });

  it.each([
    [
      { name: 'ServerCpuTooHigh', region: 'us-east-1' },
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh',
    ],
    [
      { name: 'EC2-i-xxxxxxx-/-High SpaceUsage', region: 'eu-west-1' },
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/EC2-i-xxxxxxx-%2F-High%20SpaceUsage',
    ],
    [
      { name: 'gov', region: 'us-gov-west-1', partition: 'aws-us-gov' },
      'https://us-gov-west-1.console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#alarmsV2:alarm/gov',
    ],
    [
      { name: '日本語アラーム', region: 'cn-north-1' },
      'https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#alarmsV2:alarm/%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%82%A2%E3%83%A9%E3%83%BC%E3%83%A0',
    ],
  ])('alarm link for %j', (alarm, url) => {
    expect(alarmConsoleUrl(alarm)).toBe(url);
  });

  it.each([
    [
      'arn:aws:elasticloadbalancing:us-east-2:811322200214:targetgroup/web/7c25fe0e5ca71022',
      'us-east-2',
      'https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2#TargetGroup:targetGroupArn=arn:aws:elasticloadbalancing:us-east-2:811322200214:targetgroup/web/7c25fe0e5ca71022',
    ],
    [
      'arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:targetgroup/web/73e2d6bc24d8a067',
      'cn-north-1',
      'https://cn-north-1.console.amazonaws.cn/ec2/home?region=cn-north-1#TargetGroup:targetGroupArn=arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:targetgroup/web/73e2d6bc24d8a067',
    ],
  ])('target group link for %s', (arn, region, url) => {
    expect(targetGroupConsoleUrl({ arn, region })).toBe(url);
  });

  it.each([
    ['arn:aws:sns:us-east-1:123456789012:t', 'aws'],
    ['arn:aws-cn:sns:cn-north-1:123456789012:t', 'aws-cn'],
    ['arn:aws-us-gov:sns:us-gov-west-1:123456789012:t', 'aws-us-gov'],
    ['arn:aws-iso:sns:us-iso-east-1:123456789012:t', undefined],
    ['not an arn', undefined],
  ])('partition of ARN %s is %s', (arn, partition) => {
    expect(partitionOfArn(arn)).toBe(partition);
  });

  it.each([
    ['us-east-1', 'aws'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-east-1', 'aws-us-gov'],
  ])('partition of region %s is %s', (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });

  it('keeps colons inside the resource part of an ARN', () => {
    expect(parseArn('arn:aws:cloudwatch:us-east-1:123456789012:alarm:a:b')).toEqual({
      partition: 'aws',
      service: 'cloudwatch',
      region: 'us-east-1',
      account: '123456789012',
      resource: 'alarm:a:b',
    });
    expect(parseArn('arn:aws:short')).toBeUndefined();
  });
});
