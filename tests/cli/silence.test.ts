import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SilenceCommandDeps, silenceCommand } from '../../src/cli/commands/silence';
import { reportError } from '../../src/cli/main';
import { createSilenceStore } from '../../src/lib/adapters/silence-store';
import { buildSilence, parseDuration } from '../../src/lib/core/routing';
import { type LocalDynamoDb, startLocalDynamoDb } from '../helpers/dynamodb-local';
import { memoryIo } from './memory-io';

const NOW_MS = Date.parse('2026-11-29T12:00:00Z');
let db: LocalDynamoDb;
beforeAll(async () => {
  db = await startLocalDynamoDb('silence-cli');
});
afterAll(() => db.close());

const deps = (): SilenceCommandDeps => ({
  store: (_region, table) => createSilenceStore(db.client, { tableName: table, now: () => NOW_MS }),
  env: { AWS_REGION: 'eu-west-1', DEDUPE_TABLE: 'silence-cli' },
  now: () => NOW_MS,
});

/** Runs `notifier silence …` against dynalite the way the CLI does, errors included. */
async function silence(...args: string[]) {
  const { io, out } = memoryIo();
  let code: number;
  try {
    code = await silenceCommand(args, io, deps());
  } catch (error) {
    code = reportError(error, io, {});
  }
  return { code, ...out };
}

describe('cli: notifier silence', () => {
  it('adds, lists and removes a silence in the table', async () => {
    const added = await silence(
      'add',
      '--match',
      'alarm=web-*',
      '--match',
      'region=eu-west-1',
      '--for',
      '2h',
      '--comment',
      'deploy',
    );
    expect(added).toEqual({
      code: 0,
      stdout:
        'added silence-20261129-120000  2026-11-29T12:00:00.000Z → 2026-11-29T14:00:00.000Z  region=eu-west-1 alarm=web-*  (deploy)\n',
      stderr: '',
    });
    const listed = await silence('list', '--format', 'json');
    expect(JSON.parse(listed.stdout)).toEqual({
      silences: [
        {
          id: 'silence-20261129-120000',
          match: { alarm: ['web-*'], region: ['eu-west-1'] },
          start: '2026-11-29T12:00:00.000Z',
          end: '2026-11-29T14:00:00.000Z',
          comment: 'deploy',
        },
      ],
    });
    expect(await silence('remove', 'silence-20261129-120000')).toMatchObject({
      code: 0,
      stdout: 'removed silence-20261129-120000\n',
    });
    expect(await silence('list')).toMatchObject({ code: 0, stdout: 'no silences\n' });
  });

  it.each([
    [['add', '--for', '2h'], 'notifier: silence add: --match KEY=GLOB is required (e.g. --match alarm=web-*)'],
    [
      ['add', '--match', 'alarmname=web-*', '--for', '2h'],
      'notifier: --match "alarmname=web-*": "alarmname" is not a key (use category, severity, account, region, source, alarm, rule)',
    ],
    [
      ['add', '--match', 'severity=high', '--for', '2h'],
      'notifier: --match: severity[0]: "high" is not one of critical, warning, info, ok',
    ],
    [['add', '--match', 'alarm=web-*'], 'notifier: silence add: give either --for DURATION or --until TIME'],
    [
      ['add', '--match', 'alarm=web-*', '--for', '2 hours'],
      'notifier: --for: "2 hours" is not a duration such as 2h, 90m or 1d12h',
    ],
    [
      ['add', '--match', 'alarm=web-*', '--for', '40d'],
      'notifier: silence add: at most 31 days; for longer, change the routing file',
    ],
    [
      ['add', '--match', 'alarm=web-*', '--until', '2026-11-29T11:00:00Z'],
      'notifier: silence add: the silence would end before it starts or in the past',
    ],
    [
      ['add', '--match', 'alarm=web-*', '--until', '2026-11-30 10:00'],
      'notifier: --until: "2026-11-30 10:00" is not an ISO 8601 time with a zone, such as 2026-12-01T22:00:00Z',
    ],
    [['remove', 'nothing-here'], 'notifier: silence remove: no silence "nothing-here" (see notifier silence list)'],
    [['mute'], 'notifier: silence: "mute" is not add, list or remove'],
  ])('exits 2 on %j, in one line', async (args, line) => {
    const { code, stderr } = await silence(...args);
    expect(code).toBe(2);
    expect(stderr).toBe(`${line}\n`);
  });

  it('says when the table does not exist', async () => {
    const { code, stderr } = await silence('list', '--table', 'notifier-prod-dedupe');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'notifier: silence: table "notifier-prod-dedupe" does not exist in eu-west-1 (use --table, e.g. notifier-prod-dedupe)\n',
    );
  });

  it('refuses a second silence with the same id', async () => {
    await silence('add', '--id', 'maint', '--match', 'alarm=db-*', '--for', '1h');
    const { code, stderr } = await silence('add', '--id', 'maint', '--match', 'alarm=db-*', '--for', '1h');
    expect(code).toBe(2);
    expect(stderr).toBe('notifier: silence: "maint" exists already; remove it first or choose another --id\n');
    await silence('remove', 'maint');
  });
});

describe('silence arguments (pure)', () => {
  it.each([
    ['2h', 7_200_000],
    ['90m', 5_400_000],
    ['1d12h', 129_600_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text, '--for')).toBe(ms);
  });

  it('starts at --start and ends at --until', () => {
    expect(
      buildSilence(
        {
          match: ['category=budget'],
          start: '2026-12-01T22:00:00Z',
          until: '2026-12-02T02:00:00+00:00',
          id: 'budget-maint',
        },
        new Date(NOW_MS),
      ),
    ).toEqual({
      id: 'budget-maint',
      match: { category: ['budget'] },
      start: '2026-12-01T22:00:00.000Z',
      end: '2026-12-02T02:00:00.000Z',
    });
  });
});
