import type { ElasticLoadBalancingV2Client, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import { parseDescribeTargetHealth } from '../core/sources/cloudwatch-alarm/describe-target-health';
import type { HealthCheck, TargetGroupRef, TargetHealthReport } from '../core/sources/cloudwatch-alarm/target-health';
import { describeAwsError } from './aws-errors';
import { sdkClientConfig } from './sdk-client';
import { withTimeout } from './timeout';

/** Reads the health of target groups; never throws (a failure is the report's `error`). */
export type TargetHealthReader = (refs: TargetGroupRef[]) => Promise<TargetHealthReport[]>;

/** Options of {@link createTargetHealthReader}. */
export interface TargetHealthReaderOptions {
  /** Budget of each ELBv2 call; past it the call is aborted and reported as a timeout. */
  timeoutMs: number;
}

/** A client, or a function giving the client for a target group's region (ELBv2 ARNs are regional). */
export type Elbv2ClientSource =
  | ElasticLoadBalancingV2Client
  | ((region: string) => ElasticLoadBalancingV2Client | Promise<ElasticLoadBalancingV2Client>);

let elbv2Sdk: Promise<typeof import('@aws-sdk/client-elastic-load-balancing-v2')> | undefined;
/**
 * The ELBv2 SDK, imported on the first target-group alarm: only those need it, and importing it at
 * init would add its whole load to every cold start of the function.
 */
const loadElbv2Sdk = () => {
  elbv2Sdk ??= import('@aws-sdk/client-elastic-load-balancing-v2');
  return elbv2Sdk;
};

/**
 * The default ELBv2 client for a region, with the handlers' timeouts; the SDK is loaded on first use.
 * @example const client = await elbv2ClientFor('eu-west-1');
 */
export async function elbv2ClientFor(region: string): Promise<ElasticLoadBalancingV2Client> {
  const { ElasticLoadBalancingV2Client } = await loadElbv2Sdk();
  return new ElasticLoadBalancingV2Client(sdkClientConfig({ region }));
}

function toHealthCheck(group: TargetGroup | undefined): HealthCheck | undefined {
  if (!group) return undefined;
  const check: HealthCheck = {
    protocol: group.HealthCheckProtocol,
    port: group.HealthCheckPort,
    path: group.HealthCheckPath,
    matcher: group.Matcher?.HttpCode ?? group.Matcher?.GrpcCode,
  };
  const defined = Object.entries(check).filter(([, value]) => value !== undefined);
  return defined.length > 0 ? (Object.fromEntries(defined) as HealthCheck) : undefined;
}

async function readOne(client: ElasticLoadBalancingV2Client, ref: TargetGroupRef, timeoutMs: number) {
  const { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } = await loadElbv2Sdk();
  const [health, groups] = await Promise.allSettled([
    withTimeout(timeoutMs, (abortSignal) =>
      client.send(new DescribeTargetHealthCommand({ TargetGroupArn: ref.arn }), { abortSignal }),
    ),
    withTimeout(timeoutMs, (abortSignal) =>
      client.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [ref.arn] }), { abortSignal }),
    ),
  ]);
  if (health.status === 'rejected') {
    return { targetGroup: ref, targets: [], error: describeAwsError(health.reason) };
  }
  const targets = parseDescribeTargetHealth({ TargetHealthDescriptions: health.value?.TargetHealthDescriptions ?? [] });
  // The health check settings only explain the states; without them the report is still complete.
  const healthCheck = groups.status === 'fulfilled' ? toHealthCheck(groups.value?.TargetGroups?.[0]) : undefined;
  return { targetGroup: ref, targets, ...(healthCheck ? { healthCheck } : {}) };
}

/**
 * Creates the enrichment the pipeline calls for ALB/NLB target-group alarms: DescribeTargetHealth
 * and DescribeTargetGroups for every group, all in parallel, each call bounded by `timeoutMs`.
 * Never throws: AccessDenied, throttling, a timeout or any other failure becomes
 * `{ targetGroup, targets: [], error: "<ErrorName>: <short message>" }`.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetHealth.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetGroups.html
 * @example
 * const read = createTargetHealthReader(new ElasticLoadBalancingV2Client({}), { timeoutMs: 2000 });
 * const reports = await read([ref]);
 */
export function createTargetHealthReader(
  client: Elbv2ClientSource,
  { timeoutMs }: TargetHealthReaderOptions,
): TargetHealthReader {
  const clientFor = typeof client === 'function' ? client : () => client;
  return function readTargetHealth(refs) {
    return Promise.all(
      refs.map((ref) =>
        Promise.resolve(ref.region)
          .then((region) => clientFor(region))
          .then((regional) => readOne(regional, ref, timeoutMs))
          .catch(
            (error: unknown): TargetHealthReport => ({ targetGroup: ref, targets: [], error: describeAwsError(error) }),
          ),
      ),
    );
  };
}
