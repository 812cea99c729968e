import type { Alarm } from './model';
import type { TargetGroupRef } from './target-health';

/**
 * Namespaces whose metrics carry `TargetGroup` / `LoadBalancer` dimensions.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-cloudwatch-metrics.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/cloudwatch-metrics.html
 */
const LOAD_BALANCER_NAMESPACES: ReadonlySet<string> = new Set([
  'AWS/ApplicationELB',
  'AWS/NetworkELB',
  'AWS/GatewayELB',
]);

/** The dimension value is the ARN's resource part: `targetgroup/{name}/{id}`. */
const TARGET_GROUP_DIMENSION = /^targetgroup\/([^/]+)\/([0-9a-f]+)$/i;

/**
 * The target groups an alarm's metrics point at, with ARNs built from the dimension, the alarm's
 * account, region and partition. None when the alarm's account or region is unknown.
 *
 * @example targetGroupsOf(alarm)[0].arn
 * // "arn:aws:elasticloadbalancing:us-east-2:811322200214:targetgroup/smith-poc-nodejs-restart-tg/7c25fe0e5ca71022"
 */
export function targetGroupsOf(alarm: Alarm): TargetGroupRef[] {
  const { account, region, partition } = alarm;
  if (!account || !region) return [];
  // Made for the first target group found: most alarms watch none (every alarm is asked, twice).
  let refs: Map<string, TargetGroupRef> | undefined;
  for (const metric of alarm.metrics) {
    if (!metric.namespace || !LOAD_BALANCER_NAMESPACES.has(metric.namespace)) continue;
    const dimension = metric.dimensions.TargetGroup;
    const match = dimension ? TARGET_GROUP_DIMENSION.exec(dimension) : null;
    if (!dimension || !match?.[1]) continue;
    const arn = `arn:${partition}:elasticloadbalancing:${region}:${account}:${dimension}`;
    const loadBalancer = metric.dimensions.LoadBalancer;
    if (!refs) refs = new Map();
    refs.set(arn, { arn, name: match[1], ...(loadBalancer ? { loadBalancer } : {}), region, account, partition });
  }
  return refs ? [...refs.values()] : [];
}
