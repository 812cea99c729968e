import * as z from '../../schemas/zod';

/**
 * A target group an alarm's metric points at, derived from its `TargetGroup` and `LoadBalancer`
 * dimensions (AWS/ApplicationELB, AWS/NetworkELB, AWS/GatewayELB).
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 */
export const targetGroupRefSchema = z.object({
  /** Full ARN, e.g. arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067 */
  arn: z.string(),
  /** Name part, e.g. "web". */
  name: z.string(),
  /** The LoadBalancer dimension value, e.g. "app/my-alb/50dc6c495c0c9188", when present. */
  loadBalancer: z.optional(z.string()),
  region: z.string(),
  account: z.string(),
  partition: z.string(),
});

/** One target as DescribeTargetHealth reported it, converted to our shape at the adapter border. */
export const targetHealthSchema = z.object({
  id: z.string(),
  port: z.optional(z.number()),
  availabilityZone: z.optional(z.string()),
  /** initial | healthy | unhealthy | unhealthy.draining | unused | draining | unavailable */
  state: z.string(),
  /** e.g. Target.ResponseCodeMismatch */
  reason: z.optional(z.string()),
  /** e.g. "Health checks failed with these codes: [500]" */
  description: z.optional(z.string()),
});

/** How the load balancer checks the group (DescribeTargetGroups), so a reader sees what "unhealthy" means. */
export const healthCheckSchema = z.object({
  protocol: z.optional(z.string()),
  port: z.optional(z.string()),
  path: z.optional(z.string()),
  /** Expected HTTP codes, e.g. "200" or "200-299". */
  matcher: z.optional(z.string()),
});

/**
 * What enrichment learned about one target group: its targets, or why they could not be read
 * (`error` is a short, secret-free sentence such as "AccessDenied: not authorized").
 */
export const targetHealthReportSchema = z.object({
  targetGroup: targetGroupRefSchema,
  targets: z.array(targetHealthSchema),
  healthCheck: z.optional(healthCheckSchema),
  error: z.optional(z.string()),
});

export type TargetGroupRef = z.infer<typeof targetGroupRefSchema>;
export type TargetHealth = z.infer<typeof targetHealthSchema>;
export type HealthCheck = z.infer<typeof healthCheckSchema>;
export type TargetHealthReport = z.infer<typeof targetHealthReportSchema>;
