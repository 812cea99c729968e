import type { Channel } from '../channel';
import { renderSlack } from './render-slack';
import { previewSlack } from './slack-preview';
import type { SlackMessage } from './slack-types';

/** Slack: a Block Kit message with a plain-text fallback, posted by the slack function's webhook adapter. */
export const slackChannel: Channel<SlackMessage> = {
  id: 'slack',
  render: renderSlack,
  preview: previewSlack,
};
