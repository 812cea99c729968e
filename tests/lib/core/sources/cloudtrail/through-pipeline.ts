import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { wrapCloudTrailRecord } from '../../../../../src/lib/core/envelopes/cloudtrail';
import type { Locale, RenderContext } from '../../../../../src/lib/core/locale';
import { type Notification, notificationSchema } from '../../../../../src/lib/core/notification';
import { sources } from '../../../../../src/lib/core/sources';
import { fieldLabels } from '../../../../../src/lib/core/sources/cloudtrail/strings';
import { processEvent } from '../../../../../src/lib/pipeline';

const RECORDS = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'cloudtrail', 'records');

/** A raw CloudTrail record from tests/fixtures/cloudtrail/records, as a fresh copy to change. */
export function record(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(RECORDS, file), 'utf8')) as Record<string, unknown>;
}

const ctx = (locale: Locale): RenderContext => ({
  locale,
  timeZone: 'Asia/Tokyo',
  now: new Date('2025-01-01T00:00:00Z'),
});

/** What the production pipeline makes of one record, wrapped as EventBridge delivers it. */
export async function throughPipeline(raw: Record<string, unknown>, locale: Locale) {
  const result = await processEvent(wrapCloudTrailRecord(raw), { sources, ctx: ctx(locale) });
  expect(result.errors).toEqual([]);
  for (const n of result.notifications) expect(notificationSchema.parse(n)).toEqual(n);
  return result;
}

/** The one notification a record makes (fails the test when it is ignored). */
export async function notificationOf(raw: Record<string, unknown>, locale: Locale): Promise<Notification> {
  const { notifications, ignored } = await throughPipeline(raw, locale);
  expect(ignored).toEqual([]);
  expect(notifications).toHaveLength(1);
  return notifications[0]!;
}

/** A field's value by its key in the API-call field labels ("rule", "result"…). */
export function field(n: Notification, key: keyof (typeof fieldLabels)['en']): string | undefined {
  return n.fields.find((f) => f.label === fieldLabels[n.locale][key])?.value;
}

/** The id of the rule that named the notification ("root-activity" from "root-activity (CIS CloudWatch.1)"). */
export const ruleIdOf = (n: Notification) => field(n, 'rule')?.split(' ')[0];
