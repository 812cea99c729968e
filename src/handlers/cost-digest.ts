import { BudgetsClient } from '@aws-sdk/client-budgets';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Clock } from '../lib/adapters/clock';
import { invocationDeadline, timeLeft } from '../lib/adapters/deadline';
import { dedupeStoreFor } from '../lib/adapters/dedupe-store';
import { deliverOnce } from '../lib/adapters/deliver-once';
import { createFreeTierReader, type FreeTierReader } from '../lib/adapters/free-tier';
import { injectLambdaContext, logger } from '../lib/adapters/logger';
import { sdkClientConfig } from '../lib/adapters/sdk-client';
import { publishNotification } from '../lib/adapters/sns-publisher';
import type { Env } from '../lib/config';
import { buildSnsPublish } from '../lib/core/publish/sns-message';
import { digestRunDate } from '../lib/core/sources/cost-digest/digest-dates';
import type { DigestPeriod } from '../lib/core/sources/cost-digest/periods';
import { loadCostDigestConfig } from '../lib/cost-config';
import { liveDigestSource, produceCostDigest } from '../lib/cost-digest';
import { readDigestRequest } from './digest-request';
import { once } from './once';

/**
 * Cost Explorer and Budgets are global services served from us-east-1.
 * @see https://docs.aws.amazon.com/general/latest/gr/billing.html
 */
const BILLING_REGION = 'us-east-1';

/** What the digest handler needs from the outside; each has a real default, created once per container. */
export interface CostDigestHandlerDeps {
  env?: Env;
  sns?: () => SNSClient;
  costExplorer?: () => CostExplorerClient;
  budgets?: () => BudgetsClient;
  freeTier?: () => FreeTierReader;
  /** DynamoDB client of the dedupe store, used only when DEDUPE_TABLE is set. */
  dynamodb?: () => DynamoDBClient;
  now?: Clock;
}

/** What one invocation did, returned for logs and tests. */
export interface CostDigestSummary {
  period: DigestPeriod;
  date: string;
  messageId: string;
  costExplorerRequests: number;
  notes: number;
  /** This period's digest was delivered before (the schedule fired twice): nothing was sent. */
  duplicate?: true;
}

/** The account in the function's own ARN (arn:aws:lambda:region:ACCOUNT:function:name). */
const accountOf = (context?: Context) => context?.invokedFunctionArn?.split(':')[4] || undefined;

/**
 * Builds the scheduled digest of DIGEST_PERIOD (see src/lib/cost-digest.ts): reads Cost Explorer,
 * Budgets and the Free Tier API (a bounded number of calls, each failure becoming a visible note)
 * for the period before "today" in NOTIFIER_TIME_ZONE, and publishes one `cost-digest`
 * notification. Throws only when the publish fails (so Lambda retries); a failed cost source never
 * stops the digest.
 * @example const handler = createCostDigestHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export function createCostDigestHandler(deps: CostDigestHandlerDeps = {}) {
  const loadConfig = once(() => loadCostDigestConfig(deps.env ?? process.env));
  const loadClients = once(() => ({
    sns: deps.sns?.() ?? new SNSClient(sdkClientConfig()),
    costExplorer: deps.costExplorer?.() ?? new CostExplorerClient(sdkClientConfig({ region: BILLING_REGION })),
    budgets: deps.budgets?.() ?? new BudgetsClient(sdkClientConfig({ region: BILLING_REGION })),
    freeTier: deps.freeTier?.() ?? createFreeTierReader(),
  }));
  const clock = deps.now ?? Date.now;
  const store = once(() => dedupeStoreFor(loadConfig(), deps.dynamodb, { now: clock }));

  return async function costDigestHandler(event: unknown, context?: Context): Promise<CostDigestSummary> {
    const config = loadConfig();
    const now = new Date(clock());
    const deadline = invocationDeadline(context, clock());
    const request = readDigestRequest(event);
    const account = config.accountId ?? accountOf(context);
    const date = request.date ?? digestRunDate(now, config.timeZone);
    // One digest per account, period and run date: the schedule firing twice sends one. A forced
    // rerun is a new delivery, for this function and for the channels' own dedupe alike.
    const rerun = request.force ? `:rerun:${now.toISOString()}` : '';
    const runKey = `cost-digest-run:${account ?? ''}:${config.period}:${date}${rerun}`;
    const run = await deliverOnce(
      store(),
      runKey,
      async () => {
        const { period, notification, notes, costExplorerRequests } = await produceCostDigest(
          liveDigestSource(loadClients()),
          {
            period: config.period,
            date,
            topN: config.topN,
            metric: config.metric,
            ...(account ? { account } : {}),
            includeCreditsAndRefunds: config.includeCreditsAndRefunds,
          },
          { locale: config.locale, timeZone: config.timeZone, now },
        );
        for (const note of notes) logger.warn('digest source problem', { detail: note });
        const published = { ...notification, dedupeKey: `${notification.dedupeKey}${rerun}` };
        const messageId = await publishNotification(loadClients().sns, config.topicArn, buildSnsPublish(published), {
          timeoutMs: timeLeft(deadline, clock()),
        });
        const severity = notification.severity;
        logger.info('cost digest published', { messageId, period, date, costExplorerRequests, severity });
        return { period, date, messageId, costExplorerRequests, notes: notes.length };
      },
      { deadline, now: clock },
    );
    return run.outcome === 'delivered'
      ? run.value
      : { period: config.period, date, messageId: '', costExplorerRequests: 0, notes: 0, duplicate: true };
  };
}

/** The plain handler (tests call it directly). */
export const handler = createCostDigestHandler();

/** What Lambda calls (`src/handlers/cost-digest.main`): the handler with Powertools' Lambda context in every log line. */
export const main = middy(handler).use(injectLambdaContext(logger, { resetKeys: true }));
