import { describe, expect, it } from 'vitest';
import { SLACK_HEADER_TEXT_MAX_CHARS } from '../../../../src/lib/core/channels/slack/limits';
import { renderSlack } from '../../../../src/lib/core/channels/slack/render-slack';
import { incidentDuration, resolvedSlackMessage } from '../../../../src/lib/core/slack-app/resolved-message';
import { alarmThenOk } from '../../../helpers/alarm-pair';
import { slackViolations } from '../channels/slack/slack-limits';
import { albAlarm } from '../render/sample-notifications';

describe('slack app: the ALARM message resolved in place', () => {
  it('reads "resolved after 4 min 12 s" in the header and the fallback text, the rest as posted', async () => {
    const [alarm, ok] = await alarmThenOk(252_000);
    const original = renderSlack(alarm);
    const updated = resolvedSlackMessage(original, incidentDuration(alarm.occurredAt, ok.occurredAt), 'en');
    expect(updated.blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: '✅ [CRITICAL] ServerCpuTooHigh is in ALARM (us-east-1) — resolved after 4 min 12 s',
        emoji: true,
      },
    });
    expect(updated.text.split('\n')[0]).toBe('✅ resolved after 4 min 12 s');
    expect(updated.blocks.slice(1)).toEqual(original.blocks.slice(1));
    expect(slackViolations(updated)).toEqual([]);
  });

  it('says it in Japanese for a Japanese deploy', async () => {
    const [alarm, ok] = await alarmThenOk(252_000, 'ja');
    const updated = resolvedSlackMessage(renderSlack(alarm), incidentDuration(alarm.occurredAt, ok.occurredAt), 'ja');
    expect(updated.blocks[0]).toMatchObject({ text: { text: expect.stringMatching(/^✅ .* — 4分12秒後に復旧$/) } });
  });

  it('cuts a long title so the header stays within 150 characters and still ends with the duration', () => {
    const original = renderSlack(albAlarm);
    const title = { type: 'plain_text' as const, text: `🔴 ${'x'.repeat(140)} &amp; more`, emoji: true };
    const long = { ...original, blocks: [{ type: 'header' as const, text: title }, ...original.blocks.slice(1)] };
    const updated = resolvedSlackMessage(long, 3_723_000, 'en');
    const header = updated.blocks[0]?.type === 'header' ? updated.blocks[0].text.text : '';
    expect(header.length).toBeLessThanOrEqual(SLACK_HEADER_TEXT_MAX_CHARS);
    expect(header).toMatch(/^✅ x+… — resolved after 1 h 2 min$/);
  });

  it('counts clock skew (OK before ALARM) or a bad time as 0 s', () => {
    expect(incidentDuration('2024-01-01T00:05:00Z', '2024-01-01T00:00:00Z')).toBe(0);
    expect(incidentDuration('not a time', '2024-01-01T00:00:00Z')).toBe(0);
  });
});
