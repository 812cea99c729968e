import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventArg } from '../../src/cli/event-arg';
import { bundledExamplesDir, exampleName } from '../../src/cli/examples';
import { InputError } from '../../src/lib/core/errors';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const stdin = () => Readable.from(['']);
const scratch = mkdtempSync(join(tmpdir(), 'notifier-event-arg-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('cli: the EVENT argument', () => {
  it('names a bundled example by its file name up to the first dot, with its recorded target health', async () => {
    const { input, targetHealth } = await readEventArg('alb-unhealthy-hosts-alarm', stdin(), EXAMPLES);
    expect(input.label).toBe('alb-unhealthy-hosts-alarm');
    expect(input.value).toMatchObject({ Records: [{ EventSource: 'aws:sns' }] });
    expect(targetHealth).toBeTypeOf('function');
  });

  it('reads a file, and prefers a file to an example of the same name', async () => {
    const file = join(scratch, 'ec2-cpu-alarm');
    writeFileSync(file, '{"source":"mine"}');
    const cwd = process.cwd();
    process.chdir(scratch);
    try {
      const { input, targetHealth } = await readEventArg('ec2-cpu-alarm', stdin(), EXAMPLES);
      expect([input.label, input.value, targetHealth]).toEqual(['ec2-cpu-alarm', { source: 'mine' }, undefined]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('says "no such file" for a name that is neither a file nor an example', async () => {
    const error = await readEventArg('no-such-example', stdin(), EXAMPLES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/no-such-example: no such file/);
  });

  it('reads stdin for -', async () => {
    const { input } = await readEventArg('-', Readable.from(['{"a":1}']), EXAMPLES);
    expect([input.label, input.value]).toEqual(['stdin', { a: 1 }]);
  });
});

describe('cli: the bundled examples', () => {
  it('are found from the sources and from a build folder one level below the root', () => {
    expect(bundledExamplesDir()).toBe(EXAMPLES);
    const root = join(scratch, 'root');
    mkdirSync(join(root, 'examples'), { recursive: true });
    mkdirSync(join(root, 'dist', 'chunks'), { recursive: true });
    writeFileSync(join(root, 'examples', 'examples.json'), '[]');
    expect(bundledExamplesDir(join(root, 'dist', 'chunks'))).toBe(join(root, 'examples'));
  });

  it('are named by their file name up to the first dot', () => {
    expect(exampleName({ file: 'ec2-cpu-alarm.eventbridge.json', title: '', source: '' })).toBe('ec2-cpu-alarm');
  });
});
