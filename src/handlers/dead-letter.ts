import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Clock } from '../lib/adapters/clock';
import { createDeadLetterSender, type DeadLetterSender } from '../lib/adapters/dead-letter-queue';
import { logger } from '../lib/adapters/logger';
import type { Env } from '../lib/config';
import { loadDeadLetterConfig } from '../lib/dead-letter-config';
import { isPermanentFailure } from './delivery-failure';

/** What an invocation answers when its failure went to the dead-letter queue (and Lambda must not retry). */
export interface DeadLettered {
  deadLettered: true;
  reason: string;
}

/** Options of {@link deadLetterPermanentFailures}; each has a real default. */
export interface DeadLetterOptions {
  env?: Env;
  /** The sender for the configured queue (tests pass a fake); default: SQS SendMessage. */
  sender?: typeof createDeadLetterSender;
  now?: Clock;
}

/**
 * Middy middleware: a permanent failure (see {@link isPermanentFailure}) goes to the function's
 * dead-letter queue (DEAD_LETTER_QUEUE_URL) at once, with the reason, and the invocation ends
 * without error so Lambda does not retry it twice in vain. Everything else is rethrown: transient
 * failures are retried by Lambda, then land in the same queue through the on-failure destination.
 * When no queue is configured, or the queue cannot be reached, the failure is rethrown too (loud,
 * never lost). A response another middleware already set is left alone.
 * @example export const main = middy(handler).use(deadLetterPermanentFailures());
 */
export function deadLetterPermanentFailures(options: DeadLetterOptions = {}): MiddlewareObj<unknown, unknown> {
  let send: DeadLetterSender | undefined;
  const onError: NonNullable<MiddlewareObj<unknown, unknown, Error, Context>['onError']> =
    async function deadLetterOnError(request) {
      const { error, event, context } = request;
      if (request.response !== undefined || !isPermanentFailure(error)) return;
      try {
        const config = loadDeadLetterConfig(options.env ?? process.env);
        if (config === undefined) return;
        send ??= (options.sender ?? createDeadLetterSender)(config);
        await send({ event, error, context, at: new Date((options.now ?? Date.now)()) });
      } catch (problem) {
        logger.error('dead-letter queue not reached, leaving the failure to Lambda retries', { error: problem });
        return;
      }
      logger.error('permanent failure sent to the dead-letter queue', { reason: error.message, errorType: error.name });
      request.response = { deadLettered: true, reason: error.message } satisfies DeadLettered;
    };
  return { onError } as MiddlewareObj<unknown, unknown>;
}
