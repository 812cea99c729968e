import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { rulesCommand } from '../../src/cli/commands/rules';
import { UsageError } from '../../src/cli/errors';
import { ConfigError } from '../../src/lib/core/errors';
import { defaultRules } from '../../src/lib/core/sources/cloudtrail';

async function run(args: string[]) {
  let stdout = '';
  const write = (s: string) => {
    stdout += s;
    return true;
  };
  const io = { stdout: { write }, stderr: { write: () => true }, stdin: Readable.from(['']) };
  const code = await rulesCommand(args, io as never);
  return { code, stdout };
}

const rulesFile = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'notifier-rules-')), 'notifier-rules.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('cli: notifier rules', () => {
  it('lists every default rule as JSON with id, severity, eventSource, eventNames and description', async () => {
    const { code, stdout } = await run(['--format', 'json']);
    const out = JSON.parse(stdout) as { rules: Array<Record<string, unknown>>; ignore: unknown[] };
    expect(code).toBe(0);
    expect(out.rules.map((r) => r.id)).toEqual(defaultRules.map((r) => r.id));
    for (const r of out.rules)
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['id', 'severity', 'eventSource', 'eventNames', 'description']),
      );
    expect(out.rules.flatMap((r) => r.eventNames as string[])).toEqual(
      expect.arrayContaining(['StopLogging', 'AuthorizeSecurityGroupIngress', 'ConsoleLogin', 'MoveAccount']),
    );
    expect(out.ignore).toEqual([]);
  });

  it('lists the rules as text', async () => {
    const { stdout } = await run([]);
    expect(stdout).toMatchSnapshot();
  });

  it('adds the rules and ignores of a rules file', async () => {
    const path = rulesFile({
      rules: [
        {
          id: 'lambda-code',
          title: 'Lambda code changed',
          eventSource: 'lambda.amazonaws.com',
          eventNames: ['UpdateFunctionCode20150331v2'],
        },
      ],
      ignore: [{ id: 'ci', principalArn: 'arn:aws:iam::*:role/ci', reason: 'CI' }],
    });
    const { stdout } = await run(['--rules-file', path]);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'ignore   ci: principalArn=arn:aws:iam::*:role/ci (CI)',
      'warning  lambda-code',
      '    Lambda code changed',
      '    lambda.amazonaws.com: UpdateFunctionCode20150331v2',
    ]);
  });

  it('prints the EventBridge patterns', async () => {
    const out = JSON.parse((await run(['--patterns'])).stdout) as Array<{ name: string }>;
    expect(out.map((p) => p.name)).toContain('unauthorized-api-call');
  });

  it.each([
    [['--format', 'yaml'], UsageError, '--format: "yaml" is not one of text, json'],
    [['extra'], UsageError, 'rules: unexpected argument "extra"'],
    [
      ['--rules-file', '/nonexistent/notifier-rules.json'],
      ConfigError,
      '/nonexistent/notifier-rules.json: cannot read the rules file (ENOENT)',
    ],
    [
      ['--rules-file', rulesFile({ ignore: [{ sourceIp: '10.0.0.0/33' }] })],
      ConfigError,
      'notifier-rules.json: ignore[0].sourceIp: "10.0.0.0/33" is not a CIDR',
    ],
  ])('rejects %j', async (args, type, message) => {
    await expect(run(args)).rejects.toThrow(type);
    await expect(run(args)).rejects.toThrow(message);
  });
});
