import type { Channel } from '../channel';
import { renderEmail } from './render-email';
import { EMAIL_GROUP_MAX_MEMBERS, renderEmailGroup } from './render-email-group';

/**
 * Email, delivered by the notifications topic's email subscriptions: the `email` body of the SNS
 * message (MessageStructure json), under the shared subject.
 */
export const emailChannel: Channel<string> = {
  id: 'email',
  render: renderEmail,
  groupLimit: EMAIL_GROUP_MAX_MEMBERS,
  renderGroup: renderEmailGroup,
  preview: (text) => text,
};
