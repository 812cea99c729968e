import type { Channel } from '../channel';
import { renderEmail } from './render-email';

/**
 * Email, delivered by the notifications topic's email subscriptions: the `email` body of the SNS
 * message (MessageStructure json), under the shared subject.
 */
export const emailChannel: Channel<string> = {
  id: 'email',
  render: renderEmail,
  preview: (text) => text,
};
