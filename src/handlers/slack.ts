import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { invocationDeadline, timeLeft } from '../lib/adapters/deadline';
import { type DedupeStore, dedupeStoreFor } from '../lib/adapters/dedupe-store';
import { deliverOnce } from '../lib/adapters/deliver-once';
import { logger } from '../lib/adapters/logger';
import { postSlackMessage } from '../lib/adapters/slack-webhook';
import { type ParameterReader, resolveWebhookUrl } from '../lib/adapters/webhook-url';
import { type Env, loadSlackConfig, type SlackConfig } from '../lib/config';
import { renderSlack } from '../lib/core/channels/slack/render-slack';
import { deadLetterPermanentFailures } from './dead-letter';
import { deliveryFailure, unreadableInput } from './delivery-failure';
import { toNotifications } from './slack-input';

/** The Slack post's keys are its own: the SNS publish of the same notification holds the bare key. */
const SLACK_KEY_PREFIX = 'slack:';

/** What the Slack forwarder needs from the outside; each has a real default. */
export interface SlackHandlerDeps {
  env?: Env;
  /** Epoch ms clock. */
  now?: () => number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  readParameter?: ParameterReader;
  maxAttempts?: number;
  /** DynamoDB client of the dedupe store, used only when DEDUPE_TABLE is set. */
  dynamodb?: () => DynamoDBClient;
}

/** What one invocation did. */
export interface SlackSummary {
  posted: number;
  ignored: number;
}

/**
 * Builds the Slack forwarder: input is the SNS→Lambda event of the notifications topic. Each record
 * becomes a Notification (see {@link toNotifications}), rendered as Block Kit and posted to the
 * webhook, one after the other within the Lambda's remaining time. One record failing does not stop
 * the others; the invocation throws at the end if any failed. With DEDUPE_TABLE, each notification
 * is posted once (see {@link deliverOnce}): a copy SNS delivers twice is ignored, a failed or killed
 * post is posted by the retry. `main` sends permanent failures to the dead-letter queue at once.
 * @example const handler = createSlackHandler({ env: { SLACK_WEBHOOK_URL: 'http://127.0.0.1:8080/x' } });
 */
export function createSlackHandler(deps: SlackHandlerDeps = {}) {
  let config: SlackConfig | undefined;
  let store: DedupeStore | undefined;
  const now = deps.now ?? Date.now;

  return async function slackHandler(event: unknown, context?: Context): Promise<SlackSummary> {
    config ??= loadSlackConfig(deps.env ?? process.env);
    store ??= dedupeStoreFor(config, deps.dynamodb, { now, keyPrefix: SLACK_KEY_PREFIX });
    const deadline = invocationDeadline(context, now());
    // Powertools caches the parameter per container (maxAge), so this reads SSM once, not per call.
    const url = await resolveWebhookUrl(config.webhook, deps.readParameter, timeLeft(deadline, now()));
    const result = await toNotifications(event, config, new Date(now()));
    for (const { rule, reason, path } of result.ignored) logger.info('input ignored', { rule, reason, path });
    for (const error of result.errors) logger.error('input record could not be read', { error });

    const failures: unknown[] = [];
    let duplicates = 0;
    const post = { deadline, now, fetchImpl: deps.fetchImpl, sleep: deps.sleep, maxAttempts: deps.maxAttempts };
    // One after the other: Slack takes about one message a second per webhook.
    for (const n of result.notifications) {
      try {
        const delivery = await deliverOnce(store, n.dedupeKey, () => postSlackMessage(url, renderSlack(n), post), {
          deadline,
          now,
        });
        if (delivery.outcome === 'duplicate') duplicates += 1;
        else
          logger.info('slack message posted', { category: n.category, severity: n.severity, dedupeKey: n.dedupeKey });
      } catch (error) {
        logger.error('slack message not posted', { error, dedupeKey: n.dedupeKey });
        failures.push(error);
      }
    }
    if (failures.length > 0) throw deliveryFailure(failures, result.notifications.length, 'Slack posts');
    if (result.errors.length > 0) throw unreadableInput(result.errors);
    return { posted: result.notifications.length - duplicates, ignored: result.ignored.length + duplicates };
  };
}

/** The plain handler (tests call it directly). */
export const handler = createSlackHandler();

/** What Lambda calls (`src/handlers/slack.main`). */
export const main = middy(handler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(deadLetterPermanentFailures());
