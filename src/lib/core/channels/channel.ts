import type { NotificationGroup } from '../grouping/group-notifications';
import type { Notification } from '../notification';

/**
 * One way notifications reach people: a folder under `src/lib/core/channels/` and one entry in the
 * registry (`./index.ts`). A channel is a pure renderer of the published Notification plus, outside
 * the core, one delivery adapter; the CLI, the fixture tests and the channel's Lambda loop over the
 * registry and know no channel by name.
 *
 * @example for (const c of channels) console.log(c.preview(c.render(n)));
 */
export interface Channel<Message = unknown> {
  /** Kebab-case id, also the folder name and the key in `notifier render --format json`. */
  readonly id: string;
  /** What is delivered, exactly: the email body, the Slack payload, … Pure. */
  render(n: Notification): Message;
  /** Most notifications one message lists (what fits the channel's limits); see {@link renderGroup}. */
  readonly groupLimit: number;
  /** One message listing a group of at most {@link groupLimit} notifications, each with its link. Pure. */
  renderGroup(group: NotificationGroup): Message;
  /** How a person sees the message, as plain text for a terminal. */
  // Method syntax on purpose: a Channel<SlackMessage> then fits in the registry's Channel list.
  preview(message: Message): string;
}

/**
 * What a channel delivers for a group: a lone notification rendered as itself (nothing changes for
 * the usual case), several listed in one message.
 * @example for (const g of groupNotifications(batch, { maxMembers: c.groupLimit })) post(renderGrouped(c, g));
 */
export function renderGrouped<Message>(
  channel: Pick<Channel<Message>, 'render' | 'renderGroup'>,
  group: NotificationGroup,
): Message {
  const [only] = group.members;
  return group.members.length === 1 && only ? channel.render(only) : channel.renderGroup(group);
}
