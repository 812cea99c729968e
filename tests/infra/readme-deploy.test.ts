import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnTemplate, packagedTemplate, ROOT, resourcesOfType } from './packaged';

const PACKAGE_TIMEOUT_MS = 120_000;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** An AWS CLI call: at the start of a command, in `$( … )` or after a pipe. */
const AWS_CALL = /(?:^|\$\(|\|\s*)aws\s+[a-z]/g;
/** Our commands that deploy or package for a region. */
const REGIONAL_NPM = /npm run (?:deploy|release)\b/;

/** Every command of the README's shell blocks, continuation lines joined, comments dropped. */
function readmeCommands(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

let template: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
}, PACKAGE_TIMEOUT_MS);

describe('README: deploy without traps', () => {
  it('has AWS CLI commands to check', () => {
    expect(readmeCommands().filter((command) => command.match(AWS_CALL)).length).toBeGreaterThan(10);
  });

  it.each(readmeCommands().filter((command) => command.match(AWS_CALL)))(
    'gives every AWS CLI call a region: %s',
    (command) => {
      const calls = command.match(AWS_CALL)?.length ?? 0;
      expect(command.match(/--region\s+[a-z]{2}-[a-z]+-\d/g)?.length ?? 0).toBe(calls);
    },
  );

  it.each(readmeCommands().filter((command) => REGIONAL_NPM.test(command)))(
    'deploys to a named region: %s',
    (command) => {
      expect(command).toMatch(/--region\s+[a-z]{2}-[a-z]+-\d/);
    },
  );

  it('never puts the webhook URL as a --value (AWS CLI v1 would fetch it)', () => {
    expect(readmeCommands().filter((command) => /put-parameter.*--value\s+'?https:/.test(command))).toEqual([]);
  });

  it('names the Lambda runtime the template uses, and the local Node version', () => {
    const runtimes = new Set(
      resourcesOfType(template, 'AWS::Lambda::Function').map(([, fn]) => fn.Properties?.Runtime),
    );
    expect([...runtimes]).toEqual(['nodejs22.x']);
    expect(README).toContain('`nodejs22.x`');
    const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string;
    expect(engines).toBe('>=20');
    expect(README).toContain('Node.js 20 or later');
  });

  it('deploys the forwarder as a service-managed StackSet with auto-deployment', () => {
    const commands = readmeCommands().join('\n');
    expect(commands).toContain('--permission-model SERVICE_MANAGED');
    expect(commands).toContain('--auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false');
    expect(commands).toMatch(
      /create-stack-instances .*--deployment-targets OrganizationalUnitIds=\S+ .*--regions us-east-1/,
    );
    expect(commands).toContain('--template-file .serverless/forwarder.json');
  });
});
