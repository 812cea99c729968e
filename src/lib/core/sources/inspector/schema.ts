import { lenientNumber as num, lenientText as text } from '../../schemas/lenient';
import * as z from '../../schemas/zod';

/**
 * The part of an Amazon Inspector finding (`detail` of "Inspector2 Finding") we read.
 * Built on first use (z.lazy), not at import: most invocations of the functions that bundle it read none.
 * @see https://docs.aws.amazon.com/inspector/latest/user/eventbridge-integration.html
 */
export const inspectorFindingSchema = z.lazy(() =>
  z.looseObject({
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
    remediation: z.catch(
      z.optional(z.looseObject({ recommendation: z.catch(z.optional(z.looseObject({ text: text })), undefined) })),
      undefined,
    ),
    resources: z.catch(
      z.optional(z.array(z.catch(z.looseObject({ id: text, type: text, region: text, partition: text }), {}))),
      undefined,
    ),
    packageVulnerabilityDetails: z.catch(
      z.optional(
        z.looseObject({
          vulnerabilityId: text,
          sourceUrl: text,
          vulnerablePackages: z.catch(
            z.optional(z.array(z.catch(z.looseObject({ name: text, version: text, fixedInVersion: text }), {}))),
            undefined,
          ),
        }),
      ),
      undefined,
    ),
    codeVulnerabilityDetails: z.catch(
      z.optional(
        z.looseObject({
          detectorName: text,
          filePath: z.catch(z.optional(z.looseObject({ filePath: text, startLine: num })), undefined),
        }),
      ),
      undefined,
    ),
    networkReachabilityDetails: z.catch(
      z.optional(
        z.looseObject({
          protocol: text,
          openPortRange: z.catch(z.optional(z.looseObject({ begin: num, end: num })), undefined),
          networkPath: z.catch(
            z.optional(
              z.looseObject({
                steps: z.catch(z.optional(z.array(z.catch(z.looseObject({ componentId: text }), {}))), undefined),
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

export type InspectorFinding = z.infer<typeof inspectorFindingSchema>;
