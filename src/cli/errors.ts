/** Errors of the CLI layer. Each maps to an exit code; the message is printed as one line. */

/** Wrong command, flag or flag value. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes of the `notifier` command (see DESIGN.md, CLI). */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** The command could not do its job (an AWS call failed, a queue does not exist). Exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}
