import { lenientText as text } from '../../schemas/lenient';
import * as z from '../../schemas/zod';

const list = <T extends z.ZodMiniType>(item: T) =>
  z.catch(z.optional(z.array(z.catch(z.optional(item), undefined))), undefined);

/** Built on first use (z.lazy), not at import. */
const remoteIpSchema = z.lazy(() =>
  z.looseObject({
    ipAddressV4: text,
    organization: z.catch(z.optional(z.looseObject({ asnOrg: text, org: text })), undefined),
    country: z.catch(z.optional(z.looseObject({ countryName: text })), undefined),
    city: z.catch(z.optional(z.looseObject({ cityName: text })), undefined),
  }),
);

/**
 * The part of a GuardDuty finding (`detail` of "GuardDuty Finding") we read; everything is optional
 * apart from what identifies it, and a field of the wrong type is dropped rather than fatal.
 * Built on first use (z.lazy), not at import: most invocations of the functions that bundle it read none.
 * @see https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Finding.html
 */
export const guardDutyFindingSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    arn: text,
    accountId: text,
    region: text,
    partition: text,
    type: text,
    title: text,
    description: text,
    severity: z.number(),
    createdAt: text,
    updatedAt: text,
    resource: z.catch(
      z.optional(
        z.looseObject({
          resourceType: text,
          instanceDetails: z.catch(z.optional(z.looseObject({ instanceId: text })), undefined),
          accessKeyDetails: z.catch(
            z.optional(z.looseObject({ userName: text, accessKeyId: text, userType: text })),
            undefined,
          ),
          s3BucketDetails: list(z.looseObject({ arn: text, name: text })),
          eksClusterDetails: z.catch(z.optional(z.looseObject({ name: text, arn: text })), undefined),
          ecsClusterDetails: z.catch(z.optional(z.looseObject({ name: text, arn: text })), undefined),
          lambdaDetails: z.catch(z.optional(z.looseObject({ functionName: text, functionArn: text })), undefined),
          rdsDbInstanceDetails: z.catch(z.optional(z.looseObject({ dbInstanceIdentifier: text })), undefined),
        }),
      ),
      undefined,
    ),
    service: z.catch(
      z.optional(
        z.looseObject({
          archived: z.catch(z.optional(z.boolean()), undefined),
          count: z.catch(z.optional(z.number()), undefined),
          eventFirstSeen: text,
          eventLastSeen: text,
          action: z.catch(
            z.optional(
              z.looseObject({
                actionType: text,
                awsApiCallAction: z.catch(
                  z.optional(
                    z.looseObject({
                      api: text,
                      serviceName: text,
                      remoteIpDetails: z.catch(z.optional(remoteIpSchema), undefined),
                    }),
                  ),
                  undefined,
                ),
                networkConnectionAction: z.catch(
                  z.optional(
                    z.looseObject({
                      connectionDirection: text,
                      protocol: text,
                      remoteIpDetails: z.catch(z.optional(remoteIpSchema), undefined),
                    }),
                  ),
                  undefined,
                ),
                dnsRequestAction: z.catch(z.optional(z.looseObject({ domain: text })), undefined),
              }),
            ),
            undefined,
          ),
        }),
      ),
      undefined,
    ),
  }),
);

export type GuardDutyFinding = z.infer<typeof guardDutyFindingSchema>;
export type RemoteIp = z.infer<typeof remoteIpSchema>;
