import { lenientText as text } from '../../schemas/lenient';
import * as z from '../../schemas/zod';

/**
 * The part of an AWS Health event's `detail` we read (account and organization view alike).
 * Built on first use (z.lazy), not at import: most invocations of the functions that bundle it read none.
 * @see https://docs.aws.amazon.com/health/latest/ug/aws-health-events-eventbridge-schema.html
 */
export const healthDetailSchema = z.lazy(() =>
  z.looseObject({
    eventArn: z.string(),
    service: text,
    eventTypeCode: text,
    eventTypeCategory: text,
    eventScopeCode: text,
    statusCode: text,
    startTime: text,
    endTime: text,
    lastUpdatedTime: text,
    eventRegion: text,
    affectedAccount: text,
    eventDescription: z.catch(
      z.optional(z.array(z.catch(z.looseObject({ language: text, latestDescription: text }), {}))),
      undefined,
    ),
    affectedEntities: z.catch(
      z.optional(z.array(z.catch(z.looseObject({ entityValue: text, status: text }), {}))),
      undefined,
    ),
  }),
);

export type HealthDetail = z.infer<typeof healthDetailSchema>;
