import { CredentialsError } from '../lib/adapters/errors';
import { ConfigError, InputError } from '../lib/core/errors';
import { commandEntries } from './commands';
import { CommandError, EXIT, UsageError } from './errors';
import { type CliIo, writeLine } from './io';

const width = Math.max(...commandEntries.map((c) => `${c.name} ${c.synopsis}`.length));

/** The overview: one line per command. Each command's options are in its own usage (lazy-loaded). */
const usage = `notifier: AWS events to email and Slack notifications

Commands:
${commandEntries.map((c) => `  notifier ${`${c.name} ${c.synopsis}`.padEnd(width)}  ${c.about}`).join('\n')}
  notifier help [COMMAND]

Run "notifier COMMAND --help" (or "notifier help COMMAND") for a command's options.
Exit codes: 0 success, 1 failure (not healthy, not delivered), 2 bad input, usage or no AWS credentials.`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const findEntry = (name: string | undefined) => commandEntries.find((c) => c.name === name);

const helpCommand: Command = async (args, io) => {
  const [name] = args;
  if (name === undefined || name.startsWith('-')) {
    writeLine(io.stdout, usage);
    return EXIT.ok;
  }
  const entry = findEntry(name);
  if (!entry) throw new UsageError(`help: unknown command "${name}" (try: notifier help)`);
  writeLine(io.stdout, (await entry.load()).usage);
  return EXIT.ok;
};

const helpAliases: Record<string, Command> = { help: helpCommand, '--help': helpCommand, '-h': helpCommand };

/** Exit code per error class; anything else is an internal failure (1). */
const exitCodes = [
  [UsageError, EXIT.badInput],
  [InputError, EXIT.badInput],
  [ConfigError, EXIT.badInput],
  [CredentialsError, EXIT.badInput],
  [CommandError, EXIT.failure],
] as const;

async function dispatch(name: string | undefined, args: string[], io: CliIo): Promise<number> {
  if (name === undefined) return helpCommand([], io);
  const alias = helpAliases[name];
  if (alias) return alias(args, io);
  const entry = findEntry(name);
  if (!entry) throw new UsageError(`unknown command "${name}" (try: notifier help)`);
  return (await entry.load()).run(args, io);
}

/**
 * Prints a command's failure as one line on stderr (a stack trace only with NOTIFIER_DEBUG) and
 * answers its exit code: 2 for bad input, usage or settings, 1 for a failed command or anything else.
 * @example process.exitCode = reportError(error, io, process.env);
 */
export function reportError(error: unknown, io: CliIo, env: NodeJS.ProcessEnv = process.env): number {
  const known = exitCodes.find(([type]) => error instanceof type);
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0];
  writeLine(io.stderr, `notifier: ${known ? '' : 'internal error: '}${firstLine}`);
  if (env.NOTIFIER_DEBUG && error instanceof Error) writeLine(io.stderr, error.stack);
  return known ? known[1] : EXIT.failure;
}

/**
 * Runs the `notifier` command line and returns the exit code. Errors are printed as one line on
 * stderr, never as a stack trace (set NOTIFIER_DEBUG=1 to see one).
 */
export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...args] = argv;
  try {
    return await dispatch(name, args, io);
  } catch (error) {
    return reportError(error, io, env);
  }
}
