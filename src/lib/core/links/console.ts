import { isPartition, type Partition, partitionConsoleHosts, partitionOfArn, partitionOfRegion } from './partition';

/**
 * The console origin for a region, e.g. `https://us-east-1.console.aws.amazon.com`; the partition
 * comes from `partition` when given and known, else from the region's prefix.
 *
 * @example consoleOrigin('cn-north-1') // "https://cn-north-1.console.amazonaws.cn"
 */
export function consoleOrigin(region: string, partition?: string): string {
  const chosen: Partition = isPartition(partition) ? partition : partitionOfRegion(region);
  return `https://${region}.${partitionConsoleHosts[chosen]}`;
}

/**
 * Deep link to one alarm in the CloudWatch console.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 *
 * @example alarmConsoleUrl({ name: 'web 5xx', region: 'us-east-1' })
 * // "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/web%205xx"
 */
export function alarmConsoleUrl(alarm: { name: string; region: string; partition?: string }): string {
  const { name, region, partition } = alarm;
  return `${consoleOrigin(region, partition)}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(name)}`;
}

/**
 * Deep link to a target group (its Targets tab shows the health of each target) in the EC2 console.
 *
 * @example targetGroupConsoleUrl({ arn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/73e2', region: 'us-east-1' })
 */
export function targetGroupConsoleUrl(targetGroup: { arn: string; region: string }): string {
  const { arn, region } = targetGroup;
  return `${consoleOrigin(region, partitionOfArn(arn))}/ec2/home?region=${region}#TargetGroup:targetGroupArn=${arn}`;
}
