import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputError } from '../lib/core/errors';

/** What the user pointed us at: a parsed JSON value, or text that is not JSON (a bare SNS message). */
export interface CliInput {
  /** File name, or "stdin". Used in every error message. */
  readonly label: string;
  readonly value: unknown;
}

const looksLikeJson = /^\s*[[{"]/;

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Turns "... at position 42" in a JSON.parse message into "line 3, column 7". */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const first = message.split('\n')[0] ?? '';
  // Cut at the position phrase by index: an unanchored `\s*…$` pattern retries every space of a run.
  const at = first.search(/(?:in JSON )?at position \d/);
  const what = at === -1 ? first : first.slice(0, at).trimEnd();
  if (position === undefined) return `: ${what}`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}: ${what}`;
}

/**
 * Parses text the way `notifier render` accepts it: JSON when it looks like JSON or the file is
 * `.json` (and then it must parse), otherwise the text itself as a bare SNS message body.
 *
 * @throws InputError naming the file when it is empty or broken JSON.
 */
export function parseInputText(text: string, label: string): CliInput {
  if (text.trim() === '') throw new InputError('is empty: expected an event (JSON) or an SNS message text', label);
  if (!looksLikeJson.test(text) && !label.endsWith('.json')) return { label, value: text };
  try {
    return { label, value: JSON.parse(text) };
  } catch (error) {
    throw new InputError(`not valid JSON${describeJsonError(text, error)}`, label, { cause: error });
  }
}

/**
 * Reads a file as UTF-8.
 * @throws InputError naming the file: missing, a directory, unreadable.
 */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`;
    throw new InputError(why, file, { cause: error });
  }
}

/** Reads FILE, or standard input for "-". */
export async function readInput(file: string, stdin: Readable): Promise<CliInput> {
  if (file === '-') return parseInputText(await readStream(stdin), 'stdin');
  return parseInputText(await readTextFile(file), file);
}
