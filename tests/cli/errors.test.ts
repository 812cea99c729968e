import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileMessage } from '../helpers/hostile';
import { cli } from './memory-io';

const dir = mkdtempSync(join(tmpdir(), 'notifier-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('notifier: bad input and usage', () => {
  it.each([
    [
      'broken JSON, with line and column',
      ['render', file('broken.json', '{\n  "source": "aws.cloudwatch",\n}')],
      /broken\.json: not valid JSON at line 3/,
    ],
    ['an empty file', ['render', file('empty.json', '  \n')], /empty\.json: is empty/],
    ['a missing file', ['render', join(dir, 'nope.json')], /nope\.json: no such file/],
    ['a JSON number', ['render', file('number.json', '42')], /number|object|event/i],
    ['a JSON array', ['render', file('array.json', '[1, 2]')], /array|object|event/i],
    [
      'an object of no known shape, naming the file',
      ['render', file('object.json', '{"hello": "world"}')],
      /object\.json: not a known event shape/,
    ],
    ['no FILE', ['render'], /expected exactly one FILE/],
    ['two FILEs', ['render', 'a.json', 'b.json'], /expected exactly one FILE/],
    ['an unknown flag', ['render', '--colour', 'x.json'], /colour/],
    ['an unknown format', ['render', '--format', 'yaml', 'x.json'], /--format: "yaml"/],
    ['an unknown locale', ['render', '--locale', 'fr', 'x.json'], /--locale: "fr"/],
    ['an unknown time zone', ['render', '--time-zone', 'Asia/Tokio', 'x.json'], /--time-zone: "Asia\/Tokio"/],
    ['a bad --now', ['render', '--now', 'yesterday', 'x.json'], /--now: "yesterday"/],
    ['an unknown command', ['deploy'], /unknown command "deploy"/],
  ])('exits 2 with one line for %s', async (_name, args, message) => {
    const { code, stderr, stdout } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message as RegExp);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('prints help and exits 0', async () => {
    const { code, stdout } = await cli(['help']);
    expect(code).toBe(0);
    expect(stdout).toContain('notifier render');
  });

  it('never crashes on arbitrary JSON: a notification, an ignore, or a one-line error (exit 2)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), async (text) => {
        const { code, stderr } = await cli(['render', '--format', 'json', '-'], text);
        expect([0, 2]).toContain(code);
        expect(stderr).not.toMatch(/internal error/);
        if (code === 2) expect(stderr.trimEnd().split('\n').length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it('never crashes on hostile input: deep nesting, lone surrogates, huge strings', async () => {
    await fc.assert(
      fc.asyncProperty(hostileMessage, async (text) => {
        const { code, stderr } = await cli(['render', '--format', 'json', '-'], text);
        expect([0, 2]).toContain(code);
        expect(stderr).not.toMatch(/internal error/);
      }),
      { numRuns: 60 },
    );
  });

  it('names the depth bound for an event nested 5,000 levels deep', async () => {
    const deep = `{"detail":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    const { code, stderr } = await cli(['render', file('deep.json', deep)]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/deep\.json: detail(\.a){63}: nested deeper than 64 levels\n$/);
  });

  it('never crashes on arbitrary text either', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        const { code, stderr } = await cli(['render', '--format', 'json', '-'], text);
        expect([0, 2]).toContain(code);
        expect(stderr).not.toMatch(/internal error/);
      }),
      { numRuns: 150 },
    );
  });
});
