import type { LambdaClient } from '@aws-sdk/client-lambda';
import { describeAwsError } from '../../lib/adapters/aws-errors';
import type { QueueOpener } from '../../lib/adapters/sqs-queue';
import { ConfigError } from '../../lib/core/errors';
import type { RedriveResult } from '../../lib/redrive';
import { CommandError, EXIT, UsageError } from '../errors';
import { type CliIo, writeLine } from '../io';
import { parseFlags } from '../options';

/** Usage text of `notifier redrive`. */
export const redriveUsage = `Usage: notifier redrive --queue NAME|URL [--to FUNCTION|QUEUE] [--region R] [--max N] [--dry-run]

Puts the messages of a dead-letter queue back, once the cause of their failure is fixed, and prints
one line per message: what failed, why, and what it was about. A failed invocation (the record
Lambda's on-failure destination writes, or a function's own dead letter) is invoked again
asynchronously with its original event; a queue's message is sent back to the queue it came from.
Each message is deleted only after its redrive succeeded. Exit code 0 when every message was
redriven, 1 when some were kept. Uses the AWS credentials of the environment.

  --queue     the dead-letter queue (e.g. notifier-dev-alarm-dlq), by name, URL or ARN
  --to        send every message there instead: a function (name or ARN) or a queue (URL or ARN)
  --region    the queue's region (default: AWS_REGION or AWS_DEFAULT_REGION, or the URL's)
  --max       at most this many messages (default 100)
  --dry-run   only list the messages; they stay in the queue`;

const flags = {
  queue: { type: 'string' },
  to: { type: 'string' },
  region: { type: 'string' },
  max: { type: 'string', default: '100' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Most messages one run may redrive. */
const MAX_MESSAGES = 10_000;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** SQS's names for "no such queue" (JSON and query protocols). */
const NO_SUCH_QUEUE = new Set(['QueueDoesNotExist', 'NonExistentQueue', 'AWS.SimpleQueueService.NonExistentQueue']);

/** What the redrive needs from outside; tests pass fakes. */
export interface RedriveCommandDeps {
  readonly openQueue: (region: string) => QueueOpener | Promise<QueueOpener>;
  readonly lambda: (region: string) => LambdaClient | Promise<LambdaClient>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

// The SDK and the SQS client are loaded only when redrive runs, so every other command starts without them.
const defaultDeps: RedriveCommandDeps = {
  openQueue: async (region) => (await import('../../lib/adapters/sqs-queue')).createQueueOpener(region),
  lambda: async (region) => {
    const [{ LambdaClient }, { sdkClientConfig }] = await Promise.all([
      import('@aws-sdk/client-lambda'),
      import('../../lib/adapters/sdk-client'),
    ]);
    return new LambdaClient(sdkClientConfig({ region }));
  },
  env: process.env,
};

const labels = { listed: 'would redrive', redriven: 'redriven', kept: 'kept' } as const;

/** One line per message: outcome, id, where to, what failed and why, about what. */
function line(result: RedriveResult): string {
  const { letter } = result;
  const what =
    letter.kind === 'invocation' ? `${letter.functionName || '(unknown function)'} ${letter.condition}` : 'message';
  const parts = [
    labels[result.outcome].padEnd(13),
    result.id,
    result.target ? `→ ${result.target}` : '',
    `${what}: ${letter.reason}`,
    letter.subject ? `"${letter.subject}"` : '',
    result.problem ? `(${result.problem})` : '',
  ];
  return parts.filter(Boolean).join('  ');
}

function parseMax(value: string): number {
  const max = Number(value);
  if (!/^\d+$/.test(value) || max < 1 || max > MAX_MESSAGES) {
    throw new UsageError(`--max: "${value}" is not a whole number from 1 to ${MAX_MESSAGES}`);
  }
  return max;
}

function regionOf(queue: string, value: string | undefined, env: RedriveCommandDeps['env']): string {
  const fromUrl = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com/.exec(queue)?.[1];
  const fromArn = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):/.exec(queue)?.[1];
  const region = value ?? fromUrl ?? fromArn ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError('redrive: --region is required (or set AWS_REGION)');
  if (!REGION_PATTERN.test(region))
    throw new UsageError(`--region: "${region}" is not a region code such as us-east-1`);
  return region;
}

/** Turns what AWS threw into the CLI's one-line errors: no credentials (exit 2), no queue or a failed call (exit 1). */
function cliError(error: unknown, queue: string, region: string): Error {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'CredentialsProviderError') {
    return new ConfigError(
      'redrive: no AWS credentials found; set AWS_PROFILE (after "aws sso login") or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  }
  if (typeof name === 'string' && NO_SUCH_QUEUE.has(name)) {
    return new CommandError(`redrive: queue "${queue}" does not exist in ${region}`);
  }
  return new CommandError(`redrive: ${queue} in ${region}: ${describeAwsError(error)}`);
}

/** `notifier redrive`: dead-letter queue messages back to where they failed. */
export async function redriveCommand(
  args: string[],
  io: CliIo,
  deps: RedriveCommandDeps = defaultDeps,
): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, redriveUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`redrive: unexpected argument "${positionals[0]}"`);
  const queue = values.queue?.trim();
  if (!queue) throw new UsageError('redrive: --queue is required (the dead-letter queue, e.g. notifier-dev-alarm-dlq)');
  const max = parseMax(values.max);
  const region = regionOf(queue, values.region, deps.env);
  const to = values.to?.trim() || undefined;

  const { redrive } = await import('../../lib/redrive');
  const { invokeAsync } = await import('../../lib/adapters/lambda-invoke');
  let lambda: LambdaClient | undefined;
  const results = await redrive(
    { queue, max, dryRun: values['dry-run'], ...(to ? { to } : {}) },
    {
      openQueue: await deps.openQueue(region),
      invoke: async (functionName, payload) => {
        lambda ??= await deps.lambda(region);
        await invokeAsync(lambda, functionName, payload);
      },
      onResult: (result) => writeLine(io.stdout, line(result)),
    },
  ).catch((error: unknown) => {
    throw cliError(error, queue, region);
  });

  const count = (outcome: RedriveResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const summary = values['dry-run']
    ? `${count('listed')} to redrive, ${count('kept')} without a destination (dry run: nothing changed)`
    : `${count('redriven')} redriven, ${count('kept')} kept in the queue`;
  writeLine(io.stdout, results.length === 0 ? `${queue}: no messages` : summary);
  return count('kept') > 0 ? EXIT.failure : EXIT.ok;
}
