import middy from '@middy/core';
import { injectLambdaContext, logger } from '../lib/adapters/logger';
import { loadRuleSet } from '../lib/adapters/rules-file';
import { accessAnalyzerSource } from '../lib/core/sources/access-analyzer/source';
import { cloudtrailSource } from '../lib/core/sources/cloudtrail/source';
import { genericSource } from '../lib/core/sources/generic/source';
import { guardDutySource } from '../lib/core/sources/guardduty/source';
import { healthSource } from '../lib/core/sources/health/source';
import { inspectorSource } from '../lib/core/sources/inspector/source';
import { securityHubSource } from '../lib/core/sources/security-hub/source';
import { apiCallEnrichers } from './api-call-enrichers';
import { deadLetterPermanentFailures } from './dead-letter';
import { createIngestHandler, type IngestHandlerDeps } from './ingest';

/** The sources this function reads, in dispatch order (its bundle holds only these). */
export const SOURCES = [
  cloudtrailSource,
  guardDutySource,
  securityHubSource,
  accessAnalyzerSource,
  inspectorSource,
  healthSource,
  genericSource,
];

/**
 * The api-call (security) function: EventBridge "AWS API Call via CloudTrail" and "AWS Console Sign
 * In via CloudTrail" events, matched against the rule set (built-in rules plus NOTIFIER_RULES_FILE),
 * and security findings (GuardDuty, Security Hub, IAM Access Analyzer, Inspector) and AWS Health
 * events. A notification is published; any other event is logged as ignored with the reason.
 * @example const handler = createApiCallHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export const createApiCallHandler = (deps: IngestHandlerDeps = {}) =>
  createIngestHandler(SOURCES, { ruleSet: loadRuleSet, enrichers: apiCallEnrichers, ...deps });

/** The plain handler (tests call it directly). */
export const handler = createApiCallHandler();

/** What Lambda calls (`src/handlers/api-call.main`). */
export const main = middy(handler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(deadLetterPermanentFailures());
