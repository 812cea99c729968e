import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';

/** In-memory streams for a command, and what was written to them so far. */
export function memoryIo(stdinText = '') {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: {
      write: (s: string) => {
        out.stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        out.stderr += s;
        return true;
      },
    },
    stdin: Readable.from([stdinText]),
  };
  return { io, out };
}

/** Runs the CLI in-process with in-memory streams; returns exit code and what it printed. */
export async function cli(args: string[], stdinText = '') {
  const { io, out } = memoryIo(stdinText);
  const code = await runCli(args, io, {});
  return { code, ...out };
}

/** A fixed clock so outputs are reproducible. */
export const NOW = '2026-11-24T00:00:00Z';
