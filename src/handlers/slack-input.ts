import { z } from 'zod';
import type { NotifierConfig } from '../lib/config';
import { type Notification, notificationSchema } from '../lib/core/notification';
import { type PipelineResult, processEvent } from '../lib/pipeline';

/** The part of an SNS→Lambda event the forwarder reads; the rest is passed on untouched. */
const snsEventSchema = z.looseObject({
  Records: z.array(z.looseObject({ Sns: z.looseObject({ Message: z.string() }) })).min(1),
});

function parseNotification(message: string): Notification | undefined {
  try {
    const parsed = notificationSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns what the notifications topic delivered into Notifications. A record holding a Notification
 * (our own `lambda` body) is used as is; anything else someone published to the topic (plain text,
 * another service's JSON) goes through the pipeline so it still arrives as a generic notification.
 * An input that is not an SNS event at all goes through the pipeline whole.
 */
export async function toNotifications(event: unknown, config: NotifierConfig, now: Date): Promise<PipelineResult> {
  const options = {
    ctx: { locale: config.locale, timeZone: config.timeZone, now },
    alarmNamePrefixes: config.alarmNamePrefixes,
  };
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
