import { describe, expect, it } from 'vitest';
import { renderAll } from '../../src/cli/present';
import { channels } from '../../src/lib/core/channels';
import { renderSlack } from '../../src/lib/core/channels/slack/render-slack';
import { buildSnsPublish } from '../../src/lib/core/publish/sns-message';
import { albAlarm } from '../lib/core/render/sample-notifications';

const published = (n: typeof albAlarm) => {
  const publish = buildSnsPublish(n);
  const message = JSON.parse(publish.Message) as { email: string; lambda: string };
  return { publish, email: message.email, notification: JSON.parse(message.lambda) as typeof albAlarm };
};

describe('cli: renderAll', () => {
  it('has the contract keys and one key per channel in the registry', () => {
    const rendered = renderAll(albAlarm);
    expect(Object.keys(rendered)).toEqual([
      'category',
      'severity',
      'subject',
      ...channels.map((c) => c.id),
      'attributes',
      'notification',
    ]);
  });

  it.each([
    ['a notification that fits', albAlarm],
    [
      'one shortened to fit SNS’s 256 KB',
      { ...albAlarm, fields: [...albAlarm.fields, { label: 'Huge', value: 'x'.repeat(300_000) }] },
    ],
  ])('shows %s exactly as published: subject, email body, Slack payload and Notification', (_, n) => {
    const rendered = renderAll(n);
    const sent = published(n);
    expect(rendered.subject).toBe(sent.publish.Subject);
    expect(rendered.email).toBe(sent.email);
    expect(rendered.notification).toEqual(sent.notification);
    // The Slack forwarder renders the Notification it finds in the `lambda` body.
    expect(rendered.slack).toEqual(renderSlack(sent.notification));
  });

  it('shows the shortening when a notification was too large', () => {
    const n = { ...albAlarm, fields: [{ label: 'Huge', value: 'x'.repeat(300_000) }] };
    expect((renderAll(n).email as string).length).toBeLessThan(262_144);
    expect(renderAll(n).email).toContain('…');
  });
});
