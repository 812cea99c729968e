import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../../src/lib/core/notification';
import {
  compileSilence,
  defaultRouting,
  type Matcher,
  parseRouting,
  type Routing,
  type RoutingFile,
  route,
} from '../../../../src/lib/core/routing';
import { notificationOf } from '../../../helpers/render-fixture';
import { routesExample } from '../../../helpers/routes-example';
import { albAlarm, genericEvent, okRecovery } from '../render/sample-notifications';

const smallTeam = () => parseRouting(routesExample(), 'small-team.json').routing;
const now = new Date('2026-11-29T12:00:00Z');

/** Where a decision sends the notification: destination names, or `silenced by <id>`. */
function where(decision: ReturnType<typeof route>): string {
  return decision.kind === 'silenced'
    ? `silenced by ${decision.silenceId}`
    : decision.deliveries.map((d) => d.destination).join(', ');
}

const budget: Notification = {
  ...genericEvent,
  category: 'budget',
  severity: 'warning',
  source: { type: 'sns/budget' },
};
const criticalBudget: Notification = { ...budget, severity: 'critical' };
const webAlarm = (region: string, severity: Notification['severity'] = 'critical'): Notification => ({
  ...albAlarm,
  severity,
  region,
  labels: { alarm: 'web-5xx' },
});

describe('route: the small-team example (README "Routing")', () => {
  it.each([
    [
      'a critical alarm goes to #oncall, then (continue) to #aws-notices',
      albAlarm,
      'oncall, notices',
      ['critical', 'everything-else'],
    ],
    ['a recovery goes to #aws-notices only', okRecovery, 'notices', ['everything-else']],
    ['a generic event goes to #aws-notices', genericEvent, 'notices', ['everything-else']],
    ['a budget alert goes to finance and #aws-notices, and stops there', budget, 'finance, notices', ['costs']],
    [
      'a critical budget alert stops at the costs route too (first match wins)',
      criticalBudget,
      'finance, notices',
      ['costs'],
    ],
  ])('%s', (_, n, destinations, matched) => {
    const decision = route(n, smallTeam(), now);
    expect(where(decision)).toBe(destinations);
    expect(decision.kind === 'deliver' && decision.matched).toEqual(matched);
  });

  it('adds the on-call mention and the runbook to the critical route only', () => {
    const decision = route(albAlarm, smallTeam(), now);
    expect(decision.kind === 'deliver' && decision.deliveries).toEqual([
      {
        destination: 'oncall',
        config: { type: 'slack-webhook', parameter: '/notifier/slack/oncall' },
        route: 'critical',
        mention: '<!subteam^S012AB3CD>',
        runbook: 'https://wiki.example.com/runbooks/oncall',
      },
      {
        destination: 'notices',
        config: { type: 'slack-webhook', parameter: '/notifier/slack/aws-notices' },
        route: 'everything-else',
      },
    ]);
  });

  it('routes real fixtures by the labels the sources set: the alarm name and the API-call rule id', async () => {
    const alarm = await notificationOf('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
    const apiCall = await notificationOf('cloudtrail/eventbridge-CreateBucket-root-docs.json');
    expect(alarm.labels).toEqual({ alarm: 'ServerCpuTooHigh' });
    expect(apiCall.labels?.rule).toMatch(/^root-/);
    const file: RoutingFile = {
      version: 1,
      destinations: {
        servers: { type: 'teams', parameter: '/notifier/teams/servers' },
        security: { type: 'webhook', parameter: '/notifier/pager' },
        notices: { type: 'slack-webhook', parameter: '/notifier/slack/notices' },
      },
      routes: [
        { match: { alarm: ['Server*'] }, to: ['servers'] },
        { match: { rule: ['root-*'], account: ['1234567?9012'] }, to: ['security'] },
      ],
      default: ['notices'],
    };
    const { routing } = parseRouting(file);
    expect(where(route(alarm, routing, now))).toBe('servers');
    expect(where(route(apiCall, routing, now))).toBe('security');
    expect(where(route({ ...alarm, labels: { alarm: 'db-cpu' } }, routing, now))).toBe('notices');
  });
});

describe('route: matchers', () => {
  const routingFor = (match: Matcher) =>
    parseRouting({
      version: 1,
      destinations: { hit: { type: 'webhook', parameter: '/x/hit' }, miss: { type: 'webhook', parameter: '/x/miss' } },
      routes: [{ match, to: ['hit'] }],
      default: ['miss'],
    }).routing;

  it.each<[string, Matcher, string]>([
    ['every key given must match (and)', { severity: ['critical'], region: ['us-east-2'] }, 'hit'],
    ['one value of a key is enough (or)', { region: ['eu-west-1', 'us-east-*'] }, 'hit'],
    ['a key the notification lacks never matches', { rule: ['*'] }, 'miss'],
    ['globs are anchored', { account: ['8113'] }, 'miss'],
    ['? is one character', { region: ['us-east-?'] }, 'hit'],
    ['source matches the source type', { source: ['aws.cloudwatch/*'] }, 'hit'],
    ['an empty matcher matches everything', {}, 'hit'],
  ])('%s', (_, match, expected) => {
    expect(
      where(
        route(
          { ...albAlarm, source: { type: 'aws.cloudwatch/CloudWatch Alarm State Change' } },
          routingFor(match),
          now,
        ),
      ),
    ).toBe(expected);
  });
});

describe('route: continue, as in Alertmanager', () => {
  const file = (continues: boolean[]): RoutingFile => ({
    version: 1,
    destinations: {
      a: { type: 'webhook', parameter: '/a' },
      b: { type: 'webhook', parameter: '/b' },
      d: { type: 'webhook', parameter: '/d' },
    },
    routes: [
      { name: 'first', to: ['a'], continue: continues[0] },
      { name: 'second', to: ['b', 'a'], continue: continues[1] },
    ],
    default: ['d'],
  });

  it('stops at the first match without continue', () => {
    expect(where(route(albAlarm, parseRouting(file([false, false])).routing, now))).toBe('a');
  });

  it('goes on after a route with continue, each destination once, in order', () => {
    const decision = route(albAlarm, parseRouting(file([true, false])).routing, now);
    expect(where(decision)).toBe('a, b');
    expect(decision.kind === 'deliver' && decision.deliveries.map((d) => d.route)).toEqual(['first', 'second']);
  });

  it('does not fall back to the default when a continuing route matched and nothing after it', () => {
    expect(where(route(albAlarm, parseRouting(file([true, true])).routing, now))).toBe('a, b');
  });
});

describe('route: mentions by severity', () => {
  const routing = (severities?: Notification['severity'][]) =>
    parseRouting({
      version: 1,
      destinations: { oncall: { type: 'slack-webhook', parameter: '/o' } },
      routes: [{ to: ['oncall'], mention: { text: '<!here>', ...(severities ? { severities } : {}) } }],
      default: ['oncall'],
    }).routing;
  const mentionOf = (n: Notification, r: Routing) => {
    const d = route(n, r, now);
    return d.kind === 'deliver' ? d.deliveries[0]?.mention : undefined;
  };

  it('mentions on critical by default, not on a recovery', () => {
    expect(mentionOf(albAlarm, routing())).toBe('<!here>');
    expect(mentionOf(okRecovery, routing())).toBeUndefined();
  });

  it('mentions on the severities chosen', () => {
    expect(mentionOf(albAlarm, routing(['warning']))).toBeUndefined();
    expect(mentionOf({ ...albAlarm, severity: 'warning' }, routing(['warning']))).toBe('<!here>');
  });
});

describe('route: silences', () => {
  it.each([
    ['before the window', '2026-12-01T21:59:59Z', 'eu-west-1', 'oncall, notices'],
    ['at its start', '2026-12-01T22:00:00Z', 'eu-west-1', 'silenced by maint-2026-12-01'],
    ['inside it', '2026-12-02T01:00:00Z', 'eu-west-1', 'silenced by maint-2026-12-01'],
    ['at its end (the end is not in the window)', '2026-12-02T02:00:00Z', 'eu-west-1', 'oncall, notices'],
    ['inside it, but another region', '2026-12-02T01:00:00Z', 'us-east-1', 'oncall, notices'],
  ])('%s', (_, at, region, expected) => {
    expect(where(route(webAlarm(region), smallTeam(), new Date(at)))).toBe(expected);
  });

  it('applies the silences from the store after the file’s', () => {
    const stored = compileSilence(
      { id: 'web-deploy', match: { alarm: ['web-*'] }, start: '2026-11-29T11:00:00Z', end: '2026-11-29T13:00:00Z' },
      'store',
    );
    const decision = route(webAlarm('us-east-1'), smallTeam(), now, { silences: [stored] });
    expect(decision).toMatchObject({ kind: 'silenced', silenceId: 'web-deploy', origin: 'store' });
  });

  it('asks to remember a silenced ALARM, so its OK after the window is suppressed too (no lone "resolved")', () => {
    const inWindow = new Date('2026-12-02T01:00:00Z');
    const alarm = route(webAlarm('eu-west-1'), smallTeam(), inWindow);
    expect(alarm).toMatchObject({
      kind: 'silenced',
      followUp: {
        key: 'silenced-alarm:811322200214:eu-west-1:web-5xx',
        action: 'remember',
        silenceId: 'maint-2026-12-01',
      },
    });
    const after = new Date('2026-12-02T03:00:00Z');
    const ok = route(webAlarm('eu-west-1', 'ok'), smallTeam(), after, { silencedAlarm: 'maint-2026-12-01' });
    expect(ok).toEqual({
      kind: 'silenced',
      silenceId: 'maint-2026-12-01',
      origin: 'resolves-silenced-alarm',
      followUp: { key: 'silenced-alarm:811322200214:eu-west-1:web-5xx', action: 'forget' },
    });
  });

  it('delivers the next ALARM after the window normally, and forgets the silenced one', () => {
    const after = new Date('2026-12-02T03:00:00Z');
    const decision = route(webAlarm('eu-west-1'), smallTeam(), after, { silencedAlarm: 'maint-2026-12-01' });
    expect(where(decision)).toBe('oncall, notices');
    expect(decision.followUp).toEqual({ key: 'silenced-alarm:811322200214:eu-west-1:web-5xx', action: 'forget' });
  });

  it('delivers an OK whose ALARM was not silenced', () => {
    expect(where(route(webAlarm('eu-west-1', 'ok'), smallTeam(), now))).toBe('notices');
  });

  it('remembers nothing for a silenced notification that is not an alarm', () => {
    const stored = compileSilence(
      { id: 'budgets', match: { category: ['budget'] }, start: '2026-11-01T00:00:00Z', end: '2026-12-01T00:00:00Z' },
      'store',
    );
    expect(route(budget, smallTeam(), now, { silences: [stored] })).toEqual({
      kind: 'silenced',
      silenceId: 'budgets',
      origin: 'store',
    });
  });
});

describe('route: the default routing (no routing file)', () => {
  it('sends everything to the one Slack webhook and the email topic, as before routing existed', () => {
    const routing = defaultRouting({ slackParameter: '/notifier/slack-webhook-url' });
    for (const n of [albAlarm, okRecovery, genericEvent, budget]) {
      const decision = route(n, routing, now);
      expect(decision.kind === 'deliver' && decision.deliveries).toEqual([
        {
          destination: 'slack',
          config: { type: 'slack-webhook', parameter: '/notifier/slack-webhook-url' },
          route: 'default',
        },
        { destination: 'email', config: { type: 'email', topic: 'notifications' }, route: 'default' },
      ]);
    }
  });
});
