import { describe, expect, it } from 'vitest';
import { renderGrouped } from '../../../../../src/lib/core/channels/channel';
import { webhookChannel } from '../../../../../src/lib/core/channels/webhook';
import {
  previewWebhook,
  renderWebhook,
  renderWebhookGroup,
  WEBHOOK_ENVELOPE_VERSION,
} from '../../../../../src/lib/core/channels/webhook/render-webhook';
import { groupNotifications } from '../../../../../src/lib/core/grouping/group-notifications';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { renderSubject } from '../../../../../src/lib/core/render/subject';
import { storm } from '../../grouping/storm';
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

describe('render: webhook group', () => {
  it('posts one notification a post (group limit 1), and would keep every member of a larger group', () => {
    expect(webhookChannel.groupLimit).toBe(1);
    const [one] = groupNotifications(storm(1), { maxMembers: 1 });
    expect(renderGrouped(webhookChannel, one!)).toEqual(renderWebhook(one!.members[0]!));
    const [three] = groupNotifications(storm(3), { maxMembers: 50 });
    const body = renderWebhookGroup(three!);
    expect(body).toMatchObject({ version: 1, subject: '[CRITICAL] 3 alarms in ALARM (ap-northeast-1)' });
    expect(body.notification).toEqual(three!.members[0]);
    expect(body.notifications).toEqual(three!.members);
  });
});
