import type { Readable, Writable } from 'node:stream';

/** The streams a command talks to; tests pass in-memory ones. */
export interface CliIo {
  readonly stdout: Pick<Writable, 'write'>;
  readonly stderr: Pick<Writable, 'write'>;
  readonly stdin: Readable;
}

/** Writes `text` followed by a newline. */
export function writeLine(stream: CliIo['stdout'], text = ''): void {
  stream.write(`${text}\n`);
}
