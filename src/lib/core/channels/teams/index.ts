import type { Channel } from '../channel';
import { renderTeams } from './render-teams';
import { renderTeamsGroup, TEAMS_GROUP_MAX_MEMBERS } from './render-teams-group';
import { previewTeams } from './teams-preview';
import type { TeamsMessage } from './teams-types';

/**
 * Microsoft Teams: an Adaptive Card for a Workflows webhook ("Post to a channel when a webhook
 * request is received"; Office 365 connectors are retired), posted through the shared webhook sender.
 */
export const teamsChannel: Channel<TeamsMessage> = {
  id: 'teams',
  render: renderTeams,
  groupLimit: TEAMS_GROUP_MAX_MEMBERS,
  renderGroup: renderTeamsGroup,
  preview: previewTeams,
};
