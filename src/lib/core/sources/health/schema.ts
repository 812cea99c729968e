import { z } from 'zod';

const text = z.string().optional().catch(undefined);

/**
 * The part of an AWS Health event's `detail` we read (account and organization view alike).
 * @see https://docs.aws.amazon.com/health/latest/ug/aws-health-events-eventbridge-schema.html
 */
export const healthDetailSchema = z.looseObject({
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
  eventDescription: z
    .array(z.looseObject({ language: text, latestDescription: text }).catch({}))
    .optional()
    .catch(undefined),
  affectedEntities: z
    .array(z.looseObject({ entityValue: text, status: text }).catch({}))
    .optional()
    .catch(undefined),
});

export type HealthDetail = z.infer<typeof healthDetailSchema>;
