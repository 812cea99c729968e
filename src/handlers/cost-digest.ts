import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { invocationDeadline, timeLeft } from '../lib/adapters/deadline';
import { createFreeTierReader, type FreeTierReader } from '../lib/adapters/free-tier';
import { logger } from '../lib/adapters/logger';
import { sdkClientConfig } from '../lib/adapters/sdk-client';
import { publishNotification } from '../lib/adapters/sns-publisher';
import type { Env } from '../lib/config';
import { InputError } from '../lib/core/errors';
import { buildSnsPublish } from '../lib/core/publish/sns-message';
import { ellipsize } from '../lib/core/render/truncate';
import { isIsoDate } from '../lib/core/sources/cost-digest/digest-dates';
import type { DigestPeriod } from '../lib/core/sources/cost-digest/periods';
import { loadCostDigestConfig } from '../lib/cost-config';
import { liveDigestSource, produceCostDigest } from '../lib/cost-digest';
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
  now?: () => Date;
}

/** What one invocation did, returned for logs and tests. */
export interface CostDigestSummary {
  period: DigestPeriod;
  date: string;
  messageId: string;
  costExplorerRequests: number;
  notes: number;
}

/** A manual run may name the date (`{"date":"2026-11-24"}`); the schedule sends none. */
function requestedDate(event: unknown): string | undefined {
  const date = typeof event === 'object' && event !== null ? (event as { date?: unknown }).date : undefined;
  if (date === undefined) return undefined;
  // Never String(date): an array or object of any size or depth may arrive here.
  if (typeof date !== 'string') throw new InputError(`expected a YYYY-MM-DD date, got ${typeof date}`, 'date');
  if (!isIsoDate(date)) throw new InputError(`"${ellipsize(date, 40)}" is not a YYYY-MM-DD date`, 'date');
  return date;
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
  return async function costDigestHandler(event: unknown, context?: Context): Promise<CostDigestSummary> {
    const config = loadConfig();
    const clients = loadClients();
    const now = deps.now?.() ?? new Date();
    const deadline = invocationDeadline(context, Date.now());
    const requested = requestedDate(event);
    const account = config.accountId ?? accountOf(context);
    const { period, date, notification, notes, costExplorerRequests } = await produceCostDigest(
      liveDigestSource(clients),
      {
        period: config.period,
        ...(requested ? { date: requested } : {}),
        topN: config.topN,
        metric: config.metric,
        ...(account ? { account } : {}),
        includeCreditsAndRefunds: config.includeCreditsAndRefunds,
      },
      { locale: config.locale, timeZone: config.timeZone, now },
    );
    for (const note of notes) logger.warn('digest source problem', { detail: note });
    const messageId = await publishNotification(clients.sns, config.topicArn, buildSnsPublish(notification), {
      timeoutMs: timeLeft(deadline, Date.now()),
    });
    const severity = notification.severity;
    logger.info('cost digest published', { messageId, period, date, costExplorerRequests, severity });
    return { period, date, messageId, costExplorerRequests, notes: notes.length };
  };
}

/** The plain handler (tests call it directly). */
export const handler = createCostDigestHandler();

/** What Lambda calls (`src/handlers/cost-digest.main`): the handler with Powertools' Lambda context in every log line. */
export const main = middy(handler).use(injectLambdaContext(logger, { resetKeys: true }));
