import type { Channel } from './channel';
import { emailChannel } from './email';
import { slackChannel } from './slack';

/**
 * The registry: every channel, in the order the CLI shows them. `render --format json` has one key
 * per channel id next to the SNS subject and attributes.
 */
export const channels: readonly Channel[] = [emailChannel, slackChannel];

export type { Channel } from './channel';
