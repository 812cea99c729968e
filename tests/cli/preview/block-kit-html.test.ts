import { describe, expect, it } from 'vitest';
import { BLOCK_KIT_BUILDER_URL, blockKitBuilderUrl, blockKitToHtml } from '../../../src/cli/preview/block-kit-html';
import { renderSlack } from '../../../src/lib/core/channels/slack/render-slack';
import type { SlackMessage } from '../../../src/lib/core/channels/slack/slack-types';
import { notificationOf } from '../../helpers/render-fixture';

const message: SlackMessage = {
  text: 'fallback',
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: '🔴 [CRITICAL] a &lt;b&gt; is in ALARM', emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: 'CPU was *99*' } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*State*\nOK → ALARM' },
        { type: 'mrkdwn', text: '*Region*\nus-east-1' },
      ],
    },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Alarm in CloudWatch' },
          url: 'https://console.aws.amazon.com/cloudwatch/home',
          action_id: 'link-0',
        },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: '111122223333 · us-east-1 · CloudWatch alarm' }] },
  ],
};

describe('preview: Block Kit as HTML', () => {
  it('draws each block as Slack shows it: header, section text, two-column fields, buttons, context', () => {
    expect(blockKitToHtml(message)).toBe(
      [
        '<div class="sk-message"><div class="sk-header">🔴 [CRITICAL] a &lt;b&gt; is in ALARM</div>',
        '<div class="sk-section"><div class="sk-text">CPU was <strong>99</strong></div></div>',
        '<div class="sk-section"><div class="sk-fields"><div class="sk-field"><strong>State</strong><br>OK → ALARM</div><div class="sk-field"><strong>Region</strong><br>us-east-1</div></div></div>',
        '<div class="sk-actions"><a class="sk-button" href="https://console.aws.amazon.com/cloudwatch/home" rel="noreferrer noopener" target="_blank">Alarm in CloudWatch</a></div>',
        '<div class="sk-context"><span>111122223333 · us-east-1 · CloudWatch alarm</span></div></div>',
      ].join('\n'),
    );
  });

  it('draws a divider, and shows a block type it does not know as escaped JSON', () => {
    const html = blockKitToHtml({ blocks: [{ type: 'divider' }, { type: 'image', alt_text: '<x>' } as never] });
    expect(html).toContain('<hr class="sk-divider">');
    expect(html).toContain(
      '<pre class="sk-unknown">{\n  &quot;type&quot;: &quot;image&quot;,\n  &quot;alt_text&quot;: &quot;&lt;x&gt;&quot;\n}</pre>',
    );
  });

  it('shows a button whose URL is not http(s) as a label only', () => {
    const html = blockKitToHtml({
      blocks: [
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'x' }, url: 'javascript:alert(1)', action_id: 'a' },
          ],
        },
      ],
    });
    expect(html).toBe('<div class="sk-message"><div class="sk-actions"><span class="sk-button">x</span></div></div>');
  });

  it('links to Block Kit Builder with the blocks URL-encoded after the #', () => {
    const url = blockKitBuilderUrl(message);
    expect(url.startsWith(BLOCK_KIT_BUILDER_URL)).toBe(true);
    expect(JSON.parse(decodeURIComponent(url.slice(BLOCK_KIT_BUILDER_URL.length)))).toEqual({ blocks: message.blocks });
    expect(url).not.toMatch(/[\s"<>]/);
  });

  it('draws a real rendered alarm with its links as buttons', async () => {
    const n = await notificationOf('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
    const html = blockKitToHtml(renderSlack(n));
    expect(html).toContain('<div class="sk-header">🔴 [CRITICAL] ServerCpuTooHigh is in ALARM');
    expect(html).toMatch(/<a class="sk-button" href="https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\//);
  });
});
