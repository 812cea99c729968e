import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import middy from '@middy/core';
import { injectLambdaContext, logger } from '../lib/adapters/logger';
import { createTargetHealthReader, elbv2ClientFor } from '../lib/adapters/target-health';
import { cloudwatchAlarmSource } from '../lib/core/sources/cloudwatch-alarm/source';
import { genericSource } from '../lib/core/sources/generic/source';
import { alarmEnrichers } from './alarm-enrichers';
import { deadLetterPermanentFailures } from './dead-letter';
import { createIngestHandler, type IngestHandlerDeps } from './ingest';

/** The sources this function reads, in dispatch order (its bundle holds only these). */
export const SOURCES = [cloudwatchAlarmSource, genericSource];

/** The alarm function's dependencies: the ingest handler's, and the CloudWatch client of a region. */
export interface AlarmHandlerDeps extends IngestHandlerDeps {
  /** CloudWatch client for an alarm's region ('' = the function's), to ask whether its actions are enabled. */
  cloudwatch?: (region: string) => CloudWatchClient;
}

/**
 * The alarm function: EventBridge "CloudWatch Alarm State Change" events, SNS→Lambda events from the
 * alarm-actions topic, and Lambda alarm actions. Target-group alarms are enriched with ELBv2 target
 * health (the only function allowed to read it).
 * @example const handler = createAlarmHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export const createAlarmHandler = ({ cloudwatch, ...deps }: AlarmHandlerDeps = {}) =>
  createIngestHandler(SOURCES, {
    elbv2: elbv2ClientFor,
    targetHealth: createTargetHealthReader,
    enrichers: alarmEnrichers(cloudwatch),
    ...deps,
  });

/** The plain handler (tests call it directly). */
export const handler = createAlarmHandler();

/** What Lambda calls (`src/handlers/alarm.main`): the handler with Powertools' Lambda context in every log line. */
export const main = middy(handler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(deadLetterPermanentFailures());
