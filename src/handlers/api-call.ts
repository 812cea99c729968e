import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../lib/adapters/logger';
import { cloudtrailSource } from '../lib/core/sources/cloudtrail/source';
import { genericSource } from '../lib/core/sources/generic/source';
import { deadLetterPermanentFailures } from './dead-letter';
import { createIngestHandler, type IngestHandlerDeps } from './ingest';

/** The sources this function reads, in dispatch order (its bundle holds only these). */
export const SOURCES = [cloudtrailSource, genericSource];

/**
 * The api-call function: EventBridge "AWS API Call via CloudTrail" and "AWS Console Sign In via
 * CloudTrail" events, matched against the rule set (built-in rules plus NOTIFIER_RULES_FILE). A
 * matching rule's notification is published; any other event is logged as ignored with the reason.
 * @example const handler = createApiCallHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export const createApiCallHandler = (deps: IngestHandlerDeps = {}) => createIngestHandler(SOURCES, deps);

/** The plain handler (tests call it directly). */
export const handler = createApiCallHandler();

/** What Lambda calls (`src/handlers/api-call.main`). */
export const main = middy(handler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(deadLetterPermanentFailures());
