import { encodeUriComponent } from './encode';
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
  return `${consoleOrigin(region, partition)}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeUriComponent(name)}`;
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

/** Where a finding or event lives: its region and, when known, the partition from its ARN. */
interface Place {
  region: string;
  partition?: string | undefined;
}

/**
 * Security Hub's and Inspector's console filter `Id is <value>` (`%5C` escapes doubled, as the
 * console writes them in its own links).
 */
const equalsFilter = (key: string, value: string) =>
  `${key}%3D%255Coperator%255C%253AEQUALS%255C%253A${encodeUriComponent(encodeUriComponent(value))}`;

/**
 * Deep link to one GuardDuty finding (the findings list with the finding open).
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings.html
 *
 * @example guardDutyFindingUrl({ id: 'a6bf', region: 'eu-west-2' })
 * // "https://eu-west-2.console.aws.amazon.com/guardduty/home?region=eu-west-2#/findings?macros=current&fId=a6bf"
 */
export function guardDutyFindingUrl(finding: Place & { id: string }): string {
  const { id, region, partition } = finding;
  return `${consoleOrigin(region, partition)}/guardduty/home?region=${region}#/findings?macros=current&fId=${encodeUriComponent(id)}`;
}

/**
 * Deep link to one Security Hub finding (the findings list filtered to its Id).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-viewing.html
 *
 * @example securityHubFindingUrl({ id: 'arn:aws:securityhub:…/finding/482e', region: 'ap-southeast-2' })
 */
export function securityHubFindingUrl(finding: Place & { id: string }): string {
  const { id, region, partition } = finding;
  return `${consoleOrigin(region, partition)}/securityhub/home?region=${region}#/findings?search=${equalsFilter('Id', id)}`;
}

/**
 * Deep link to one Amazon Inspector finding (all findings filtered to its ARN).
 * @see https://docs.aws.amazon.com/inspector/latest/user/findings-understanding-details.html
 *
 * @example inspectorFindingUrl({ arn: 'arn:aws:inspector2:eu-central-1:1:finding/x', region: 'eu-central-1' })
 */
export function inspectorFindingUrl(finding: Place & { arn: string }): string {
  const { arn, region, partition } = finding;
  return `${consoleOrigin(region, partition)}/inspector/v2/home?region=${region}#/findings/all?search=${equalsFilter('findingArn', arn)}`;
}

/**
 * Deep link to one IAM Access Analyzer finding of an analyzer.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings-view.html
 *
 * @example accessAnalyzerFindingUrl({ analyzerArn: 'arn:aws:access-analyzer:us-west-2:1:analyzer/A', id: 'f1', region: 'us-west-2' })
 */
export function accessAnalyzerFindingUrl(finding: Place & { analyzerArn: string; id: string }): string {
  const { analyzerArn, id, region, partition } = finding;
  return `${consoleOrigin(region, partition)}/access-analyzer/home?region=${region}#/findings/details/${encodeUriComponent(analyzerArn)}/${encodeUriComponent(id)}`;
}

/**
 * Deep link to one AWS Health event in the account's event log.
 * @see https://docs.aws.amazon.com/health/latest/ug/aws-health-dashboard-status.html
 *
 * @example healthEventUrl({ arn: 'arn:aws:health:us-east-1::event/EC2/X/1', region: 'us-east-1' })
 */
export function healthEventUrl(event: Place & { arn: string }): string {
  const { arn, region, partition } = event;
  return `${consoleOrigin(region, partition)}/health/home?region=${region}#/account/event-log?eventID=${encodeUriComponent(arn)}&eventTab=details`;
}
