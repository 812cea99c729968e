import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { digestCommand } from '../../src/cli/commands/digest';
import { UsageError } from '../../src/cli/errors';
import { InputError } from '../../src/lib/core/errors';

const RECORDED = 'examples/cost/recorded-month.json';
const scratch = mkdtempSync(join(tmpdir(), 'notifier-digest-'));
const dataFile = (name: string, data: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};
const FORECAST_ONLY = dataFile('forecast-only.json', { GetCostForecast: { Total: { Amount: '3.5', Unit: 'USD' } } });
const WRONG_SHAPE = dataFile('wrong-shape.json', { GetCostAndUsage: 5 });

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

  it('defaults the date to the morning after the last day the file has costs for', async () => {
    const { stdout } = await digest(['--data', RECORDED, '--now', '2030-01-01T00:00:00Z', '--format', 'json']);
    expect(JSON.parse(stdout).notifications[0].notification.title).toMatch(/2024-05-13/);
  });

  it('without daily costs, reports on the last complete UTC day before --now', async () => {
    const args = ['--data', FORECAST_ONLY, '--now', '2024-05-14T23:00:00Z', '--time-zone', 'Australia/Sydney'];
    const { stdout } = await digest([...args, '--format', 'json']);
    // 09:00 on the 15th in Sydney is 23:00 on the 14th in UTC: the 14th is not over in Cost Explorer.
    expect(JSON.parse(stdout).notifications[0].notification.title).toMatch(/2024-05-13/);
  });

  it.each([
    ['weekly', 'AWS costs for 2024-05-07 – 2024-05-13: $0.07'],
    ['monthly', 'AWS costs for 2024-05: $0.65'],
  ])('--period %s reports the recorded data for that period', async (period, title) => {
    const { stdout } = await digest(['--data', RECORDED, '--period', period, '--format', 'json']);
    expect(JSON.parse(stdout).notifications[0].notification.title).toBe(title);
  });

  it('lists --period in its help', async () => {
    const { code, stdout } = await digest(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--period +daily \(default\)[\s\S]*weekly[\s\S]*monthly/);
  });

  it.each([
    [[], UsageError, /--data FILE is required/],
    [['--data', RECORDED, '--period', 'yearly'], UsageError, /--period: "yearly" is not one of daily, weekly, monthly/],
    [['--data', RECORDED, '--date', '14/05/2024'], UsageError, /--date: "14\/05\/2024" is not a YYYY-MM-DD date/],
    [['--data', RECORDED, '--top', '0'], UsageError, /--top/],
    [['--data', 'no-such-file.json'], InputError, /no such file/],
    [['--data', WRONG_SHAPE], InputError, /wrong-shape\.json: GetCostAndUsage: not a GetCostAndUsage response/],
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
