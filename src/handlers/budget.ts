import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '../lib/adapters/logger';
import { publishNotification } from '../lib/adapters/sns-publisher';
import { type AlarmConfig, type Env, loadAlarmConfig } from '../lib/config';
import { parseBudgetText } from '../lib/core/cost/budget-text';
import type { CostMessageMeta } from '../lib/core/cost/cost-meta';
import { interpretCostMessage } from '../lib/core/cost/interpret-cost-message';
import { InputError } from '../lib/core/errors';
import type { RenderContext } from '../lib/core/locale';
import type { Notification } from '../lib/core/notification';
import { buildSnsPublish } from '../lib/core/render/sns-message';
import { deliveryFailure } from './delivery-failure';

/** What the budget handler needs from the outside; each has a real default, created once per container. */
export interface BudgetHandlerDeps {
  env?: Env;
  sns?: () => SNSClient;
  now?: () => Date;
}

/** What one invocation did, returned for logs and tests. */
export interface BudgetSummary {
  published: number;
}

interface SnsRecordShape {
  Sns?: { Message?: unknown; MessageId?: string; Timestamp?: string; Subject?: string | null };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The messages in the input: each SNS record's body, or an EventBridge anomaly event itself. */
function messagesOf(event: unknown): Array<{ body: unknown; meta: CostMessageMeta; path: string }> {
  if (isObject(event) && Array.isArray(event.Records)) {
    return (event.Records as SnsRecordShape[]).map((record, i) => {
      const sns = record?.Sns;
      if (typeof sns?.Message !== 'string') throw new InputError('not an SNS record with a Message', `Records[${i}]`);
      return {
        body: sns.Message,
        path: `Records[${i}].Sns.Message`,
        meta: {
          ...(sns.MessageId ? { id: sns.MessageId } : {}),
          ...(sns.Timestamp ? { occurredAt: sns.Timestamp } : {}),
          ...(sns.Subject ? { subject: sns.Subject } : {}),
        },
      };
    });
  }
  if (isObject(event) && event.source === 'aws.ce') {
    return [{ body: event, path: '', meta: typeof event.time === 'string' ? { occurredAt: event.time } : {} }];
  }
  throw new InputError('expected an SNS event from the budget-alerts topic or an aws.ce EventBridge event');
}

function interpret(body: unknown, meta: CostMessageMeta, ctx: RenderContext, path: string): Notification {
  const n = interpretCostMessage(body, ctx, meta);
  if (n.category === 'budget' && typeof body === 'string' && !parseBudgetText(body)) {
    // Nothing is lost (the notification carries the text), but the parser needs a look.
    logger.warn('budget message not parsed', { path, messageId: meta.id, detail: body.slice(0, 1_000) });
  }
  return n;
}

/**
 * Builds the handler of the `budget-alerts` topic, to which AWS Budgets and Cost Anomaly Detection
 * publish: each message becomes a `budget` or `cost-anomaly` notification (an unparseable Budgets
 * text still becomes a `budget` notification carrying it) and is published to NOTIFICATIONS_TOPIC_ARN.
 * Throws after trying every record when a publish failed, so Lambda retries and dead-letters.
 * @example const handler = createBudgetHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export function createBudgetHandler(deps: BudgetHandlerDeps = {}) {
  let config: AlarmConfig | undefined;
  let client: SNSClient | undefined;
  return async function budgetHandler(event: unknown, _context?: Context): Promise<BudgetSummary> {
    config ??= loadAlarmConfig(deps.env ?? process.env);
    client ??= deps.sns?.() ?? new SNSClient({});
    const { locale, timeZone, topicArn } = config;
    const ctx: RenderContext = { locale, timeZone, now: deps.now?.() ?? new Date() };
    const notifications = messagesOf(event).map(({ body, meta, path }) => interpret(body, meta, ctx, path));
    const sns = client;
    const outcomes = await Promise.allSettled(
      notifications.map(async (n) => {
        const messageId = await publishNotification(sns, topicArn, buildSnsPublish(n));
        logger.info('notification published', {
          messageId,
          category: n.category,
          severity: n.severity,
          dedupeKey: n.dedupeKey,
        });
      }),
    );
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    for (const error of failures) logger.error('notification not published', { error });
    if (failures.length > 0) throw deliveryFailure(failures, outcomes.length, 'SNS publishes');
    return { published: outcomes.length };
  };
}

/** The plain handler (tests call it directly). */
export const handler = createBudgetHandler();

/** What Lambda calls (`src/handlers/budget.main`): the handler with Powertools' Lambda context in every log line. */
export const main = middy(handler).use(injectLambdaContext(logger, { resetKeys: true }));
