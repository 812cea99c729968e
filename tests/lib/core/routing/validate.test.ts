import { describe, expect, it } from 'vitest';
import { ConfigFileError } from '../../../../src/lib/core/errors';
import { describeRouting, parseRouting, parseRoutingJson } from '../../../../src/lib/core/routing';
import { routesExample } from '../../../helpers/routes-example';

type File = Record<string, unknown> & {
  destinations: Record<string, Record<string, unknown>>;
  routes: Array<Record<string, unknown>>;
  silences: Array<Record<string, unknown>>;
};
const smallTeam = () => routesExample<File>();

/** The error lines of a broken copy of the small-team file. */
function errorsOf(change: (f: File) => void): readonly string[] {
  const file = smallTeam();
  change(file);
  try {
    parseRouting(file, 'routes.json');
  } catch (error) {
    if (error instanceof ConfigFileError) return error.lines;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('routing file: validation', () => {
  it('accepts the README example and says what it holds in one line', () => {
    const { routing, warnings } = parseRouting(smallTeam(), 'routes.json');
    expect(warnings).toEqual([]);
    expect(describeRouting(routing, 'routes.json')).toBe(
      'routes.json: ok: 3 destinations, 3 routes, 1 silence, default → notices',
    );
  });

  it.each<[string, (f: File) => void, string]>([
    [
      'a route naming an unknown destination',
      (f) => {
        f.routes[2]!.to = ['oncal'];
      },
      'routes.json: routes[2].to[0]: "oncal" is not a destination (known: oncall, notices, finance)',
    ],
    [
      'a default naming an unknown destination',
      (f) => {
        f.default = ['notices', 'nowhere'];
      },
      'routes.json: default[1]: "nowhere" is not a destination (known: oncall, notices, finance)',
    ],
    [
      'an empty default (nothing may be dropped silently)',
      (f) => {
        f.default = [];
      },
      'routes.json: default: must name at least one destination: nothing is dropped silently',
    ],
    [
      'an unknown key (a misspelt continue)',
      (f) => {
        f.routes[1]!.contine = true;
      },
      'routes.json: routes[1]: unknown key "contine"',
    ],
    [
      'an unknown match key',
      (f) => {
        f.routes[0]!.match = { alarmName: ['web-*'] };
      },
      'routes.json: routes[0].match: unknown key "alarmName"',
    ],
    [
      'an unknown severity',
      (f) => {
        f.routes[1]!.match = { severity: ['high'] };
      },
      'routes.json: routes[1].match.severity[0]: "high" is not one of critical, warning, info, ok',
    ],
    [
      'an unknown destination type',
      (f) => {
        f.destinations.pager = { type: 'pagerduty', parameter: '/p' };
      },
      'routes.json: destinations.pager.type: "pagerduty" is not one: one of slack-webhook, slack-app, teams, email, webhook',
    ],
    [
      'a webhook destination without its secret parameter',
      (f) => {
        f.destinations.oncall = { type: 'slack-webhook' };
      },
      'routes.json: destinations.oncall.parameter: is required',
    ],
    [
      'a secret given in the file instead of an SSM parameter name',
      (f) => {
        f.destinations.oncall = { type: 'slack-webhook', parameter: 'https://hooks.slack.com/services/T0/B0/x' };
      },
      'routes.json: destinations.oncall.parameter: must be an SSM parameter name such as /notifier/slack/oncall (a SecureString holding the secret)',
    ],
    [
      'a Slack app without a channel id',
      (f) => {
        f.destinations.app = { type: 'slack-app', parameter: '/notifier/slack-bot-token', channel: '#oncall' };
        f.routes[2]!.to = ['notices', 'app'];
      },
      'routes.json: destinations.app.channel: must be a Slack channel id such as C0123456789 (channel details, bottom)',
    ],
    [
      'an email destination without a topic',
      (f) => {
        f.destinations.finance = { type: 'email' };
      },
      'routes.json: destinations.finance.topic: is required',
    ],
    [
      'a mention that is not one of the allowed forms',
      (f) => {
        f.routes[1]!.mention = { text: '<!everyone> look' };
      },
      'routes.json: routes[1].mention.text: "<!everyone> look" is not a mention (use <!subteam^S0123ABCD>, <@U0123ABCD>, <!here> or <!channel>)',
    ],
    [
      'a runbook that is not https',
      (f) => {
        f.routes[1]!.runbook = 'http://wiki.example.com/oncall';
      },
      'routes.json: routes[1].runbook: "http://wiki.example.com/oncall" is not an https URL',
    ],
    [
      'a silence ending before it starts',
      (f) => {
        f.silences[0]!.end = '2026-12-01T21:00:00Z';
      },
      'routes.json: silences[0].end: must be after start',
    ],
    [
      'a silence without a time zone',
      (f) => {
        f.silences[0]!.start = '2026-12-01T22:00:00';
      },
      'routes.json: silences[0].start: must be an ISO 8601 time such as 2026-12-01T22:00:00Z',
    ],
    [
      'a silence of everything',
      (f) => {
        f.silences[0]!.match = {};
      },
      'routes.json: silences[0].match: must name at least one key (category, severity, account, region, source, alarm, rule)',
    ],
    [
      'a wrong version',
      (f) => {
        f.version = 2;
      },
      'routes.json: version: 2 is not one of 1',
    ],
  ])('rejects %s, naming the entry in one line', (_, change, line) => {
    expect(errorsOf(change)).toEqual([line]);
  });

  it('reports every problem at once, one line each', () => {
    const lines = errorsOf((f) => {
      f.routes[0]!.to = ['financ'];
      f.routes[2]!.to = ['notice'];
    });
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });

  it('says when the text is not JSON', () => {
    expect(() => parseRoutingJson('{"version": 1,', 'routes.json')).toThrow(/^routes\.json: not valid JSON \(/);
  });

  it.each<[string, (f: File) => void, string]>([
    [
      'a destination no route uses',
      (f) => {
        f.destinations.teams = { type: 'teams', parameter: '/notifier/teams' };
      },
      'routes.json: destinations.teams: not used by any route or the default',
    ],
    [
      'a route below a catch-all that does not continue',
      (f) => {
        f.routes.push({ match: { severity: ['ok'] }, to: ['oncall'] });
      },
      'routes.json: routes[3]: never reached: routes[2] matches everything and does not continue',
    ],
    [
      'a mention on a route without a Slack destination',
      (f) => {
        f.routes[0]!.mention = { text: '<!here>' };
        f.routes[0]!.to = ['finance'];
      },
      'routes.json: routes[0].mention: none of its destinations is Slack, so the mention is never shown',
    ],
  ])('warns about %s', (_, change, warning) => {
    const file = smallTeam();
    change(file);
    expect(parseRouting(file, 'routes.json').warnings).toEqual([warning]);
  });
});
