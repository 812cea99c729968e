import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { injectLambdaContext, JsonLogger } from '../../../src/lib/adapters/logger';

const capture = (env: Record<string, string> = {}) => {
  const lines: string[] = [];
  const logger = new JsonLogger('notifier', env, (line) => lines.push(line));
  return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
};

const context = {
  functionName: 'notifier-dev-alarm',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notifier-dev-alarm',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
} as Context;

describe('logger', () => {
  it('writes one JSON object a line with the standard keys first, then the extra keys', () => {
    const { logger, lines, entries } = capture();
    logger.info('input ignored', { rule: 'alarm-name-prefix' });
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(Object.keys(entries()[0] ?? {})).toEqual(['level', 'message', 'timestamp', 'service', 'rule']);
    expect(entries()[0]).toMatchObject({ level: 'INFO', message: 'input ignored', service: 'notifier' });
  });

  it('never lets an extra key overwrite a standard one (message is reserved)', () => {
    const { logger, entries } = capture();
    logger.warn('real', { message: 'forged', level: 'DEBUG' });
    expect(entries()[0]).toMatchObject({ level: 'WARN', message: 'real' });
  });

  it('writes errors as name, message, stack and cause', () => {
    const { logger, entries } = capture();
    logger.error('publish failed', { error: new TypeError('boom', { cause: new Error('socket hang up') }) });
    const error = entries()[0]?.error as Record<string, unknown>;
    expect(error).toMatchObject({
      name: 'TypeError',
      message: 'boom',
      cause: { name: 'Error', message: 'socket hang up' },
    });
    expect(error.stack).toContain('TypeError: boom');
  });

  it.each([
    [{}, ['INFO', 'WARN', 'ERROR']],
    [{ POWERTOOLS_LOG_LEVEL: 'WARN' }, ['WARN', 'ERROR']],
    [{ POWERTOOLS_LOG_LEVEL: 'debug' }, ['DEBUG', 'INFO', 'WARN', 'ERROR']],
    [{ AWS_LAMBDA_LOG_LEVEL: 'ERROR' }, ['ERROR']],
    [{ POWERTOOLS_LOG_LEVEL: 'LOUD' }, ['INFO', 'WARN', 'ERROR']],
  ])('logs from the level the environment names (%o)', (env, levels) => {
    const { logger, entries } = capture(env);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(entries().map((e) => e.level)).toEqual(levels);
  });

  it('adds the Lambda context keys during an invocation, the first one a cold start, and clears them after', async () => {
    const { logger, entries } = capture();
    const middleware = injectLambdaContext(logger, { resetKeys: true });
    const request = { context, event: {}, response: undefined, error: undefined, internal: {} };
    for (const _ of [1, 2]) {
      await middleware.before?.(request as never);
      logger.info('during');
      await middleware.after?.(request as never);
    }
    logger.info('after');
    const [first, second, after] = entries();
    expect(first).toMatchObject({
      cold_start: true,
      function_name: 'notifier-dev-alarm',
      function_request_id: 'req-1',
    });
    expect(first).toMatchObject({ function_memory_size: 256, function_arn: context.invokedFunctionArn });
    expect(second).toMatchObject({ cold_start: false });
    expect(after).not.toHaveProperty('function_request_id');
  });
});
