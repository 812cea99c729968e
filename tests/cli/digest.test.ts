import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { digestCommand } from '../../src/cli/commands/digest';
import { UsageError } from '../../src/cli/errors';
import { InputError } from '../../src/lib/core/errors';

const RECORDED = 'examples/cost/recorded-month.json';

/** Runs `notifier digest` in-process; returns its exit code and output. */
async function digest(args: string[], stdin = '') {
  let stdout = '';
  const io = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: { write: () => true },
    stdin: Readable.from([stdin]),
  };
  const code = await digestCommand(args, io as never);
  return { code, stdout };
}

describe('cli: notifier digest', () => {
  it('prints the recorded month as one cost-digest notification in the render contract (json)', async () => {
    const { code, stdout } = await digest([
      '--data',
      RECORDED,
      '--date',
      '2024-05-14',
      '--now',
      '2024-05-14T00:00:00Z',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.ignored).toEqual([]);
    expect(output.notifications).toHaveLength(1);
    const [n] = output.notifications;
    expect(n).toMatchObject({
      category: 'cost-digest',
      severity: 'warning',
      attributes: { category: { StringValue: 'cost-digest' } },
    });
    expect(typeof n.email).toBe('string');
    expect(n.slack.blocks.length).toBeGreaterThan(0);
    expect(n.notification.fields).toContainEqual({ label: 'Month to date (2024-05-01 – 2024-05-13)', value: '$0.65' });
  });

  it('prints a readable text digest in Japanese', async () => {
    const { stdout } = await digest([
      '--data',
      RECORDED,
      '--date',
      '2024-05-14',
      '--now',
      '2024-05-14T00:00:00Z',
      '--locale',
      'ja',
    ]);
    expect(stdout).toMatchSnapshot();
  });

  it('reads the data from stdin with --data -', async () => {
    const { stdout } = await digest(
      ['--data', '-', '--date', '2024-05-14', '--format', 'json'],
      '{"GetCostForecast":{"Total":{"Amount":"3","Unit":"USD"}}}',
    );
    expect(JSON.parse(stdout).notifications[0].notification.notes).toContain(
      'GetCostAndUsage was not provided; that part of the digest is left out.',
    );
  });

  it('defaults the date to today in --time-zone', async () => {
    const { stdout } = await digest([
      '--data',
      RECORDED,
      '--now',
      '2024-05-13T15:30:00Z',
      '--time-zone',
      'Asia/Tokyo',
      '--format',
      'json',
    ]);
    expect(JSON.parse(stdout).notifications[0].notification.title).toMatch(/2024-05-13/);
  });

  it.each([
    [[], UsageError, /--data FILE is required/],
    [['--data', RECORDED, '--date', '14/05/2024'], UsageError, /--date: "14\/05\/2024" is not a YYYY-MM-DD date/],
    [['--data', RECORDED, '--top', '0'], UsageError, /--top/],
    [['--data', 'no-such-file.json'], InputError, /no such file/],
    [
      ['--data', 'package.json'],
      InputError,
      /none of GetCostAndUsage, GetCostForecast, DescribeBudgets, GetFreeTierUsage found/,
    ],
  ])('fails clearly on %j', async (args, type, message) => {
    const run = digest(args);
    await expect(run).rejects.toThrow(type);
    await expect(digest(args)).rejects.toThrow(message);
  });
});
