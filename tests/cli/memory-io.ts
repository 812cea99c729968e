import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';

/** Runs the CLI in-process with in-memory streams; returns exit code and what it printed. */
export async function cli(args: string[], stdinText = '') {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    },
    stdin: Readable.from([stdinText]),
  };
  const code = await runCli(args, io as never, {});
  return { code, stdout, stderr };
}

/** A fixed clock so outputs are reproducible. */
export const NOW = '2026-11-24T00:00:00Z';
