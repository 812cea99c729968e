import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'notifier.mjs');

async function notifier(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the notifier executable', () => {
  it('renders a fixture as JSON with exit code 0', async () => {
    const { code, stdout } = await notifier(
      'render',
      '--format',
      'json',
      'tests/fixtures/cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).notifications).toHaveLength(1);
  });

  it('exits 2 with one line on stderr and no stack trace for bad input', async () => {
    const { code, stderr } = await notifier('render', 'package.json');
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^notifier: /);
  });
});
