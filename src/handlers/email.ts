import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import { timeLeft } from '../lib/adapters/deadline';
import { injectLambdaContext, logger } from '../lib/adapters/logger';
import { sdkClientConfig } from '../lib/adapters/sdk-client';
import { publishNotification } from '../lib/adapters/sns-publisher';
import { loadPublishConfig } from '../lib/config';
import { emailPublish } from '../lib/core/publish/email-publish';
import type { SnsPublishInput } from '../lib/core/publish/sns-message';
import { deadLetterPermanentFailures } from './dead-letter';
import { once } from './once';
import { createQueueBatchHandler, type QueueBatchDeps } from './queue-batch';

/** What the email function needs from the outside; each has a real default. */
export interface EmailHandlerDeps extends QueueBatchDeps {
  sns?: () => SNSClient;
}

/**
 * The email function: the email queue's batches (the notifications the email filter lets through)
 * grouped into one email per group (see {@link createQueueBatchHandler}) and published to the email
 * topic (NOTIFICATIONS_TOPIC_ARN: the topic this function publishes to), whose subscriptions are
 * the `alertEmail` addresses. A storm of 1,000 alarms of one kind becomes 10 emails, not 1,000.
 * @example const handler = createEmailHandler({ env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export function createEmailHandler(deps: EmailHandlerDeps = {}) {
  const now = deps.now ?? Date.now;
  const sns = once(deps.sns ?? (() => new SNSClient(sdkClientConfig())));
  return createQueueBatchHandler(
    {
      renderer: emailPublish,
      loadConfig: loadPublishConfig,
      keyPrefix: 'email:',
      connect: async (config, deadline) => async (input: SnsPublishInput) => {
        await publishNotification(sns(), config.topicArn, input, { timeoutMs: timeLeft(deadline, now()) });
      },
    },
    deps,
  );
}

/** The plain handler (tests call it directly). */
export const handler = createEmailHandler();

/** What Lambda calls (`src/handlers/email.main`). */
export const main = middy(handler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(deadLetterPermanentFailures());
