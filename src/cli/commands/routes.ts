import { loadRoutingFile } from '../../lib/adapters/routes-file';
import { ConfigFileError } from '../../lib/core/errors';
import { describeRouting } from '../../lib/core/routing';
import { EXIT, UsageError } from '../errors';
import { type CliIo, writeLine } from '../io';
import { parseFlags } from '../options';

/** Usage text of `notifier routes`. */
export const routesUsage = `Usage: notifier routes --check FILE

Checks a routing file (README "Routing") as packaging and the Slack function do: prints one line
saying what it holds and exits 0, or prints one line per problem, naming the entry, and exits 2.
Warnings (a destination no route uses, a route nothing reaches) are printed but do not fail.

  --check   the routing file to check, e.g. routes.json`;

const flags = {
  check: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** `notifier routes --check FILE`: validate a routing file. */
export async function routesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, routesUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw new UsageError(`routes: unexpected argument "${positionals[0]}" (use --check FILE)`);
  const file = values.check;
  if (!file) throw new UsageError('routes: --check FILE is required');
  try {
    const { routing, warnings } = await loadRoutingFile(file);
    for (const warning of warnings) writeLine(io.stderr, `warning: ${warning}`);
    writeLine(io.stdout, describeRouting(routing, file));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    for (const line of error.lines) writeLine(io.stderr, line);
    return EXIT.badInput;
  }
}
