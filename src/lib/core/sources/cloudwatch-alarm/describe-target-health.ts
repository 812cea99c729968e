import { z } from 'zod';
import { InputError } from '../../errors';
import type { TargetHealth } from './target-health';

/**
 * The part of an ELBv2 DescribeTargetHealth response we read, as the SDK and the CLI return it.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetHealth.html
 */
export const targetHealthDescriptionSchema = z.object({
  Target: z.object({
    Id: z.string(),
    Port: z.number().optional(),
    AvailabilityZone: z.string().optional(),
  }),
  HealthCheckPort: z.string().optional(),
  TargetHealth: z
    .object({
      State: z.string().optional(),
      Reason: z.string().optional(),
      Description: z.string().optional(),
    })
    .optional(),
});

/** A whole response, or (as some tools record it) just its `TargetHealthDescriptions` array. */
export const describeTargetHealthOutputSchema = z.union([
  z.object({ TargetHealthDescriptions: z.array(targetHealthDescriptionSchema).default([]) }),
  z.array(targetHealthDescriptionSchema).transform((list) => ({ TargetHealthDescriptions: list })),
]);

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
