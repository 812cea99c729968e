import type { Channel } from './channel';
import { emailChannel } from './email';
import { slackChannel } from './slack';
import { teamsChannel } from './teams';
import { webhookChannel } from './webhook';

/**
 * The registry: every channel, in the order the CLI shows them. `render --format json` has one key
 * per channel id next to the SNS subject and attributes.
 */
export const channels: readonly Channel[] = [emailChannel, slackChannel, teamsChannel, webhookChannel];

export type { Channel } from './channel';
