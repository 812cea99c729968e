/**
 * AWS partitions we build console links for, keyed by partition name.
 * @see https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export const partitionConsoleHosts = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
} as const;

export type Partition = keyof typeof partitionConsoleHosts;

/** Region-name prefixes that mean a partition other than `aws`. */
const regionPrefixPartitions = [
  ['us-gov-', 'aws-us-gov'],
  ['cn-', 'aws-cn'],
] as const satisfies ReadonlyArray<readonly [string, Partition]>;

/** A region code, e.g. "us-east-1", "ap-northeast-1", "us-gov-west-1", "cn-north-1". */
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** True when `value` looks like a region code (not a display name such as "US East (Ohio)"). */
export function isRegionCode(value: string | undefined): value is string {
  return value !== undefined && REGION_CODE.test(value);
}

/** True when `value` is a partition we know. */
export function isPartition(value: string | undefined): value is Partition {
  return value !== undefined && Object.hasOwn(partitionConsoleHosts, value);
}

/**
 * The partition a region belongs to, from its prefix (cn-…, us-gov-…); `aws` otherwise.
 *
 * @example partitionOfRegion('cn-north-1') // "aws-cn"
 */
export function partitionOfRegion(region: string): Partition {
  return regionPrefixPartitions.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}

/**
 * The partition named in an ARN (`arn:aws-cn:…`), or undefined when it is not an ARN of a known partition.
 *
 * @example partitionOfArn('arn:aws-us-gov:sns:us-gov-west-1:123456789012:t') // "aws-us-gov"
 */
export function partitionOfArn(arn: string): Partition | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const end = arn.indexOf(':', 4);
  const name = end === -1 ? arn.slice(4) : arn.slice(4, end);
  return isPartition(name) ? name : undefined;
}

/** The parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/**
 * Splits an ARN; the resource keeps any further colons (alarm names may contain them).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 *
 * @example parseArn('arn:aws:cloudwatch:us-east-1:123456789012:alarm:a:b')?.resource // "alarm:a:b"
 */
export function parseArn(arn: string): ArnParts | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}
