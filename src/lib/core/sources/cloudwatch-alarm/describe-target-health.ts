import { InputError } from '../../errors';
import * as z from '../../schemas/zod';
import type { TargetHealth } from './target-health';

/**
 * The part of an ELBv2 DescribeTargetHealth response we read, as the SDK and the CLI return it.
 * Built on first use (z.lazy), not at import: only a target-group alarm reads one.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetHealth.html
 */
export const targetHealthDescriptionSchema = z.lazy(() =>
  z.object({
    Target: z.object({
      Id: z.string(),
      Port: z.optional(z.number()),
      AvailabilityZone: z.optional(z.string()),
    }),
    HealthCheckPort: z.optional(z.string()),
    TargetHealth: z.optional(
      z.object({
        State: z.optional(z.string()),
        Reason: z.optional(z.string()),
        Description: z.optional(z.string()),
      }),
    ),
  }),
);

/** A whole response, or (as some tools record it) just its `TargetHealthDescriptions` array. Built on first use. */
export const describeTargetHealthOutputSchema = z.lazy(() =>
  z.union([
    z.object({ TargetHealthDescriptions: z._default(z.array(targetHealthDescriptionSchema), []) }),
    z.pipe(
      z.array(targetHealthDescriptionSchema),
      z.transform((list) => ({ TargetHealthDescriptions: list })),
    ),
  ]),
);

export type TargetHealthDescription = z.infer<typeof targetHealthDescriptionSchema>;

/** Converts one SDK `TargetHealthDescription` to our {@link TargetHealth}. */
export function toTargetHealth(description: TargetHealthDescription): TargetHealth {
  const health = description.TargetHealth ?? {};
  return {
    id: description.Target.Id,
    ...(description.Target.Port !== undefined ? { port: description.Target.Port } : {}),
    ...(description.Target.AvailabilityZone ? { availabilityZone: description.Target.AvailabilityZone } : {}),
    state: health.State ?? 'unknown',
    ...(health.Reason ? { reason: health.Reason } : {}),
    ...(health.Description ? { description: health.Description } : {}),
  };
}

/**
 * Parses a recorded DescribeTargetHealth response into our targets.
 * @throws InputError naming the first bad entry, e.g. `TargetHealthDescriptions[1].Target.Id`.
 */
export function parseDescribeTargetHealth(output: unknown, where = ''): TargetHealth[] {
  const parsed = describeTargetHealthOutputSchema.safeParse(output);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? '';
    throw new InputError(`not a DescribeTargetHealth response: ${issue?.message ?? 'invalid'}`, `${where}${path}`);
  }
  return parsed.data.TargetHealthDescriptions.map(toTargetHealth);
}
