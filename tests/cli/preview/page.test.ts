import { describe, expect, it } from 'vitest';
import { toRenderOutput } from '../../../src/cli/present';
import { type PreviewExample, renderPreviewPage } from '../../../src/cli/preview/page';
import type { Notification } from '../../../src/lib/core/notification';
import { notificationOf } from '../../helpers/render-fixture';

const ALARM = 'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json';

async function example(id: string, patch: (n: Notification) => Notification = (n) => n): Promise<PreviewExample> {
  const n = patch(await notificationOf(ALARM));
  return {
    id,
    title: `Example ${id}`,
    source: 'tests/fixtures/x.json',
    output: toRenderOutput({ notifications: [n], ignored: [], errors: [] }),
  };
}

describe('preview: the page', () => {
  it('lists every example and shows each one’s email, Slack rendering and Block Kit Builder link', async () => {
    const html = renderPreviewPage({
      examples: [await example('one'), await example('two')],
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<li><a href="#ex-one">Example one</a></li>');
    expect(html).toContain('<section class="example" id="ex-two">');
    expect(html.match(/<pre class="email-text">/g)).toHaveLength(2);
    expect(html.match(/<div class="sk-message">/g)).toHaveLength(2);
    expect(html.match(/>Open in Block Kit Builder<\/a>/g)).toHaveLength(2);
    expect(html).toContain('SNS subject</span> [CRITICAL] ServerCpuTooHigh is in ALARM');
    expect(html).not.toMatch(/<script/i);
  });

  it('shows an ignored input with its rule', () => {
    const html = renderPreviewPage({
      examples: [
        {
          id: 'confirmation',
          title: 'A subscription confirmation',
          source: 's',
          output: {
            notifications: [],
            ignored: [{ rule: 'sns-subscription-confirmation', reason: 'not a notification', path: '' }],
          },
        },
      ],
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(html).toContain('Ignored by rule <code>sns-subscription-confirmation</code>: not a notification');
  });

  it('escapes hostile text everywhere it appears: title, source, email, Slack, subject', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const hostile = await example('evil', (n) => ({
      ...n,
      title: evil,
      summary: evil,
      fields: [{ label: evil, value: evil }],
    }));
    const html = renderPreviewPage({
      examples: [{ ...hostile, title: evil, source: evil }],
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
