import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'notifier.mjs');

async function notifier(args: string[], bin = BIN) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The bin runs the built JavaScript (dist/), as a user's `npx notifier` does: build it from the
// sources under test first, so this file tests them and not an older build.
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
});

describe('the notifier executable (built)', () => {
  it('prints the overview of every command for --help, exit 0', async () => {
    const { code, stdout, stderr } = await notifier(['--help']);
    expect([code, stderr]).toEqual([0, '']);
    for (const command of ['render', 'replay', 'preview', 'send', 'rules', 'doctor', 'digest']) {
      expect(stdout).toContain(`notifier ${command} `);
    }
  });

  it('renders a fixture as JSON with exit code 0', async () => {
    const { code, stdout } = await notifier([
      'render',
      '--format',
      'json',
      'tests/fixtures/cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).notifications).toHaveLength(1);
  });

  it('renders a bundled example by its name, enriched as its manifest says', async () => {
    const { code, stdout } = await notifier(['render', 'alb-unhealthy-hosts-alarm']);
    expect(code).toBe(0);
    expect(stdout).toContain('Target.ResponseCodeMismatch');
  });

  it('exits 2 with one line on stderr and no stack trace for bad input', async () => {
    const { code, stderr } = await notifier(['render', 'package.json']);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^notifier: /);
  });

  it('loads each command lazily: the built entry imports no command and no AWS SDK', async () => {
    const { readFile } = await import('node:fs/promises');
    const entry = await readFile(join(ROOT, 'dist', 'cli.mjs'), 'utf8');
    expect(entry).not.toMatch(/@aws-sdk|node:http['"]/);
    expect(entry).toMatch(/import\(["']\.\/chunks\/render-/);
  });
});

describe('the notifier executable before a build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notifier-unbuilt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says in one line how to build it, exit 1', async () => {
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin', 'notifier.mjs'));
    const { code, stdout, stderr } = await notifier(['--help'], join(dir, 'bin', 'notifier.mjs'));
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toBe('notifier: the command is not built yet: run "npm run build" (npm ci does it too)\n');
  });
});
