import type { SilenceStore } from '../../lib/adapters/silence-store';
import { ConfigError } from '../../lib/core/errors';
import { buildSilence, describeSilence } from '../../lib/core/routing';
import { CommandError, EXIT, UsageError } from '../errors';
import { type CliIo, writeLine } from '../io';
import { parseFlags, toFormat } from '../options';

/** Usage text of `notifier silence`. */
export const silenceUsage = `Usage: notifier silence add --match KEY=GLOB[,GLOB…] [--match …] (--for DURATION | --until TIME)
                          [--start TIME] [--id ID] [--comment TEXT] [--region R] [--table NAME]
       notifier silence list [--format text|json] [--region R] [--table NAME]
       notifier silence remove ID [--region R] [--table NAME]

Mutes the notifications that match, for a while (a maintenance, a deploy), in the deployed stack's
DynamoDB table; the Slack function reads the silences at most a minute later. Every muted
notification is logged ("notification silenced", with the silence id). When a silence ends while an
alarm is still in ALARM nothing is sent; the alarm's next change is, except the OK that ends an
ALARM that was silenced, which is muted too (no lone "resolved").

  --match     KEY=GLOB: category, severity, account, region, source, alarm or rule; * and ? match
              any run of characters and one character; several --match must all match
  --for       how long from the start: 2h, 90m, 1d12h (at most 31 days)
  --until     or until this ISO 8601 time, e.g. 2026-12-02T02:00:00Z
  --start     when it starts (default: now), ISO 8601 with a zone
  --id        its id (default: silence-YYYYMMDD-HHMMSS of its start)
  --comment   why, shown by "silence list"
  --region    the stack's region (default: AWS_REGION or AWS_DEFAULT_REGION)
  --table     the stack's dedupe table (default: DEDUPE_TABLE, else notifier-dev-dedupe, the
              default deploy's; a stage "prod" deploy has notifier-prod-dedupe)`;

const flags = {
  match: { type: 'string', multiple: true },
  for: { type: 'string' },
  until: { type: 'string' },
  start: { type: 'string' },
  id: { type: 'string' },
  comment: { type: 'string' },
  format: { type: 'string', default: 'text' },
  region: { type: 'string' },
  table: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The table of a default deploy (service `notifier`, stage `dev`; infra/tables.yml). */
export const DEFAULT_TABLE = 'notifier-dev-dedupe';
/** How long the command waits for the table overall. */
const COMMAND_BUDGET_MS = 15_000;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** What the silence command needs from outside; tests pass a store on dynalite. */
export interface SilenceCommandDeps {
  readonly store: (region: string, table: string) => SilenceStore | Promise<SilenceStore>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
}

// The SDK is loaded only when this command runs.
const defaultDeps: SilenceCommandDeps = {
  store: async (region, table) => {
    const [{ DynamoDBClient }, { sdkClientConfig }, { createSilenceStore }] = await Promise.all([
      import('@aws-sdk/client-dynamodb'),
      import('../../lib/adapters/sdk-client'),
      import('../../lib/adapters/silence-store'),
    ]);
    return createSilenceStore(new DynamoDBClient(sdkClientConfig({ region })), { tableName: table });
  },
  env: process.env,
  now: Date.now,
};

/** The store's failures as the CLI's one-line errors: no credentials or no table (exit 2), else exit 1. */
function cliError(error: unknown, table: string, region: string): unknown {
  if (error instanceof ConfigError || error instanceof UsageError) return error;
  const cause = (error as { cause?: { name?: unknown } } | null)?.cause;
  const name = cause?.name;
  if (name === 'CredentialsProviderError')
    return new ConfigError(
      'silence: no AWS credentials found; set AWS_PROFILE (after "aws sso login") or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  if (name === 'ResourceNotFoundException')
    return new ConfigError(
      `silence: table "${table}" does not exist in ${region} (use --table, e.g. notifier-prod-dedupe)`,
    );
  return new CommandError(`silence: ${table} in ${region}: ${error instanceof Error ? error.message : String(error)}`);
}

/** `notifier silence add|list|remove`: the silences kept in the deployed stack's table. */
export async function silenceCommand(
  args: string[],
  io: CliIo,
  deps: SilenceCommandDeps = defaultDeps,
): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, silenceUsage);
    return EXIT.ok;
  }
  const [action, ...rest] = positionals;
  const region = values.region ?? deps.env.AWS_REGION ?? deps.env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError('silence: --region is required (or set AWS_REGION)');
  if (!REGION_PATTERN.test(region))
    throw new UsageError(`--region: "${region}" is not a region code such as us-east-1`);
  const table = values.table ?? deps.env.DEDUPE_TABLE ?? DEFAULT_TABLE;
  const deadline = () => deps.now() + COMMAND_BUDGET_MS;
  const run = async <T>(work: (store: SilenceStore) => Promise<T>): Promise<T> => {
    const store = await deps.store(region, table);
    return work(store).catch((error: unknown) => {
      throw cliError(error, table, region);
    });
  };

  switch (action) {
    case 'add': {
      if (rest.length > 0) throw new UsageError(`silence add: unexpected argument "${rest[0]}"`);
      const silence = buildSilence(
        {
          match: values.match ?? [],
          ...(values.for !== undefined ? { for: values.for } : {}),
          ...(values.until !== undefined ? { until: values.until } : {}),
          ...(values.start !== undefined ? { start: values.start } : {}),
          ...(values.id !== undefined ? { id: values.id } : {}),
          ...(values.comment !== undefined ? { comment: values.comment } : {}),
        },
        new Date(deps.now()),
      );
      await run((store) => store.add(silence, deadline()));
      writeLine(io.stdout, `added ${describeSilence(silence)}`);
      return EXIT.ok;
    }
    case 'list': {
      if (rest.length > 0) throw new UsageError(`silence list: unexpected argument "${rest[0]}"`);
      const format = toFormat(values.format);
      const silences = await run((store) => store.list(deadline()));
      if (format === 'json') writeLine(io.stdout, JSON.stringify({ silences }, null, 2));
      else writeLine(io.stdout, silences.length > 0 ? silences.map(describeSilence).join('\n') : 'no silences');
      return EXIT.ok;
    }
    case 'remove': {
      if (rest.length !== 1)
        throw new UsageError('silence remove: expected exactly one ID (see notifier silence list)');
      const id = rest[0]!;
      const removed = await run((store) => store.remove(id, deadline()));
      if (!removed) throw new ConfigError(`silence remove: no silence "${id}" (see notifier silence list)`);
      writeLine(io.stdout, `removed ${id}`);
      return EXIT.ok;
    }
    default:
      throw new UsageError(
        action === undefined
          ? 'silence: expected add, list or remove'
          : `silence: "${action}" is not add, list or remove`,
      );
  }
}
