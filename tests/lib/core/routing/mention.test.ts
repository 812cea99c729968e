import { describe, expect, it } from 'vitest';
import { SLACK_MAX_BLOCKS, SLACK_SECTION_TEXT_MAX_CHARS } from '../../../../src/lib/core/channels/slack/limits';
import { renderSlack } from '../../../../src/lib/core/channels/slack/render-slack';
import type { SlackMessage } from '../../../../src/lib/core/channels/slack/slack-types';
import type { Notification } from '../../../../src/lib/core/notification';
import { addMention, isMention, slackMessageFor } from '../../../../src/lib/core/routing';
import { albAlarm } from '../render/sample-notifications';

/** Every mention or link Slack would act on in a message: `<!…>`, `<@…>`, `<#…>`, `<http…>`. */
const controlSequences = (m: SlackMessage) => JSON.stringify(m).match(/<[!@#][^>]*>|<https?:[^>]*>/g) ?? [];

const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<@U123>',
  '<!subteam^S012AB3CD>',
  '<!everyone>',
  '<https://evil.example|click>',
];

/** A notification whose every event value tries to mention someone. */
const hostileAlarm: Notification = {
  ...albAlarm,
  title: `${HOSTILE[0]} web is down ${HOSTILE[2]}`,
  summary: HOSTILE.join(' '),
  fields: HOSTILE.map((value, i) => ({ label: `${HOSTILE[i]} label`, value })),
  notes: [HOSTILE.join(', ')],
  links: [{ label: '<!channel>', url: 'https://console.aws.amazon.com/' }],
  account: '<!here>',
  accountName: '<@U999>',
  region: '<!channel>',
};

describe('mentions', () => {
  it.each(['<!subteam^S012AB3CD>', '<@U0123ABCD>', '<@W0123ABCD>', '<!here>', '<!channel>'])('accepts %s', (m) => {
    expect(isMention(m)).toBe(true);
  });

  it.each([
    '@oncall',
    '<!everyone>',
    '<!subteam^S012AB3CD|oncall-team>',
    '<@U0123ABCD> <!channel>',
    '<https://evil.example|oncall>',
    '<#C0123ABCD>',
    ' <!here>',
    '<!subteam^s012>',
  ])('rejects %s', (m) => {
    expect(isMention(m)).toBe(false);
  });

  it('event content cannot mention anyone: a hostile alarm renders with no control sequence at all', () => {
    expect(controlSequences(renderSlack(hostileAlarm))).toEqual([]);
  });

  it('a configured mention is the only control sequence in the message, after the header and first in the text', () => {
    const message = addMention(renderSlack(hostileAlarm), '<!subteam^S012AB3CD>');
    expect(controlSequences(message)).toEqual(['<!subteam^S012AB3CD>', '<!subteam^S012AB3CD>']);
    expect(message.text.startsWith('<!subteam^S012AB3CD> ')).toBe(true);
    expect(message.blocks[0]?.type).toBe('header');
    expect(message.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '<!subteam^S012AB3CD>' } });
  });

  it('keeps the message within 50 blocks: a full message gets the mention in its first section', () => {
    const full = renderSlack({
      ...albAlarm,
      summary: 'x'.repeat(SLACK_SECTION_TEXT_MAX_CHARS * 2),
      // Long fields are full-width sections, one block each.
      fields: Array.from({ length: 80 }, (_, i) => ({ label: `field ${i}`, value: 'y'.repeat(500) })),
    });
    expect(full.blocks).toHaveLength(SLACK_MAX_BLOCKS);
    const message = addMention(full, '<!here>');
    expect(message.blocks).toHaveLength(SLACK_MAX_BLOCKS);
    const first = message.blocks[1];
    expect(first?.type === 'section' && first.text?.text.startsWith('<!here>\n')).toBe(true);
    expect(first?.type === 'section' && first.text!.text.length).toBeLessThanOrEqual(SLACK_SECTION_TEXT_MAX_CHARS);
  });

  it('refuses anything but an allowed mention, so event text can never be passed in by mistake', () => {
    expect(() => addMention(renderSlack(albAlarm), hostileAlarm.title)).toThrow(/not an allowed Slack mention/);
  });

  it('a Slack destination gets its route’s mention and runbook button; one without them gets the plain rendering', () => {
    const routed = slackMessageFor(hostileAlarm, { mention: '<!here>', runbook: 'https://wiki.example.com/oncall' });
    expect(controlSequences(routed)).toEqual(['<!here>', '<!here>']);
    expect(JSON.stringify(routed)).toContain('"url":"https://wiki.example.com/oncall"');
    expect(slackMessageFor(hostileAlarm, {})).toEqual(renderSlack(hostileAlarm));
  });
});
