import { z } from 'zod';

const text = z.string().optional().catch(undefined);
const list = <T extends z.ZodType>(item: T) => z.array(item.optional().catch(undefined)).optional().catch(undefined);

const remoteIpSchema = z.looseObject({
  ipAddressV4: text,
  organization: z.looseObject({ asnOrg: text, org: text }).optional().catch(undefined),
  country: z.looseObject({ countryName: text }).optional().catch(undefined),
  city: z.looseObject({ cityName: text }).optional().catch(undefined),
});

/**
 * The part of a GuardDuty finding (`detail` of "GuardDuty Finding") we read; everything is optional
 * apart from what identifies it, and a field of the wrong type is dropped rather than fatal.
 * @see https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Finding.html
 */
export const guardDutyFindingSchema = z.looseObject({
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
  resource: z
    .looseObject({
      resourceType: text,
      instanceDetails: z.looseObject({ instanceId: text }).optional().catch(undefined),
      accessKeyDetails: z
        .looseObject({ userName: text, accessKeyId: text, userType: text })
        .optional()
        .catch(undefined),
      s3BucketDetails: list(z.looseObject({ arn: text, name: text })),
      eksClusterDetails: z.looseObject({ name: text, arn: text }).optional().catch(undefined),
      ecsClusterDetails: z.looseObject({ name: text, arn: text }).optional().catch(undefined),
      lambdaDetails: z.looseObject({ functionName: text, functionArn: text }).optional().catch(undefined),
      rdsDbInstanceDetails: z.looseObject({ dbInstanceIdentifier: text }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  service: z
    .looseObject({
      archived: z.boolean().optional().catch(undefined),
      count: z.number().optional().catch(undefined),
      eventFirstSeen: text,
      eventLastSeen: text,
      action: z
        .looseObject({
          actionType: text,
          awsApiCallAction: z
            .looseObject({ api: text, serviceName: text, remoteIpDetails: remoteIpSchema.optional().catch(undefined) })
            .optional()
            .catch(undefined),
          networkConnectionAction: z
            .looseObject({
              connectionDirection: text,
              protocol: text,
              remoteIpDetails: remoteIpSchema.optional().catch(undefined),
            })
            .optional()
            .catch(undefined),
          dnsRequestAction: z.looseObject({ domain: text }).optional().catch(undefined),
        })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export type GuardDutyFinding = z.infer<typeof guardDutyFindingSchema>;
export type RemoteIp = z.infer<typeof remoteIpSchema>;
