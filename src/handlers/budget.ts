import middy from '@middy/core';
import { injectLambdaContext, logger } from '../lib/adapters/logger';
import { budgetTopicSource } from '../lib/core/sources/budget/source';
import { costAnomalySource } from '../lib/core/sources/cost-anomaly/source';
import { deadLetterPermanentFailures } from './dead-letter';
import { createIngestHandler, type IngestHandlerDeps } from './ingest';

/** The sources this function reads, in dispatch order (its bundle holds only these). */
export const SOURCES = [costAnomalySource, budgetTopicSource];

/**
 * The budget function, subscribed to the budget-alerts topic AWS Budgets and Cost Anomaly Detection
 * publish to: each message becomes a `budget` or `cost-anomaly` notification. A message of no known
 * shape still becomes a `budget` notification carrying its text (nothing lost).
 * @example const handler = createBudgetHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export const createBudgetHandler = (deps: IngestHandlerDeps = {}) => createIngestHandler(SOURCES, deps);

/** The plain handler (tests call it directly). */
export const handler = createBudgetHandler();

/** What Lambda calls (`src/handlers/budget.main`). */
export const main = middy(handler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(deadLetterPermanentFailures());
