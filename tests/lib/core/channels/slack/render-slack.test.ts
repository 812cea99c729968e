import { describe, expect, it } from 'vitest';
import { SLACK_MAX_BLOCKS } from '../../../../../src/lib/core/channels/slack/limits';
import { renderSlack } from '../../../../../src/lib/core/channels/slack/render-slack';
import { buttonUrl } from '../../../../../src/lib/core/channels/slack/slack-blocks';
import type { ActionsBlock, SectionBlock } from '../../../../../src/lib/core/channels/slack/slack-types';
import {
  albAlarm,
  genericEvent,
  hostile,
  inLocale,
  insufficientData,
  japanese,
  samples,
} from '../../render/sample-notifications';
import { slackViolations } from './slack-limits';

const { hostile: _, ...snapshotted } = samples;
const table = Object.entries(snapshotted).flatMap(([name, n]) =>
  (['en', 'ja'] as const).map((locale) => [`${name} (${locale})`, inLocale(n, locale)] as const),
);
const sections = (blocks: readonly unknown[]) =>
  blocks.filter((b): b is SectionBlock => (b as SectionBlock).type === 'section');
const actions = (blocks: readonly unknown[]) =>
  blocks.filter((b): b is ActionsBlock => (b as ActionsBlock).type === 'actions');

describe('render: slack', () => {
  it.each(table)('renders %s', (_, n) => {
    const message = renderSlack(n);
    expect(slackViolations(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });

  it('heads the message with the severity emoji and the shared subject', () => {
    expect(renderSlack(insufficientData).blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '🟠 [WARNING] cpu-high is INSUFFICIENT_DATA (ap-northeast-1)', emoji: true },
    });
  });

  it('uses subject and summary as the notification text', () => {
    expect(renderSlack(insufficientData).text).toBe(
      '[WARNING] cpu-high is INSUFFICIENT_DATA (ap-northeast-1)\nCPUUtilization has no data for 3 periods.',
    );
  });

  it('ends with a context line of account, region and category', () => {
    expect(renderSlack(japanese).blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '811322200214 · ap-northeast-1 · CloudWatch アラーム' }],
    });
    expect(renderSlack(genericEvent).blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'AWS event' }],
    });
  });

  it('shows notes under a warning heading in the notification language', () => {
    const texts = sections(renderSlack(japanese).blocks).map((s) => s.text?.text);
    expect(texts).toContain('⚠️ *注意*\n• ターゲットのヘルス状態を取得できませんでした: AccessDenied');
  });

  describe('hostile input', () => {
    const message = renderSlack(hostile);
    const json = JSON.stringify(message);

    it('stays within every Slack limit', () => {
      expect(slackViolations(message)).toEqual([]);
    });

    it.each(['<!channel>', '<!here>', '<!everyone>', '<@U1>', '<@U2>', '<!subteam^S1>', '<http://evil.example|'])(
      'never lets %s through',
      (sequence) => {
        expect(json).not.toContain(sequence);
        expect(json).toContain(sequence.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      },
    );

    it('escapes ampersands', () => {
      expect(message.text).toContain('Hi &lt;!here&gt; &amp; &lt;!everyone&gt;');
    });

    it('keeps the header on one line', () => {
      expect(json).toContain(
        '"text":"🔴 [CRITICAL] &lt;!channel&gt; DeleteTrail by &lt;@U1&gt; Bcc: victim@example.com',
      );
    });

    it('puts long values in their own section, truncated visibly', () => {
      const long = sections(message.blocks).find((s) => s.text?.text.startsWith('*Field 2*'));
      expect(long?.text?.text).toMatch(/… \(truncated, \d+ more characters\)$/);
    });

    it('numbers the buttons on from one actions block to the next', () => {
      const ids = actions(message.blocks).flatMap((b) => b.elements.map((e) => e.action_id));
      expect(ids).toEqual(Array.from({ length: 28 }, (_, i) => `link-${i}`));
    });

    it('drops links Slack would reject and splits the rest into actions of 25', () => {
      const blocks = actions(message.blocks);
      expect(blocks.map((b) => b.elements.length)).toEqual([25, 3]);
      const urls = blocks.flatMap((b) => b.elements.map((e) => e.url));
      expect(urls).not.toContain('javascript:alert(1)');
      expect(urls[0]).toBe('https://console.aws.amazon.com/x?i=0&a=%3Cb%3E');
    });
  });

  it('says how much was left out when there would be more than 50 blocks', () => {
    const fields = Array.from({ length: 120 }, (_, i) => ({ label: `F${i}`, value: 'v'.repeat(300) }));
    const message = renderSlack({ ...albAlarm, fields });
    expect(message.blocks).toHaveLength(SLACK_MAX_BLOCKS);
    expect(slackViolations(message)).toEqual([]);
    const shown = sections(message.blocks).filter((s) => s.text?.text.startsWith('*F')).length;
    expect(message.blocks.at(-2)).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: `… ${120 - shown} more fields, 2 more links not shown; the email has everything.` },
    });
    expect(message.blocks.at(-1)?.type).toBe('context');
  });

  it('groups short fields ten to a section', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: `${i}` }));
    const groups = sections(renderSlack({ ...genericEvent, fields }).blocks).filter((s) => s.fields);
    expect(groups.map((s) => s.fields?.length)).toEqual([10, 10, 3]);
    expect(groups[0]?.fields?.[0]).toEqual({ type: 'mrkdwn', text: '*F0*\n0' });
  });

  it.each([
    ['https://console.aws.amazon.com/a b', 'https://console.aws.amazon.com/a%20b'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/x'],
    ['javascript:alert(1)', undefined],
    ['mailto:ops@example.com', undefined],
    ['/relative/path', undefined],
    ['', undefined],
    [`https://example.com/${'a'.repeat(3_000)}`, undefined],
  ])('accepts %j as a button URL → %j', (raw, expected) => {
    expect(buttonUrl(raw)).toBe(expected);
  });

  it('labels a button without a label', () => {
    const message = renderSlack({ ...genericEvent, links: [{ label: ' ', url: 'https://example.com' }] });
    expect(actions(message.blocks)[0]?.elements[0]?.text.text).toBe('Open');
  });

  it('cleans, escapes and cuts a label each time it comes back (its head is made once)', () => {
    const label = ` <!here>\t& ${'w'.repeat(200)} `;
    const heads = [1, 2].map((i) => {
      const message = renderSlack({ ...genericEvent, fields: [{ label, value: `${i}` }] });
      return sections(message.blocks)[1]?.fields?.[0]?.text;
    });
    const line = `&lt;!here&gt; &amp; ${'w'.repeat(200)}`;
    expect(heads).toEqual([1, 2].map((i) => `*${line.slice(0, 149)}…*\n${i}`));
  });

  it('never sends an empty field value', () => {
    const message = renderSlack({ ...genericEvent, fields: [{ label: 'Empty', value: '' }] });
    expect(sections(message.blocks)[1]?.fields?.[0]?.text).toBe('*Empty*\n—');
  });
});
