import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, InputError } from '../lib/core/errors';
import { digestCommand, digestUsage } from './commands/digest';
import { doctorCommand, doctorUsage } from './commands/doctor';
import { redriveCommand, redriveUsage } from './commands/redrive';
import { renderCommand, renderUsage } from './commands/render';
import { replayCommand, replayUsage } from './commands/replay';
import { rulesCommand, rulesUsage } from './commands/rules';
import { CommandError, EXIT, UsageError } from './errors';
import { type CliIo, writeLine } from './io';

/** The bundled example events `npm start` replays. */
const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

const usage = `notifier: AWS events to email and Slack notifications

Commands:
  notifier render [options] FILE|-   show what one event would publish (email, Slack, SNS)
  notifier replay [options] [DIR]    replay the bundled example events (what npm start runs)
  notifier rules [options]           list the API-call rules in effect (built-in plus your file)
  notifier doctor [--region R]       check that CloudTrail can feed API-call alerts (needs AWS credentials)
  notifier digest --data FILE        render the cost digest (of a --period) from recorded AWS responses
  notifier redrive --queue NAME      put dead-letter queue messages back once the cause is fixed (needs AWS credentials)
  notifier help [COMMAND]

Run "notifier COMMAND --help" for a command's options.

${renderUsage}

${replayUsage}

${rulesUsage}

${doctorUsage}

${digestUsage}

${redriveUsage}`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const helpCommand: Command = async (_args, io) => {
  writeLine(io.stdout, usage);
  return EXIT.ok;
};

const commands: Record<string, Command> = {
  render: renderCommand,
  replay: (args, io) => replayCommand(args, io, EXAMPLES_DIR),
  rules: rulesCommand,
  doctor: (args, io) => doctorCommand(args, io),
  digest: digestCommand,
  redrive: (args, io) => redriveCommand(args, io),
  help: helpCommand,
  '--help': helpCommand,
  '-h': helpCommand,
};

/** Exit code per error class; anything else is an internal failure (1). */
const exitCodes = [
  [UsageError, EXIT.badInput],
  [InputError, EXIT.badInput],
  [ConfigError, EXIT.badInput],
  [CommandError, EXIT.failure],
] as const;

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
  const command = name === undefined ? helpCommand : commands[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (try: notifier help)`);
    return await command(args, io);
  } catch (error) {
    return reportError(error, io, env);
  }
}
