import type { Channel } from '../channel';
import { renderSlack } from './render-slack';
import { renderSlackGroup, SLACK_GROUP_MAX_MEMBERS } from './render-slack-group';
import { previewSlack } from './slack-preview';
import type { SlackMessage } from './slack-types';

/** Slack: a Block Kit message with a plain-text fallback, posted by the slack function's webhook adapter. */
export const slackChannel: Channel<SlackMessage> = {
  id: 'slack',
  render: renderSlack,
  groupLimit: SLACK_GROUP_MAX_MEMBERS,
  renderGroup: renderSlackGroup,
  preview: previewSlack,
};
