import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one structured JSON logger of every handler and adapter (Powertools; level from
 * `POWERTOOLS_LOG_LEVEL`). `message` is reserved in extra fields: use another key such as `detail`.
 * @see https://docs.powertools.aws.dev/lambda/typescript/latest/core/logger/
 * @example logger.info('input ignored', { rule: 'alarm-name-prefix', reason: 'not a reported alarm' });
 */
export const logger = new Logger({ serviceName: 'notifier' });
