import { z } from 'zod';

const text = z.string().optional().catch(undefined);
const num = z.number().optional().catch(undefined);

/**
 * The part of an Amazon Inspector finding (`detail` of "Inspector2 Finding") we read.
 * @see https://docs.aws.amazon.com/inspector/latest/user/eventbridge-integration.html
 */
export const inspectorFindingSchema = z.looseObject({
  findingArn: z.string(),
  awsAccountId: text,
  title: text,
  description: text,
  severity: text,
  status: text,
  type: text,
  inspectorScore: num,
  fixAvailable: text,
  exploitAvailable: text,
  firstObservedAt: text,
  lastObservedAt: text,
  updatedAt: text,
  remediation: z
    .looseObject({ recommendation: z.looseObject({ text: text }).optional().catch(undefined) })
    .optional()
    .catch(undefined),
  resources: z
    .array(z.looseObject({ id: text, type: text, region: text, partition: text }).catch({}))
    .optional()
    .catch(undefined),
  packageVulnerabilityDetails: z
    .looseObject({
      vulnerabilityId: text,
      sourceUrl: text,
      vulnerablePackages: z
        .array(z.looseObject({ name: text, version: text, fixedInVersion: text }).catch({}))
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  codeVulnerabilityDetails: z
    .looseObject({
      detectorName: text,
      filePath: z.looseObject({ filePath: text, startLine: num }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  networkReachabilityDetails: z
    .looseObject({
      protocol: text,
      openPortRange: z.looseObject({ begin: num, end: num }).optional().catch(undefined),
      networkPath: z
        .looseObject({
          steps: z
            .array(z.looseObject({ componentId: text }).catch({}))
            .optional()
            .catch(undefined),
        })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export type InspectorFinding = z.infer<typeof inspectorFindingSchema>;
