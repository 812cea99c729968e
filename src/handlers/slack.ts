import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext, logger } from '../lib/adapters/logger';
import { slackDelivery } from '../lib/adapters/slack-webhook';
import { type ChannelHandlerDeps, type ChannelSummary, createChannelHandler } from './channel';
import { createQueueChannelHandler, type QueueChannelDeps } from './channel-queue';
import { deadLetterPermanentFailures } from './dead-letter';
import type { BatchResponse } from './queue-batch';
import { isQueueEvent } from './queue-input';
import { createRoutedBatchHandler, type RoutedBatchDeps } from './routed-batch';

/** What the Slack forwarder needs from the outside; each has a real default. */
export type SlackHandlerDeps = ChannelHandlerDeps & QueueChannelDeps & RoutedBatchDeps;
/** What one invocation did: a partial batch response for a queue batch, a summary for SNS records. */
export type SlackSummary = ChannelSummary | BatchResponse;

/**
 * The delivery function (deployed as `slack`). Behind the Slack queue (SNS → SQS → this function, at
 * most two at a time): with a routing file (ROUTES_FILE), each notification is routed to its
 * destinations (see {@link createRoutedBatchHandler}); without one, a batch is paced to the one
 * webhook and grouped, as always (see {@link createQueueChannelHandler}). An
 * SNS→Lambda event (a topic subscribed directly) is still posted record by record
 * (see {@link createChannelHandler}). `main` sends permanent failures to the dead-letter queue at once.
 * @example const handler = createSlackHandler({ env: { SLACK_WEBHOOK_URL: 'http://127.0.0.1:8080/x' } });
 */
export function createSlackHandler(deps: SlackHandlerDeps = {}) {
  const fromTopic = createChannelHandler(slackDelivery, deps);
  const env = deps.env ?? process.env;
  const fromQueue = env.ROUTES_FILE ? createRoutedBatchHandler(deps) : createQueueChannelHandler(slackDelivery, deps);
  return function slackHandler(event: unknown, context?: Context): Promise<SlackSummary> {
    return isQueueEvent(event) ? fromQueue(event, context) : fromTopic(event, context);
  };
}

/** The plain handler (tests call it directly). */
export const handler = createSlackHandler();

/** What Lambda calls (`src/handlers/slack.main`). */
export const main = middy(handler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(deadLetterPermanentFailures());
