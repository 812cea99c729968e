import { consoleOrigin } from '../../links/console';
import { encodeUriComponent } from '../../links/encode';
import {
  isPartition,
  type Partition,
  partitionConsoleHosts,
  partitionOfArn,
  partitionOfRegion,
} from '../../links/partition';

/**
 * Deep link to one event in CloudTrail Event history (management events of the last 90 days).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
 *
 * @example cloudTrailEventUrl({ eventId: 'e1', region: 'us-east-1' })
 * // "https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/e1"
 */
export function cloudTrailEventUrl(event: { eventId: string; region: string; partition?: string }): string {
  const { eventId, region, partition } = event;
  return `${consoleOrigin(region, partition)}/cloudtrailv2/home?region=${region}#/events/${encodeUriComponent(eventId)}`;
}

/** IAM console paths by principal kind. */
const iamPaths = { user: 'users', role: 'roles' } as const;

/**
 * Deep link to an IAM user or role. IAM is global: the link has no region, only the partition's
 * console host (from the principal's ARN, else from the region).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/console.html
 *
 * @example iamPrincipalUrl({ kind: 'user', name: 'alice', arn: 'arn:aws:iam::1:user/alice' })
 * // "https://console.aws.amazon.com/iam/home#/users/details/alice"
 */
export function iamPrincipalUrl(principal: {
  kind: keyof typeof iamPaths;
  name: string;
  arn?: string;
  region?: string;
}): string {
  const fromArn = principal.arn ? partitionOfArn(principal.arn) : undefined;
  const partition: Partition = isPartition(fromArn) ? fromArn : partitionOfRegion(principal.region ?? '');
  return `https://${partitionConsoleHosts[partition]}/iam/home#/${iamPaths[principal.kind]}/details/${encodeUriComponent(principal.name)}`;
}
