import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRouting, loadRoutingFile } from '../../../src/lib/adapters/routes-file';
import { loadRoutingConfig } from '../../../src/lib/config';
import { ConfigFileError } from '../../../src/lib/core/errors';
import { ROUTES_EXAMPLE_PATH } from '../../helpers/routes-example';

const EXAMPLE = fileURLToPath(ROUTES_EXAMPLE_PATH);

describe('routing file (adapter) and ROUTES_FILE', () => {
  it('reads ROUTES_FILE when the deploy has a routing file, else nothing', () => {
    expect(loadRoutingConfig({ ROUTES_FILE: '/var/task/routes.json' })).toEqual({
      routesFile: '/var/task/routes.json',
    });
    expect(loadRoutingConfig({ ROUTES_FILE: '' })).toEqual({});
    expect(loadRoutingConfig({})).toEqual({});
  });

  it('loads the file when there is one, and the default routing (the one Slack webhook and email) when not', async () => {
    expect(Object.keys((await loadRouting(EXAMPLE, '/notifier/slack-webhook-url')).file.destinations)).toEqual([
      'oncall',
      'notices',
      'finance',
    ]);
    expect((await loadRouting(undefined, '/notifier/slack-webhook-url')).file).toMatchObject({
      destinations: { slack: { type: 'slack-webhook', parameter: '/notifier/slack-webhook-url' } },
      default: ['slack', 'email'],
    });
  });

  it('names the file it cannot read, in one line', async () => {
    const error = await loadRoutingFile('/nonexistent/routes.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as ConfigFileError).lines).toEqual([
      '/nonexistent/routes.json: cannot read the routing file (ENOENT)',
    ]);
  });
});
