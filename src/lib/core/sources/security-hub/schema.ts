import { lenientNumber as num, lenientText as text } from '../../schemas/lenient';
import * as z from '../../schemas/zod';

const strings = z.catch(z.optional(z.array(z.unknown())), undefined);

/**
 * The part of one AWS Security Finding Format (ASFF) finding we read. Every field is optional and a
 * field of the wrong type is dropped: findings imported from other products fill ASFF unevenly.
 * Built on first use (z.lazy), not at import: most invocations of the functions that bundle it read none.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format.html
 */
export const asffFindingSchema = z.lazy(() =>
  z.looseObject({
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
    Severity: z.catch(z.optional(z.looseObject({ Label: text, Normalized: num, Original: text })), undefined),
    Compliance: z.catch(z.optional(z.looseObject({ Status: text, SecurityControlId: text })), undefined),
    Workflow: z.catch(z.optional(z.looseObject({ Status: text })), undefined),
    WorkflowState: text,
    RecordState: text,
    Resources: z.catch(
      z.optional(z.array(z.catch(z.looseObject({ Type: text, Id: text, Region: text, Partition: text }), {}))),
      undefined,
    ),
    Remediation: z.catch(
      z.optional(
        z.looseObject({ Recommendation: z.catch(z.optional(z.looseObject({ Text: text, Url: text })), undefined) }),
      ),
      undefined,
    ),
    ProductFields: z.catch(z.optional(z.record(z.string(), z.unknown())), undefined),
    FirstObservedAt: text,
    LastObservedAt: text,
    CreatedAt: text,
    UpdatedAt: text,
  }),
);

/** `detail` of "Security Hub Findings - Imported" and "- Custom Action": one or more findings. * Built on first use (z.lazy), not at import: most invocations of the functions that bundle it read none.
 */
export const securityHubDetailSchema = z.lazy(() =>
  z.looseObject({
    actionName: text,
    findings: z.array(z.unknown()).check(z.minLength(1)),
  }),
);

export type AsffFinding = z.infer<typeof asffFindingSchema>;
