import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

/*
 * Structured JSON logs, one object a line, in Powertools Logger's shape (level, message, timestamp,
 * service, the Lambda context keys), in ~100 lines: Powertools' Logger weighed 24 KB of every
 * bundle and a share of every cold start for the three methods the handlers call.
 * @see https://docs.powertools.aws.dev/lambda/typescript/latest/core/logger/#standard-structured-keys
 */

/** Log levels in Powertools' numbering; `POWERTOOLS_LOG_LEVEL` (or Lambda's `AWS_LAMBDA_LOG_LEVEL`) picks one. */
const LEVELS = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
type LevelName = keyof typeof LEVELS;
const DEFAULT_LEVEL: LevelName = 'INFO';

/** Extra keys of one log line; an `Error` value is written as its name, message, stack and cause. */
export type LogAttributes = Record<string, unknown>;

const levelFrom = (value: string | undefined): number =>
  LEVELS[(value?.toUpperCase() ?? '') as LevelName] ?? LEVELS[DEFAULT_LEVEL];

/** An Error as JSON (JSON.stringify writes `{}` for one); causes are followed. */
function errorJson(error: Error): Record<string, unknown> {
  const { name, message, stack } = error;
  const cause = error.cause instanceof Error ? errorJson(error.cause) : error.cause;
  return { name, message, stack, ...(cause !== undefined ? { cause } : {}) };
}

const replacer = (_key: string, value: unknown) => (value instanceof Error ? errorJson(value) : value);

/** What `addContext` records of the invocation, under Powertools' key names. */
function contextKeys(context: Context, coldStart: boolean): LogAttributes {
  return {
    cold_start: coldStart,
    function_arn: context.invokedFunctionArn,
    function_memory_size: Number(context.memoryLimitInMB),
    function_name: context.functionName,
    function_request_id: context.awsRequestId,
  };
}

/** A minimal structured logger: `info`/`warn`/`error`/`debug` with extra keys, and the invocation's context. */
export class JsonLogger {
  private level: number;
  private context: LogAttributes = {};
  private coldStart = true;

  constructor(
    private readonly serviceName: string,
    env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {
    this.level = levelFrom(env.POWERTOOLS_LOG_LEVEL ?? env.AWS_LAMBDA_LOG_LEVEL);
  }

  debug(message: string, extra?: LogAttributes): void {
    this.log('DEBUG', message, extra);
  }
  info(message: string, extra?: LogAttributes): void {
    this.log('INFO', message, extra);
  }
  warn(message: string, extra?: LogAttributes): void {
    this.log('WARN', message, extra);
  }
  error(message: string, extra?: LogAttributes): void {
    this.log('ERROR', message, extra);
  }

  /** The current level's name, e.g. "INFO". */
  getLevelName(): LevelName {
    return (Object.keys(LEVELS) as LevelName[]).find((name) => LEVELS[name] === this.level) ?? DEFAULT_LEVEL;
  }

  /** Logs from `name` up from now on. */
  setLogLevel(name: LevelName): void {
    this.level = LEVELS[name];
  }

  /** Adds the invocation's keys to every following line; the first invocation is the cold start. */
  addContext(context: Context): void {
    this.context = contextKeys(context, this.coldStart);
    this.coldStart = false;
  }

  /** Forgets the invocation's keys. */
  resetKeys(): void {
    this.context = {};
  }

  private log(level: Exclude<LevelName, 'SILENT'>, message: string, extra: LogAttributes = {}): void {
    if (LEVELS[level] < this.level) return;
    const standard = { level, message, timestamp: new Date().toISOString(), service: this.serviceName };
    // Standard keys first and never overwritten by an extra key of the same name (`message` is reserved).
    this.write(`${JSON.stringify({ ...standard, ...this.context, ...extra, ...standard }, replacer)}\n`);
  }
}

/**
 * Middy middleware: the Lambda context's keys on every log line of the invocation, cleared after it
 * (`resetKeys`), as Powertools' `injectLambdaContext` does.
 * @example middy(handler).use(injectLambdaContext(logger, { resetKeys: true }))
 */
export function injectLambdaContext(target: JsonLogger, options: { resetKeys?: boolean } = {}): MiddlewareObj {
  const reset = () => {
    if (options.resetKeys) target.resetKeys();
  };
  return {
    before: function addLambdaContext(request) {
      if (request.context) target.addContext(request.context as Context);
    },
    after: reset,
    onError: reset,
  };
}

/**
 * The one structured JSON logger of every handler and adapter (level from `POWERTOOLS_LOG_LEVEL`).
 * @example logger.info('input ignored', { rule: 'alarm-name-prefix', reason: 'not a reported alarm' });
 */
export const logger = new JsonLogger('notifier');
