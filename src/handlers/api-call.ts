import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '../lib/adapters/logger';
import { loadRuleSet } from '../lib/adapters/rules-file';
import { publishNotification } from '../lib/adapters/sns-publisher';
import { type AlarmConfig, type Env, loadAlarmConfig } from '../lib/config';
import { interpretApiCall, type RuleSet } from '../lib/core/cloudtrail';
import { InputError } from '../lib/core/errors';
import { buildSnsPublish } from '../lib/core/render/sns-message';

/** What the API-call handler needs from the outside; each has a real default, created once per container. */
export interface ApiCallHandlerDeps {
  env?: Env;
  sns?: () => SNSClient;
  /** The effective rules; default: the built-in rules plus the file named by NOTIFIER_RULES_FILE. */
  ruleSet?: () => Promise<RuleSet>;
  now?: () => Date;
}

/** What one invocation did, returned for logs and tests. */
export interface ApiCallSummary {
  published: number;
  ignored: number;
}

/** Remembers the value of the first call (one client, config or rule set per container). */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/**
 * Builds the API-call handler: input is an EventBridge "AWS API Call via CloudTrail" or "AWS Console
 * Sign In via CloudTrail" event. A matching rule's notification is published to
 * NOTIFICATIONS_TOPIC_ARN; an ignored event is logged with the rule id and reason. Throws (so Lambda
 * retries, then dead-letters) when the publish fails or the event is unreadable.
 * @example const handler = createApiCallHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export function createApiCallHandler(deps: ApiCallHandlerDeps = {}) {
  const env = deps.env ?? process.env;
  const config = once<AlarmConfig>(() => loadAlarmConfig(env));
  const sns = once(deps.sns ?? (() => new SNSClient({})));
  const ruleSet = once(deps.ruleSet ?? (() => loadRuleSet(env.NOTIFIER_RULES_FILE)));

  return async function apiCallHandler(event: unknown, _context?: Context): Promise<ApiCallSummary> {
    const { locale, timeZone, topicArn } = config();
    const rules = await ruleSet();
    let result: ReturnType<typeof interpretApiCall>;
    try {
      result = interpretApiCall(event, { locale, timeZone, now: deps.now?.() ?? new Date() }, rules);
    } catch (error) {
      if (error instanceof InputError) logger.error('input could not be read', { error });
      throw error;
    }
    if (result.kind === 'ignored') {
      logger.info('input ignored', { rule: result.rule, reason: result.reason });
      return { published: 0, ignored: 1 };
    }
    const n = result.notification;
    const messageId = await publishNotification(sns(), topicArn, buildSnsPublish(n));
    logger.info('notification published', {
      messageId,
      category: n.category,
      severity: n.severity,
      dedupeKey: n.dedupeKey,
    });
    return { published: 1, ignored: 0 };
  };
}

/** The plain handler (tests call it directly). */
export const handler = createApiCallHandler();

/** What Lambda calls (`src/handlers/api-call.main`): the handler with Powertools' Lambda context in every log line. */
export const main = middy(handler).use(injectLambdaContext(logger, { resetKeys: true }));
