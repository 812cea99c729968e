import type { NotifierConfig } from '../lib/config';
import { checkMessageText } from '../lib/core/envelopes/bounds';
import { type Notification, notificationSchema } from '../lib/core/notification';
import * as z from '../lib/core/schemas/zod';
import { genericSource } from '../lib/core/sources/generic/source';
import { type PipelineResult, processEvent } from '../lib/pipeline';

/** The part of an SNS→Lambda event the forwarder reads; the rest is passed on untouched. */
const snsEventSchema = z.looseObject({
  Records: z.array(z.looseObject({ Sns: z.looseObject({ Message: z.string() }) })).check(z.minLength(1)),
});

/** Our own Notification in a record's message; undefined for anything else, which the pipeline then reads (and bounds). */
function parseNotification(message: string): Notification | undefined {
  try {
    checkMessageText(message, 'Sns.Message');
    const parsed = notificationSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns what the notifications topic delivered into Notifications. A record holding a Notification
 * (our own `lambda` body) is used as is; anything else someone published to the topic (plain text,
 * another service's JSON) arrives as a generic notification.
 * An input that is not an SNS event at all goes through the pipeline whole.
 */
export async function toNotifications(event: unknown, config: NotifierConfig, now: Date): Promise<PipelineResult> {
  // Only our own Notifications are rendered as such; anything else published to the topic is news
  // of no known kind, so the generic source alone reads it (no other source is bundled here).
  const options = { ctx: { locale: config.locale, timeZone: config.timeZone, now }, sources: [genericSource] };
  const sns = snsEventSchema.safeParse(event);
  if (!sns.success) return processEvent(event, options);
  const results: PipelineResult[] = [];
  for (const record of sns.data.Records) {
    const notification = parseNotification(record.Sns.Message);
    results.push(
      notification
        ? { notifications: [notification], ignored: [], errors: [] }
        : await processEvent({ ...sns.data, Records: [record] }, options),
    );
  }
  return {
    notifications: results.flatMap((r) => r.notifications),
    ignored: results.flatMap((r) => r.ignored),
    errors: results.flatMap((r) => r.errors),
  };
}
