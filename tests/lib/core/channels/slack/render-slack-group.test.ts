import { describe, expect, it } from 'vitest';
import { renderGrouped } from '../../../../../src/lib/core/channels/channel';
import { slackChannel } from '../../../../../src/lib/core/channels/slack';
import { SLACK_MAX_BLOCKS } from '../../../../../src/lib/core/channels/slack/limits';
import { renderSlack } from '../../../../../src/lib/core/channels/slack/render-slack';
import {
  renderSlackGroup,
  SLACK_GROUP_MAX_MEMBERS,
} from '../../../../../src/lib/core/channels/slack/render-slack-group';
import { previewSlack } from '../../../../../src/lib/core/channels/slack/slack-preview';
import type { SlackMessage } from '../../../../../src/lib/core/channels/slack/slack-types';
import { groupNotifications } from '../../../../../src/lib/core/grouping/group-notifications';
import { storm } from '../../grouping/storm';
import { slackViolations } from './slack-limits';

/** Slack links `<url|label>` are the one place a group message has `<`: checked here, then replaced by their label. */
const LINK = /<(https?:\/\/[^|<>\s]+)\|([^<>]*)>/g;
function withoutLinks(m: SlackMessage): SlackMessage {
  const plain = (text: string) =>
    text.replace(LINK, (_, url: string, label: string) => {
      expect(() => new URL(url)).not.toThrow();
      return label;
    });
  return {
    text: plain(m.text),
    blocks: m.blocks.map((b) =>
      b.type === 'section' && b.text ? { ...b, text: { ...b.text, text: plain(b.text.text) } } : b,
    ),
  };
}

const groupOf = (count: number, overrides = {}) => {
  const [g] = groupNotifications(storm(count, overrides), { maxMembers: SLACK_GROUP_MAX_MEMBERS });
  return g!;
};

describe('render: slack group', () => {
  it.each(['en', 'ja'] as const)('lists each alarm of a group with its link (%s)', (locale) => {
    const message = renderSlackGroup(groupOf(3, { locale }));
    expect(slackViolations(withoutLinks(message))).toEqual([]);
    expect(message).toMatchSnapshot();
    expect(previewSlack(message)).toMatchSnapshot();
  });

  it('renders a lone notification exactly as itself', () => {
    const [g] = groupNotifications(storm(1), { maxMembers: SLACK_GROUP_MAX_MEMBERS });
    expect(renderGrouped(slackChannel, g!)).toEqual(renderSlack(g!.members[0]!));
  });

  it('fits the largest group, with the longest titles, summaries and links, in Slack limits', () => {
    const long = 'x'.repeat(5_000);
    const url = `https://console.aws.amazon.com/cloudwatch/home#alarm/${'a'.repeat(900)}`;
    const g = groupOf(SLACK_GROUP_MAX_MEMBERS, { title: long, summary: long, links: [{ label: 'Alarm', url }] });
    const message = renderSlackGroup(g);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    expect(slackViolations(withoutLinks(message))).toEqual([]);
    expect([...JSON.stringify(message).matchAll(/<https:/g)]).toHaveLength(SLACK_GROUP_MAX_MEMBERS);
  });

  it('escapes event text in titles and keeps a link from being closed early by | or >', () => {
    const links = [{ label: 'Alarm', url: 'https://console.aws.amazon.com/x|y>z' }];
    const message = renderSlackGroup(groupOf(2, { title: '<!channel> & <@U1>', links }));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(text).toContain('<https://console.aws.amazon.com/x%7Cy%3Ez|');
    expect(slackViolations(withoutLinks(message))).toEqual([]);
  });

  it('names every member of a storm in some message', () => {
    const groups = groupNotifications(storm(1_000), { maxMembers: SLACK_GROUP_MAX_MEMBERS });
    const posted = groups.map((g) => JSON.stringify(renderGrouped(slackChannel, g))).join('\n');
    for (const n of storm(1_000)) expect(posted).toContain(n.title);
    expect(groups).toHaveLength(20);
  });
});
