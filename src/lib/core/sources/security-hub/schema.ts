import { z } from 'zod';

const text = z.string().optional().catch(undefined);
const num = z.number().optional().catch(undefined);
const strings = z.array(z.unknown()).optional().catch(undefined);

/**
 * The part of one AWS Security Finding Format (ASFF) finding we read. Every field is optional and a
 * field of the wrong type is dropped: findings imported from other products fill ASFF unevenly.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format.html
 */
export const asffFindingSchema = z.looseObject({
  Id: text,
  ProductArn: text,
  ProductName: text,
  CompanyName: text,
  GeneratorId: text,
  AwsAccountId: text,
  Region: text,
  Title: text,
  Description: text,
  Types: strings,
  Severity: z.looseObject({ Label: text, Normalized: num, Original: text }).optional().catch(undefined),
  Compliance: z.looseObject({ Status: text, SecurityControlId: text }).optional().catch(undefined),
  Workflow: z.looseObject({ Status: text }).optional().catch(undefined),
  WorkflowState: text,
  RecordState: text,
  Resources: z
    .array(z.looseObject({ Type: text, Id: text, Region: text, Partition: text }).catch({}))
    .optional()
    .catch(undefined),
  Remediation: z
    .looseObject({ Recommendation: z.looseObject({ Text: text, Url: text }).optional().catch(undefined) })
    .optional()
    .catch(undefined),
  ProductFields: z.record(z.string(), z.unknown()).optional().catch(undefined),
  FirstObservedAt: text,
  LastObservedAt: text,
  CreatedAt: text,
  UpdatedAt: text,
});

/** `detail` of "Security Hub Findings - Imported" and "- Custom Action": one or more findings. */
export const securityHubDetailSchema = z.looseObject({
  actionName: text,
  findings: z.array(z.unknown()).min(1),
});

export type AsffFinding = z.infer<typeof asffFindingSchema>;
