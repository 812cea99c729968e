import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../../../../src/lib/core/channels/slack/render-slack';
import { previewSlack } from '../../../../../src/lib/core/channels/slack/slack-preview';
import { hostile, insufficientData, okRecovery } from '../../render/sample-notifications';

describe('render: slack preview', () => {
  it('shows header, sections, fields, notes and context as readable lines', () => {
    expect(previewSlack(renderSlack(insufficientData))).toMatchInlineSnapshot(`
      "# 🟠 [WARNING] cpu-high is INSUFFICIENT_DATA (ap-northeast-1)

      CPUUtilization has no data for 3 periods.

      • State: OK → INSUFFICIENT_DATA

      ⚠️ Notes
        • target health could not be read: AccessDenied

      — 811322200214 · ap-northeast-1 · CloudWatch alarm
      "
    `);
  });

  it('shows buttons as [Label] url', () => {
    expect(previewSlack(renderSlack(okRecovery))).toContain(`[Alarm in console] ${okRecovery.links[0]!.url}\n`);
  });

  it('shows escaped text as Slack would display it', () => {
    expect(previewSlack(renderSlack(hostile))).toContain('Hi <!here> & <!everyone>');
  });

  it('previews a hand-written message', () => {
    const preview = previewSlack({
      text: 'x',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '*Reason*\nline 1\nline 2' } },
        {
          type: 'context',
          elements: [
            { type: 'plain_text', text: 'a' },
            { type: 'mrkdwn', text: 'b' },
          ],
        },
      ],
    });
    expect(preview).toBe('Reason: line 1\n  line 2\n\n— a  b\n');
  });
});
