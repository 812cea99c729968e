import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { TargetGroupRef, TargetHealthReport } from '../lib/core/sources/cloudwatch-alarm/target-health';
import { bundledExamplesDir, exampleName, findExample } from './examples';
import { type CliInput, parseInputText, readInput, readTextFile } from './read-input';
import { loadRecordedTargetHealth } from './recorded-target-health';

/** What an EVENT argument names: the input, and the recorded target health an example comes with. */
export interface EventArg {
  readonly input: CliInput;
  readonly targetHealth?: (refs: TargetGroupRef[]) => Promise<TargetHealthReport[]>;
}

/** An example name is a bare kebab-case word, never a path. */
const EXAMPLE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Reads EVENT as `render` and `send` take it: `-` for stdin, a file, or the short name of a bundled
 * example (`ec2-cpu-alarm`, the file name in examples/ up to its first dot). A file wins over an
 * example of the same name.
 * @throws InputError naming the file when it cannot be read or parsed.
 */
export async function readEventArg(arg: string, stdin: Readable, dir = bundledExamplesDir()): Promise<EventArg> {
  if (arg === '-' || existsSync(arg) || !EXAMPLE_NAME.test(arg)) return { input: await readInput(arg, stdin) };
  const example = await findExample(dir, arg);
  if (!example) return { input: await readInput(arg, stdin) };
  const file = join(dir, example.file);
  const input = { ...parseInputText(await readTextFile(file), file), label: exampleName(example) };
  if (!example.targetHealth) return { input };
  return { input, targetHealth: await loadRecordedTargetHealth(join(dir, example.targetHealth)) };
}
