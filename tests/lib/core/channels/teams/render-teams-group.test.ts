import { describe, expect, it } from 'vitest';
import { renderGrouped } from '../../../../../src/lib/core/channels/channel';
import { teamsChannel } from '../../../../../src/lib/core/channels/teams';
import { TEAMS_MESSAGE_MAX_BYTES } from '../../../../../src/lib/core/channels/teams/limits';
import { renderTeams, teamsMessageBytes } from '../../../../../src/lib/core/channels/teams/render-teams';
import {
  renderTeamsGroup,
  TEAMS_GROUP_MAX_MEMBERS,
} from '../../../../../src/lib/core/channels/teams/render-teams-group';
import { previewTeams } from '../../../../../src/lib/core/channels/teams/teams-preview';
import type { TextBlock } from '../../../../../src/lib/core/channels/teams/teams-types';
import { groupNotifications } from '../../../../../src/lib/core/grouping/group-notifications';
import { storm } from '../../grouping/storm';
import { teamsViolations } from './teams-limits';

const groupOf = (count: number, overrides = {}) => {
  const [g] = groupNotifications(storm(count, overrides), { maxMembers: TEAMS_GROUP_MAX_MEMBERS });
  return g!;
};
const listOf = (g: ReturnType<typeof groupOf>) =>
  (renderTeamsGroup(g).attachments[0].content.body[1] as TextBlock).text.split('\n');

describe('render: teams group', () => {
  it.each(['en', 'ja'] as const)('lists each alarm of a group with its link under the group subject (%s)', (locale) => {
    const message = renderTeamsGroup(groupOf(3, { locale }));
    expect(teamsViolations(message)).toEqual([]);
    expect(previewTeams(message)).toMatchSnapshot();
  });

  it('renders a lone notification exactly as itself', () => {
    const g = groupOf(1);
    expect(renderGrouped(teamsChannel, g)).toEqual(renderTeams(g.members[0]!));
  });

  it('fits the largest group, with the longest titles, summaries and links, within 28 KB', () => {
    for (const text of ['x'.repeat(5_000), '*'.repeat(5_000), '値'.repeat(5_000)]) {
      const url = `https://console.aws.amazon.com/cloudwatch/home#alarm/${'a'.repeat(440)}`;
      const g = groupOf(TEAMS_GROUP_MAX_MEMBERS, { title: text, summary: text, links: [{ label: 'Alarm', url }] });
      const message = renderTeamsGroup(g);
      expect(teamsMessageBytes(message)).toBeLessThanOrEqual(TEAMS_MESSAGE_MAX_BYTES);
      expect(teamsViolations(message)).toEqual([]);
      expect(listOf(g).filter((line) => line.includes('](https://'))).toHaveLength(TEAMS_GROUP_MAX_MEMBERS);
    }
  });

  it('escapes event text in titles and keeps a link from being closed early by ( ) < > or a space', () => {
    const links = [{ label: 'Alarm', url: 'https://console.aws.amazon.com/x(y)<z> w' }];
    const lines = listOf(groupOf(2, { title: '[x](https://evil.example) **now**', links }));
    expect(lines[0]).toMatch(
      /^- \[\\\[x\\\]\(https:\/\/evil\.example\) \\\*\\\*now\\\*\\\*\]\(https:\/\/console\.aws\.amazon\.com\/x%28y%29%3Cz%3E%20w\) — /,
    );
  });

  it('names every member of a storm in some card', () => {
    const groups = groupNotifications(storm(200), { maxMembers: TEAMS_GROUP_MAX_MEMBERS });
    const posted = groups.map((g) => JSON.stringify(renderGrouped(teamsChannel, g))).join('\n');
    for (const n of storm(200)) expect(posted).toContain(n.title.replace(/_/g, '\\\\_'));
    expect(groups).toHaveLength(10);
  });
});
