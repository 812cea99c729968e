import type { SNSClient } from '@aws-sdk/client-sns';
import { renderGrouped } from '../core/channels/channel';
import { slackChannel } from '../core/channels/slack';
import type { SlackMessage } from '../core/channels/slack/slack-types';
import { teamsChannel } from '../core/channels/teams';
import { webhookChannel } from '../core/channels/webhook';
import { ConfigError } from '../core/errors';
import type { NotificationGroup } from '../core/grouping/group-notifications';
import type { Notification } from '../core/notification';
import { emailPublish } from '../core/publish/email-publish';
import {
  addMention,
  type Delivery,
  type Destination,
  type DestinationType,
  notificationFor,
  slackMessageFor,
} from '../core/routing';
import type { Clock } from './clock';
import { timeLeft } from './deadline';
import { jsonWebhook } from './json-webhook';
import { deliverGroupToSlackApp } from './slack-app-delivery';
import type { SlackThreadStore } from './slack-thread-store';
import { resolveSlackToken } from './slack-token';
import { createSlackApi } from './slack-web-api';
import { slackWebhook } from './slack-webhook';
import { publishNotification } from './sns-publisher';
import { teamsWebhook } from './teams-webhook';
import { sendWebhook, type WebhookChannel } from './webhook-sender';
import { type ParameterReader, resolveDestinationUrl, WEBHOOK_PARAMETER_TIMEOUT_MS } from './webhook-url';

/** A group of notifications bound for one destination, each with the delivery its route made. */
export interface RoutedGroup {
  readonly group: NotificationGroup;
  /** The delivery of each member, by dedupe key (mention, runbook). */
  readonly deliveryOf: (n: Notification) => Delivery;
}

/** What one invocation's sends share: its deadline, the HTTP and AWS clients, the stores. */
export interface SendContext {
  readonly deadline: number;
  readonly now: Clock;
  readonly fetchImpl?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly maxAttempts: number;
  readonly readParameter?: ParameterReader;
  /** The Slack Web API base URL (tests point it at a local stub); default Slack's. */
  readonly slackApiBaseUrl?: string;
  /** Where Slack app threads are kept; absent (no table) means no threads. */
  readonly threads?: SlackThreadStore;
  readonly sns: () => SNSClient;
  /** The ARN of an email destination's topic (a name is in the function's account and region). */
  readonly topicArn: (topic: string) => string;
}

type Sender<T extends DestinationType> = (
  name: string,
  destination: Extract<Destination, { type: T }>,
  routed: RoutedGroup,
  ctx: SendContext,
) => Promise<void>;

/** The group with each member as its destination receives it (its route's runbook link). */
const prepared = ({ group, deliveryOf }: RoutedGroup): NotificationGroup => ({
  ...group,
  members: group.members.map((n) => notificationFor(n, deliveryOf(n))),
});

const lone = ({ group }: RoutedGroup): Notification | undefined =>
  group.members.length === 1 ? group.members[0] : undefined;

/** A Slack message of a group or a lone notification, with the route's mention (members share a severity). */
function slackMessageOf(routed: RoutedGroup): SlackMessage {
  const only = lone(routed);
  if (only) return slackMessageFor(only, routed.deliveryOf(only));
  const first = routed.group.members[0] as Notification;
  const mention = routed.deliveryOf(first).mention;
  const message = renderGrouped(slackChannel, prepared(routed));
  return mention ? addMention(message, mention, first.locale) : message;
}

const postOptions = (ctx: SendContext) => ({
  deadline: ctx.deadline,
  now: ctx.now,
  fetchImpl: ctx.fetchImpl,
  sleep: ctx.sleep,
  maxAttempts: ctx.maxAttempts,
});

const urlOf = (name: string, parameter: string, ctx: SendContext) =>
  resolveDestinationUrl(
    name,
    parameter,
    ctx.readParameter,
    Math.min(WEBHOOK_PARAMETER_TIMEOUT_MS, timeLeft(ctx.deadline, ctx.now())),
  );

const postTo = async <Message>(
  channel: WebhookChannel,
  name: string,
  parameter: string,
  payload: Message,
  ctx: SendContext,
) => {
  await sendWebhook(channel, { url: await urlOf(name, parameter, ctx), payload }, postOptions(ctx));
};

/**
 * How each destination type is sent to. Slack app: through {@link deliverGroupToSlackApp} (an
 * alarm's OK resolves its lone ALARM message in place; a storm's message keeps a thread for each
 * member alarm, whose follow-ups reply there, one reply per thread).
 */
const senders: { readonly [T in DestinationType]: Sender<T> } = {
  'slack-webhook': (name, d, routed, ctx) => postTo(slackWebhook, name, d.parameter, slackMessageOf(routed), ctx),
  'slack-app': async (name, d, routed, ctx) => {
    const token = await resolveSlackToken(
      d.parameter,
      ctx.readParameter,
      Math.min(WEBHOOK_PARAMETER_TIMEOUT_MS, timeLeft(ctx.deadline, ctx.now())),
    );
    const api = createSlackApi({
      token,
      deadline: () => ctx.deadline,
      now: ctx.now,
      fetchImpl: ctx.fetchImpl,
      sleep: ctx.sleep,
      maxAttempts: ctx.maxAttempts,
      ...(ctx.slackApiBaseUrl ? { baseUrl: ctx.slackApiBaseUrl } : {}),
    });
    const whole = routed.group.members;
    // A subset of the group (its members without a thread, or those replying in one thread) is its own message.
    const render = (members: readonly Notification[]) =>
      slackMessageOf(
        members.length === whole.length
          ? routed
          : { ...routed, group: { ...routed.group, members, part: 1, parts: 1 } },
      );
    await deliverGroupToSlackApp(
      whole,
      { name, channel: d.channel },
      { api, ...(ctx.threads ? { store: ctx.threads } : {}), render },
    );
  },
  teams: (name, d, routed, ctx) =>
    postTo(teamsWebhook, name, d.parameter, renderGrouped(teamsChannel, prepared(routed)), ctx),
  webhook: (name, d, routed, ctx) =>
    postTo(jsonWebhook, name, d.parameter, renderGrouped(webhookChannel, prepared(routed)), ctx),
  email: async (_name, d, routed, ctx) => {
    const input = renderGrouped(emailPublish, prepared(routed));
    await publishNotification(ctx.sns(), ctx.topicArn(d.topic), input, {
      timeoutMs: timeLeft(ctx.deadline, ctx.now()),
    });
  },
};

/** Most notifications one message of each destination type lists: its channel's group limit. */
export const groupLimitOf: { readonly [T in DestinationType]: number } = {
  'slack-webhook': slackChannel.groupLimit,
  'slack-app': slackChannel.groupLimit,
  teams: teamsChannel.groupLimit,
  webhook: webhookChannel.groupLimit,
  email: emailPublish.groupLimit,
};

/**
 * Sends one group to one routing destination, by its type (see {@link senders}).
 * @throws DeliveryError (`retryable` or not) or ConfigError (a secret missing or malformed: permanent)
 * @example await sendToDestination('oncall', { type: 'slack-app', parameter, channel }, routed, ctx);
 */
export function sendToDestination(
  name: string,
  destination: Destination,
  routed: RoutedGroup,
  ctx: SendContext,
): Promise<void> {
  const send = senders[destination.type] as Sender<DestinationType>;
  return send(name, destination as never, routed, ctx);
}

/**
 * The ARN of an email destination's topic: an ARN as written, a name in the function's account and
 * region (from the invoked function's ARN).
 * @throws ConfigError when a name is given and the function's ARN is unknown
 */
export function topicArnResolver(functionArn: string | undefined): (topic: string) => string {
  return (topic) => {
    if (topic.startsWith('arn:')) return topic;
    const [, partition, , region, account] = functionArn?.split(':') ?? [];
    if (!partition || !region || !account)
      throw new ConfigError(`email topic "${topic}": a topic name needs the function's ARN; write the topic ARN`);
    return `arn:${partition}:sns:${region}:${account}:${topic}`;
  };
}
