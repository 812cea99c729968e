import middy from '@middy/core';
import { injectLambdaContext, logger } from '../lib/adapters/logger';
import { slackDelivery } from '../lib/adapters/slack-webhook';
import { type ChannelHandlerDeps, type ChannelSummary, createChannelHandler } from './channel';
import { deadLetterPermanentFailures } from './dead-letter';

/** What the Slack forwarder needs from the outside; each has a real default. */
export type SlackHandlerDeps = ChannelHandlerDeps;
/** What one invocation did. */
export type SlackSummary = ChannelSummary;

/**
 * The Slack forwarder: the notifications topic's records, as Block Kit, to the incoming webhook
 * (see {@link createChannelHandler}). `main` sends permanent failures to the dead-letter queue at once.
 * @example const handler = createSlackHandler({ env: { SLACK_WEBHOOK_URL: 'http://127.0.0.1:8080/x' } });
 */
export const createSlackHandler = (deps: SlackHandlerDeps = {}) => createChannelHandler(slackDelivery, deps);

/** The plain handler (tests call it directly). */
export const handler = createSlackHandler();

/** What Lambda calls (`src/handlers/slack.main`). */
export const main = middy(handler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(deadLetterPermanentFailures());
