import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendCommand } from '../../src/cli/commands/send';
import { UsageError } from '../../src/cli/errors';
import { replies, type SlackReceiver, startSlackReceiver } from '../helpers/slack-receiver';
import { startTeamsReceiver, type TeamsReceiver } from '../helpers/teams-receiver';
import { memoryIo, NOW } from './memory-io';

const ALARM = 'tests/fixtures/cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json';

let slack: SlackReceiver;
let teams: TeamsReceiver;
beforeEach(async () => {
  slack = await startSlackReceiver();
  teams = await startTeamsReceiver();
});
afterEach(async () => {
  await slack.close();
  await teams.close();
});

async function send(args: string[], env: Record<string, string> = {}, stdinText = '') {
  const { io, out } = memoryIo(stdinText);
  const code = await sendCommand(['--now', NOW, ...args], io, { env });
  return { code, ...out };
}

/** Nothing the command printed holds the webhook URL or any secret part of it. */
function expectNoSecret(text: string) {
  expect(text).not.toContain(slack.url);
  for (const part of slack.segments) expect(text).not.toContain(part);
}

describe('cli: notifier send', () => {
  it('posts the Slack rendering of a file to --webhook-url and prints one line: channel and HTTP status', async () => {
    const { code, stdout, stderr } = await send(['--webhook-url', slack.url, ALARM]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^sent to Slack \(127\.0\.0\.1:\d+\): HTTP 200: \[CRITICAL\] ServerCpuTooHigh is in ALARM/);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(slack.requests).toHaveLength(1);
    const posted = JSON.parse(slack.requests[0]!.body);
    expect(posted.text).toContain('ServerCpuTooHigh');
    expect(posted.blocks[0]).toMatchObject({ type: 'header' });
    expectNoSecret(stdout);
  });

  it('reads the URL from NOTIFIER_SLACK_WEBHOOK_URL, and takes a bundled example by name', async () => {
    const { code, stdout } = await send(['alb-unhealthy-hosts-alarm'], { NOTIFIER_SLACK_WEBHOOK_URL: slack.url });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^sent to Slack .*HTTP 200/);
    // The example's recorded target health is part of what is posted, as replay shows it.
    expect(slack.requests[0]!.body).toContain('Target.ResponseCodeMismatch');
  });

  it('prefers --webhook-url to the environment', async () => {
    const other = await startSlackReceiver();
    try {
      await send(['--webhook-url', slack.url, ALARM], { NOTIFIER_SLACK_WEBHOOK_URL: other.url });
      expect([slack.requests.length, other.requests.length]).toEqual([1, 0]);
    } finally {
      await other.close();
    }
  });

  it('exits 1 with one redacted line when Slack refuses (4xx), without retrying', async () => {
    slack.script([replies.invalidPayload]);
    const { code, stdout, stderr } = await send(['--webhook-url', slack.url, ALARM]);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toMatch(
      /^notifier: not sent to Slack: Slack webhook \(127\.0\.0\.1:\d+\) answered 400: invalid_payload\n$/,
    );
    expect(slack.requests).toHaveLength(1);
    expectNoSecret(stderr);
  });

  it('never shows the URL, even when the server echoes its path back', async () => {
    slack.script([replies.echo(404)]);
    const { code, stderr } = await send(['--webhook-url', slack.url, ALARM]);
    expect(code).toBe(1);
    expect(stderr).toContain('answered 404');
    expect(stderr).toContain('[redacted]');
    expectNoSecret(stderr);
  });

  it('retries a 5xx and reports the status that was accepted', async () => {
    slack.script([replies.serverError]);
    const { code, stdout } = await send(['--webhook-url', slack.url, ALARM]);
    expect(code).toBe(0);
    expect(stdout).toContain('HTTP 200');
    expect(slack.requests).toHaveLength(2);
  });

  it('sends nothing and exits 1 for an event a rule ignores, saying which rule', async () => {
    const confirmation = JSON.stringify({
      Type: 'SubscriptionConfirmation',
      MessageId: 'a',
      Token: 't',
      TopicArn: 'arn:aws:sns:us-east-1:111122223333:t',
      Message: 'You have chosen to subscribe',
      SubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription',
      Timestamp: '2026-11-24T00:00:00.000Z',
      SignatureVersion: '1',
      Signature: 'x',
      SigningCertURL: 'https://sns.us-east-1.amazonaws.com/cert.pem',
    });
    const { code, stderr } = await send(['--webhook-url', slack.url, '-'], {}, confirmation);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^notifier: nothing sent: stdin makes no notification \(rule /);
    expect(slack.requests).toHaveLength(0);
  });

  it.each([
    [[ALARM], /send: where to\? give --webhook-url URL or set NOTIFIER_SLACK_WEBHOOK_URL, or --teams-url URL/],
    [
      ['--webhook-url', 'http://hooks.example.com/services/T0/B0/secret-token', ALARM],
      /--webhook-url: not an https URL \(value not shown/,
    ],
    [['--webhook-url', 'https://hooks.slack.com/x'], /expected exactly one FILE, EXAMPLE or -/],
  ])('rejects %j as a usage error (exit 2), never repeating the URL', async (args, message) => {
    const error = await send(args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('secret-token');
  });

  it('posts the Teams card to --teams-url: the receiver checks version and size and answers 202', async () => {
    const { code, stdout, stderr } = await send(['--teams-url', teams.url, ALARM]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^sent to Teams \(127\.0\.0\.1:\d+\): HTTP 202: \[CRITICAL\] ServerCpuTooHigh is in ALARM/);
    expect(teams.cards).toHaveLength(1);
    expect(teams.cards[0]?.version).toBe('1.4');
    expect(stdout).not.toContain(teams.sig);
  });

  it('posts to every destination given, Slack, Teams (from NOTIFIER_TEAMS_WEBHOOK_URL) and the JSON webhook, one line each', async () => {
    const json = await startSlackReceiver();
    try {
      const { code, stdout } = await send(['--webhook-url', slack.url, '--webhook', json.url, 'ec2-cpu-alarm'], {
        NOTIFIER_TEAMS_WEBHOOK_URL: teams.url,
      });
      expect(code).toBe(0);
      expect(
        stdout
          .trimEnd()
          .split('\n')
          .map((l) => l.replace(/ \(.*/, '')),
      ).toEqual(['sent to Slack', 'sent to Teams', 'sent to JSON webhook']);
      expect([slack.requests.length, teams.cards.length]).toEqual([1, 1]);
      const envelope = JSON.parse(json.requests[0]!.body);
      expect(envelope).toMatchObject({ version: 1, notification: { schemaVersion: 1, category: 'alarm' } });
      expect(stdout).toContain(`: ${envelope.subject}`);
    } finally {
      await json.close();
    }
  });

  it('says which destination refused and still posts to the others (exit 1)', async () => {
    teams.script([{ kind: 'status', status: 400, body: '{"error":{"code":"TriggerInputSchemaMismatch"}}' }]);
    const { code, stdout, stderr } = await send(['--webhook-url', slack.url, '--teams-url', teams.url, ALARM]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^sent to Slack/);
    expect(stderr).toMatch(/^notifier: not sent to Teams: Teams webhook \(127\.0\.0\.1:\d+\) answered 400/);
    expect(stderr).not.toContain(teams.sig);
  });
});
