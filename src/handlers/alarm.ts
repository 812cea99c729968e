import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '../lib/adapters/logger';
import { publishNotification } from '../lib/adapters/sns-publisher';
import { createTargetHealthReader } from '../lib/adapters/target-health';
import { type AlarmConfig, type Env, loadAlarmConfig } from '../lib/config';
import { buildSnsPublish } from '../lib/core/render/sns-message';
import { processEvent } from '../lib/pipeline';
import { deliveryFailure, unreadableInput } from './delivery-failure';

/** What the alarm handler needs from the outside; each has a real default, created once per container. */
export interface AlarmHandlerDeps {
  env?: Env;
  sns?: () => SNSClient;
  /** ELBv2 client for a target group's region (its ARN may name another region than ours). */
  elbv2?: (region: string) => ElasticLoadBalancingV2Client;
  now?: () => Date;
}

/** What one invocation did, returned for logs and tests. */
export interface AlarmSummary {
  published: number;
  ignored: number;
}

/** Remembers the value of the first successful call (one client or config per container). */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/**
 * Builds the alarm handler: input is an EventBridge "CloudWatch Alarm State Change" event, an
 * SNS→Lambda event from an alarm topic, or a Lambda alarm action. Every notification is rendered and
 * published to NOTIFICATIONS_TOPIC_ARN; ignored inputs are logged with their rule. Throws (so Lambda
 * retries, then dead-letters) when a publish fails or a record was unreadable, after delivering the rest.
 * @example const handler = createAlarmHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export function createAlarmHandler(deps: AlarmHandlerDeps = {}) {
  const config = once<AlarmConfig>(() => loadAlarmConfig(deps.env ?? process.env));
  const sns = once(deps.sns ?? (() => new SNSClient({})));
  const elbv2Clients = new Map<string, ElasticLoadBalancingV2Client>();
  const elbv2 = (region: string) => {
    const client =
      elbv2Clients.get(region) ?? (deps.elbv2 ?? ((r) => new ElasticLoadBalancingV2Client({ region: r })))(region);
    elbv2Clients.set(region, client);
    return client;
  };
  const targetHealth = once(() => createTargetHealthReader(elbv2, { timeoutMs: config().targetHealthTimeoutMs }));

  return async function alarmHandler(event: unknown, _context?: Context): Promise<AlarmSummary> {
    const { locale, timeZone, alarmNamePrefixes, topicArn } = config();
    const now = deps.now?.() ?? new Date();
    const result = await processEvent(event, {
      ctx: { locale, timeZone, now },
      alarmNamePrefixes,
      targetHealth: targetHealth(),
    });
    for (const { rule, reason, path } of result.ignored) logger.info('input ignored', { rule, reason, path });
    for (const error of result.errors) logger.error('input record could not be read', { error });

    const outcomes = await Promise.allSettled(
      result.notifications.map(async (n) => {
        const messageId = await publishNotification(sns(), topicArn, buildSnsPublish(n));
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
    if (result.errors.length > 0) throw unreadableInput(result.errors);
    return { published: outcomes.length, ignored: result.ignored.length };
  };
}

/** The plain handler (tests call it directly). */
export const handler = createAlarmHandler();

/** What Lambda calls (`src/handlers/alarm.main`): the handler with Powertools' Lambda context in every log line. */
export const main = middy(handler).use(injectLambdaContext(logger, { resetKeys: true }));
