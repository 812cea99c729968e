import type { Channel } from '../channel';
import {
  previewWebhook,
  renderWebhook,
  renderWebhookGroup,
  WEBHOOK_GROUP_MAX_MEMBERS,
  type WebhookMessage,
} from './render-webhook';

/** A generic JSON webhook: the versioned Notification in a small envelope, for any tool that takes JSON. */
export const webhookChannel: Channel<WebhookMessage> = {
  id: 'webhook',
  render: renderWebhook,
  groupLimit: WEBHOOK_GROUP_MAX_MEMBERS,
  renderGroup: renderWebhookGroup,
  preview: previewWebhook,
};
