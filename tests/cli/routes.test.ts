import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROUTES_EXAMPLE_PATH, routesExample } from '../helpers/routes-example';
import { cli } from './memory-io';

const EXAMPLE = fileURLToPath(ROUTES_EXAMPLE_PATH);
const routesFile = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'notifier-routes-')), 'routes.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('cli: notifier routes --check', () => {
  it('exits 0 with a one-line summary for the README example', async () => {
    const { code, stdout, stderr } = await cli(['routes', '--check', EXAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${EXAMPLE}: ok: 3 destinations, 3 routes, 1 silence, default → notices\n`);
    expect(stderr).toBe('');
  });

  it('exits 2 with one line per problem, naming the file and the entry', async () => {
    const file = routesExample<{ routes: Array<Record<string, unknown>> }>();
    file.routes[2]!.to = ['oncal'];
    file.routes[1]!.contine = true;
    const path = routesFile(file);
    const { code, stdout, stderr } = await cli(['routes', '--check', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('routes.json: routes[1]: unknown key "contine"\n');
    delete file.routes[1]!.contine;
    const second = await cli(['routes', '--check', routesFile(file)]);
    expect(second.stderr).toBe(
      'routes.json: routes[2].to[0]: "oncal" is not a destination (known: oncall, notices, finance)\n',
    );
  });

  it('prints warnings on stderr but passes', async () => {
    const file = routesExample<{ destinations: Record<string, unknown> }>();
    file.destinations.teams = { type: 'teams', parameter: '/notifier/teams' };
    const { code, stderr } = await cli(['routes', '--check', routesFile(file)]);
    expect(code).toBe(0);
    expect(stderr).toBe('warning: routes.json: destinations.teams: not used by any route or the default\n');
  });

  it.each([
    ['a file that is not JSON', () => routesFile('{ "version": 1,'), /^routes\.json: not valid JSON \(/],
    [
      'a missing file',
      () => '/nonexistent/routes.json',
      /^\/nonexistent\/routes\.json: cannot read the routing file \(ENOENT\)\n$/,
    ],
  ])('exits 2 for %s, in one line', async (_, path, message) => {
    const { code, stderr } = await cli(['routes', '--check', path()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 without --check', async () => {
    expect(await cli(['routes'])).toMatchObject({ code: 2, stderr: 'notifier: routes: --check FILE is required\n' });
  });
});

describe('cli: notifier render --routes', () => {
  it('shows where a critical alarm goes, by which route, with the mention and runbook, before each rendering', async () => {
    const { code, stdout } = await cli([
      'render',
      '--routes',
      EXAMPLE,
      '--now',
      '2026-11-29T12:00:00Z',
      'ec2-cpu-alarm',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      [
        'routes: matched critical, everything-else',
        '  → oncall (slack-webhook) by route critical, mention <!subteam^S012AB3CD>, runbook https://wiki.example.com/runbooks/oncall',
        '  → notices (slack-webhook) by route everything-else',
      ].join('\n'),
    );
    const oncall = stdout.indexOf('── to oncall: slack');
    const notices = stdout.indexOf('── to notices: slack');
    expect(oncall).toBeGreaterThan(0);
    expect(notices).toBeGreaterThan(oncall);
    expect(stdout.slice(oncall, notices)).toContain('Runbook');
    expect(stdout.slice(notices)).not.toContain('Runbook');
  });

  it('sends a budget alert to the finance email and #aws-notices', async () => {
    const { stdout } = await cli(['render', '--routes', EXAMPLE, '--now', '2026-11-29T12:00:00Z', 'budget-exceeded']);
    expect(stdout).toContain(
      'routes: matched costs\n  → finance (email) by route costs\n  → notices (slack-webhook) by route costs',
    );
    expect(stdout).toContain('── to finance: email');
  });

  it('says which silence of the file mutes an event at --now', async () => {
    const file = routesExample<{ silences: Array<Record<string, unknown>> }>();
    file.silences[0]!.match = { alarm: ['ServerCpu*'] };
    const { code, stdout } = await cli([
      'render',
      '--routes',
      routesFile(file),
      '--now',
      '2026-12-01T23:00:00Z',
      'ec2-cpu-alarm',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('routes: silenced by maint-2026-12-01 (routing file); nothing is delivered');
  });

  it('adds a "routes" key to each notification with --format json, keeping the contract keys', async () => {
    const { stdout } = await cli([
      'render',
      '--routes',
      EXAMPLE,
      '--format',
      'json',
      '--now',
      '2026-11-29T12:00:00Z',
      'ec2-cpu-alarm',
    ]);
    const [n] = (JSON.parse(stdout) as { notifications: Array<Record<string, unknown>> }).notifications;
    expect(Object.keys(n!)).toEqual(
      expect.arrayContaining(['subject', 'email', 'slack', 'attributes', 'notification', 'routes']),
    );
    const routes = n!.routes as {
      kind: string;
      deliveries: Array<{ destination: string; rendering: { text: string } }>;
    };
    expect(routes.kind).toBe('deliver');
    expect(routes.deliveries.map((d) => d.destination)).toEqual(['oncall', 'notices']);
    expect(routes.deliveries[0]!.rendering.text.startsWith('<!subteam^S012AB3CD> ')).toBe(true);
    expect(routes.deliveries[1]!.rendering.text).not.toContain('<!');
  });

  it('exits 2 on a broken routing file, in one line', async () => {
    const { code, stderr } = await cli(['render', '--routes', routesFile({ version: 1 }), 'ec2-cpu-alarm']);
    expect(code).toBe(2);
    expect(stderr).toBe('notifier: routes.json: destinations: is required\n');
  });
});
