import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alarmFromSnsMessage } from '../../../../../src/lib/core/sources/cloudwatch-alarm/from-sns-message';
import { targetGroupsOf } from '../../../../../src/lib/core/sources/cloudwatch-alarm/target-groups';

const message = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(
      new URL('../../../../fixtures/cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json', import.meta.url),
      'utf8',
    ),
  );

describe('alarm: target groups', () => {
  it('builds the target group ARN from the dimensions, account and region', () => {
    expect(targetGroupsOf(alarmFromSnsMessage(message(), ''))).toEqual([
      {
        arn: 'arn:aws:elasticloadbalancing:us-east-2:811322200214:targetgroup/smith-poc-nodejs-restart-tg/7c25fe0e5ca71022',
        name: 'smith-poc-nodejs-restart-tg',
        loadBalancer: 'app/smith-poc-nodejs-restart-alb/8aea219e2c2c6eb3',
        region: 'us-east-2',
        account: '811322200214',
        partition: 'aws',
      },
    ]);
  });

  it.each([['AWS/NetworkELB'], ['AWS/GatewayELB']])('also reads %s metrics', (namespace) => {
    const m = message();
    (m.Trigger as Record<string, unknown>).Namespace = namespace;
    expect(targetGroupsOf(alarmFromSnsMessage(m, ''))).toHaveLength(1);
  });

  it('uses the partition of the region (GovCloud)', () => {
    const m = { ...message(), Region: 'AWS GovCloud (US-West)' };
    expect(targetGroupsOf(alarmFromSnsMessage(m, ''))[0]?.arn).toMatch(
      /^arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:/,
    );
  });

  it.each([
    ['another namespace', { Namespace: 'AWS/EC2' }],
    ['no TargetGroup dimension', { Dimensions: [{ name: 'LoadBalancer', value: 'app/x/1' }] }],
    ['a malformed TargetGroup dimension', { Dimensions: [{ name: 'TargetGroup', value: 'web' }] }],
  ])('finds none for %s', (_, change) => {
    const m = message();
    m.Trigger = { ...(m.Trigger as object), ...change };
    expect(targetGroupsOf(alarmFromSnsMessage(m, ''))).toEqual([]);
  });

  it('finds none when the account or region is unknown', () => {
    expect(targetGroupsOf(alarmFromSnsMessage({ ...message(), Region: 'Atlantis' }, ''))).toEqual([]);
    expect(targetGroupsOf(alarmFromSnsMessage({ ...message(), AWSAccountId: null }, ''))).toEqual([]);
  });
});
