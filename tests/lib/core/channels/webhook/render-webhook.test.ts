import { describe, expect, it } from 'vitest';
import {
  previewWebhook,
  renderWebhook,
  WEBHOOK_ENVELOPE_VERSION,
} from '../../../../../src/lib/core/channels/webhook/render-webhook';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { renderSubject } from '../../../../../src/lib/core/render/subject';
import { albAlarm, hostile } from '../../render/sample-notifications';

describe('render: webhook', () => {
  it('wraps the versioned Notification in a small envelope with the shared subject', () => {
    expect(renderWebhook(albAlarm)).toEqual({
      version: WEBHOOK_ENVELOPE_VERSION,
      subject: renderSubject(albAlarm),
      notification: albAlarm,
    });
  });

  it('is JSON a receiver can read back into a valid Notification, event text untouched', () => {
    const body = JSON.parse(JSON.stringify(renderWebhook(hostile)));
    expect(body.version).toBe(1);
    expect(notificationSchema.parse(body.notification)).toEqual(hostile);
    expect(body.notification.schemaVersion).toBe(1);
  });

  it('previews what is posted without printing the whole body', () => {
    expect(previewWebhook(renderWebhook(albAlarm))).toBe(
      [
        'POST application/json · envelope version 1 · Notification schemaVersion 1',
        `subject: ${renderSubject(albAlarm)}`,
        `alarm · critical · ${albAlarm.fields.length} fields, ${albAlarm.links.length} links, 0 notes`,
        `dedupeKey: ${albAlarm.dedupeKey}`,
      ].join('\n'),
    );
  });
});
