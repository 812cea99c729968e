import type { WebhookChannel } from '../lib/adapters/webhook-sender';

/**
 * Where `notifier send` can post: one row per channel with a webhook, each with its flag and the
 * environment variable that holds its URL (so the secret stays out of shell history).
 */
export interface SendTarget {
  /** The channel id in the registry (`channels/index.ts`), whose rendering is posted. */
  readonly channel: string;
  /** The command-line flag holding the URL, without `--`. */
  readonly flag: string;
  /** The environment variable read when the flag is not given. */
  readonly env: string;
  /** How the channel is named in what the command prints. */
  readonly label: string;
  /** What the URL is, for the usage text. */
  readonly describe: string;
  /** The shared webhook sender's reader of this channel's answers; loaded only when sending. */
  readonly webhook: () => Promise<WebhookChannel>;
}

/** Every channel `send` can post to. */
export const sendTargets: readonly SendTarget[] = [
  {
    channel: 'slack',
    flag: 'webhook-url',
    env: 'NOTIFIER_SLACK_WEBHOOK_URL',
    label: 'Slack',
    describe: 'a Slack incoming-webhook URL',
    webhook: async () => (await import('../lib/adapters/slack-webhook')).slackWebhook,
  },
  {
    channel: 'teams',
    flag: 'teams-url',
    env: 'NOTIFIER_TEAMS_WEBHOOK_URL',
    label: 'Teams',
    describe: 'a Teams Workflows webhook URL (an Adaptive Card is posted)',
    webhook: async () => (await import('../lib/adapters/teams-webhook')).teamsWebhook,
  },
  {
    channel: 'webhook',
    flag: 'webhook',
    env: 'NOTIFIER_JSON_WEBHOOK_URL',
    label: 'JSON webhook',
    describe: 'any URL taking JSON: { version, subject, notification }',
    webhook: async () => (await import('../lib/adapters/json-webhook')).jsonWebhook,
  },
];
