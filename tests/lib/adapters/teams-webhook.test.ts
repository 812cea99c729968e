import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/lib/adapters/errors';
import { postTeamsMessage, teamsWebhook } from '../../../src/lib/adapters/teams-webhook';
import { renderTeams, type TeamsMessage } from '../../../src/lib/core/channels/teams/render-teams';
import { type CapturedLogs, captureLogs } from '../../helpers/capture-logs';
import { notificationsOf } from '../../helpers/render-fixture';
import { startTeamsReceiver, type TeamsReceiver, teamsReplies } from '../../helpers/teams-receiver';
import { albAlarm, hostile, japanese } from '../core/render/sample-notifications';

let teams: TeamsReceiver;
let logs: CapturedLogs;
beforeEach(async () => {
  teams = await startTeamsReceiver();
  logs = captureLogs();
});
afterEach(async () => {
  logs.restore();
  await teams.close();
});

const waits: number[] = [];
const options = () => ({
  deadline: Date.now() + 10_000,
  sleep: async (ms: number) => {
    waits.push(ms);
  },
  random: () => 0,
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the post should have failed') as never,
    (e: unknown) => e as DeliveryError,
  );
const withCard = (m: TeamsMessage, card: object): TeamsMessage =>
  ({ ...m, attachments: [{ ...m.attachments[0], content: { ...m.attachments[0].content, ...card } }] }) as TeamsMessage;

describe('adapters: teams webhook, against a local Workflows receiver', () => {
  it.each([
    ['an ALB alarm', albAlarm],
    ['a Japanese alarm', japanese],
    ['the hostile sample (cut to 28 KB)', hostile],
  ])('delivers %s: 202, the card recorded as rendered', async (_, n) => {
    const message = renderTeams(n);
    const accepted = await postTeamsMessage(teams.url, message, options());
    expect(accepted).toEqual({ status: 202, attempts: 1, body: '' });
    expect(teams.cards).toEqual([message.attachments[0].content]);
  });

  it('delivers real fixtures in both locales', async () => {
    for (const locale of ['en', 'ja'] as const) {
      for (const n of await notificationsOf('cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json', locale)) {
        await postTeamsMessage(teams.url, renderTeams(n), options());
      }
    }
    expect(teams.cards).toHaveLength(2);
  });

  it('fails for good (413) on a message over 28 KB, as Teams refuses it', async () => {
    const big = withCard(renderTeams(albAlarm), {
      body: [{ type: 'TextBlock', text: 'x'.repeat(30_000), wrap: true }],
    });
    const error = await failure(postTeamsMessage(teams.url, big, options()));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('answered 413');
    expect(teams.cards).toEqual([]);
  });

  it('fails for good (400) on a card version Teams does not render', async () => {
    const error = await failure(
      postTeamsMessage(teams.url, withCard(renderTeams(albAlarm), { version: '1.6' }), options()),
    );
    expect([error.retryable, error.message.includes('answered 400')]).toEqual([false, true]);
  });

  it('waits Retry-After on 429, backs off on 5xx and a dropped connection, then delivers once', async () => {
    waits.length = 0;
    teams.script([teamsReplies.throttled(3), teamsReplies.serverError, teamsReplies.reset]);
    const accepted = await postTeamsMessage(teams.url, renderTeams(albAlarm), options());
    expect(accepted.attempts).toBe(4);
    expect(waits[0]).toBe(3_000);
    expect(teams.cards).toHaveLength(1);
  });

  it('reads a 2xx that quotes a refusal (the connectors’ "returned HTTP error 413") as that refusal', () => {
    const wrapped = 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413';
    expect(teamsWebhook.readResponse?.(200, wrapped)).toBe('permanent');
    expect(teamsWebhook.readResponse?.(200, wrapped.replace('413', '429'))).toBe('transient');
    expect(teamsWebhook.readResponse?.(202, '')).toBe('accepted');
    expect(teamsWebhook.readResponse?.(400, '{}')).toBeUndefined();
  });

  it('never shows the URL or its sig in an error or a log line', async () => {
    teams.script([
      teamsReplies.serverError,
      teamsReplies.serverError,
      teamsReplies.serverError,
      teamsReplies.serverError,
    ]);
    const error = await failure(postTeamsMessage(teams.url, renderTeams(albAlarm), options()));
    const said = [error.message, String(error.cause), ...logs.lines].join('\n');
    expect(said).toContain('Teams webhook (127.0.0.1:');
    expect(said).not.toContain(teams.sig);
    expect(said).not.toContain('/workflows/');
  });
});
