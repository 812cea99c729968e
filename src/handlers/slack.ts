import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type DedupeStore, DUPLICATE_RULE, dedupeStoreFor } from '../lib/adapters/dedupe-store';
import { logger } from '../lib/adapters/logger';
import { postSlackMessage } from '../lib/adapters/slack-webhook';
import { type ParameterReader, resolveWebhookUrl } from '../lib/adapters/webhook-url';
import { type Env, loadSlackConfig, type SlackConfig } from '../lib/config';
import { renderSlack } from '../lib/core/channels/slack/render-slack';
import { deliveryFailure, unreadableInput } from './delivery-failure';
import { toNotifications } from './slack-input';

/** Time kept back from the Lambda timeout so a failure is reported before the function is killed. */
const DEADLINE_MARGIN_MS = 1_000;
/** Time budget when there is no Lambda context (local runs, tests). */
const DEFAULT_BUDGET_MS = 10_000;

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

function remainingMs(context: unknown): number {
  const get = (context as Partial<Context> | undefined)?.getRemainingTimeInMillis;
  const remaining = typeof get === 'function' ? get.call(context) : Number.NaN;
  return Number.isFinite(remaining) ? remaining : DEFAULT_BUDGET_MS;
}

/** The Slack post's own key: the SNS publish claimed the notification's key already. */
const slackKey = (dedupeKey: string) => `slack:${dedupeKey}`;

/**
 * Builds the Slack forwarder: input is the SNS→Lambda event of the notifications topic. Each record
 * becomes a Notification (see {@link toNotifications}), rendered as Block Kit and posted to the
 * webhook, one after the other within the Lambda's remaining time. One record failing does not stop
 * the others; the invocation throws at the end if any failed. With DEDUPE_TABLE, a message SNS
 * delivers twice is posted once (a failed post gives its key back, so Lambda's retry can post it).
 * @example const handler = createSlackHandler({ env: { SLACK_WEBHOOK_URL: 'http://127.0.0.1:8080/x' } });
 */
export function createSlackHandler(deps: SlackHandlerDeps = {}) {
  let config: SlackConfig | undefined;
  let store: DedupeStore | undefined;
  const now = deps.now ?? Date.now;

  return async function slackHandler(event: unknown, context?: Context): Promise<SlackSummary> {
    config ??= loadSlackConfig(deps.env ?? process.env);
    store ??= dedupeStoreFor(config, deps.dynamodb, now);
    const deadline = now() + remainingMs(context) - DEADLINE_MARGIN_MS;
    // Powertools caches the parameter per container (maxAge), so this reads SSM once, not per call.
    const url = await resolveWebhookUrl(config.webhook, deps.readParameter);
    const result = await toNotifications(event, config, new Date(now()));
    for (const { rule, reason, path } of result.ignored) logger.info('input ignored', { rule, reason, path });
    for (const error of result.errors) logger.error('input record could not be read', { error });

    const failures: unknown[] = [];
    let duplicates = 0;
    for (const n of result.notifications) {
      if ((await store?.claim(slackKey(n.dedupeKey))) === 'duplicate') {
        logger.info('input ignored', { rule: DUPLICATE_RULE, reason: 'posted before', dedupeKey: n.dedupeKey });
        duplicates += 1;
        continue;
      }
      try {
        await postSlackMessage(url, renderSlack(n), {
          deadline,
          now,
          fetchImpl: deps.fetchImpl,
          sleep: deps.sleep,
          maxAttempts: deps.maxAttempts,
        });
        logger.info('slack message posted', { category: n.category, severity: n.severity, dedupeKey: n.dedupeKey });
      } catch (error) {
        logger.error('slack message not posted', { error, dedupeKey: n.dedupeKey });
        await store?.release(slackKey(n.dedupeKey));
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
export const main = middy(handler).use(injectLambdaContext(logger, { resetKeys: true }));
