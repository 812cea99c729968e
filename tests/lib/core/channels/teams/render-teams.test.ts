import { describe, expect, it } from 'vitest';
import {
  TEAMS_CARD_VERSION,
  TEAMS_MAX_ACTIONS,
  TEAMS_MESSAGE_MAX_BYTES,
} from '../../../../../src/lib/core/channels/teams/limits';
import { renderTeams, teamsMessageBytes } from '../../../../../src/lib/core/channels/teams/render-teams';
import type { FactSet, TextBlock } from '../../../../../src/lib/core/channels/teams/teams-types';
import type { Notification } from '../../../../../src/lib/core/notification';
import { albAlarm, hostile, inLocale, japanese, okRecovery, samples } from '../../render/sample-notifications';
import { teamsViolations } from './teams-limits';

const { hostile: _, ...snapshotted } = samples;
const table = Object.entries(snapshotted).flatMap(([name, n]) =>
  (['en', 'ja'] as const).map((locale) => [`${name} (${locale})`, inLocale(n, locale)] as const),
);
const cardOf = (n: Notification) => renderTeams(n).attachments[0].content;
const texts = (n: Notification) =>
  cardOf(n)
    .body.filter((e): e is TextBlock => e.type === 'TextBlock')
    .map((e) => e.text);
const facts = (n: Notification) => cardOf(n).body.find((e): e is FactSet => e.type === 'FactSet')?.facts ?? [];

describe('render: teams', () => {
  it.each(table)('renders %s', (_, n) => {
    const message = renderTeams(n);
    expect(teamsViolations(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });

  it('is the message shape a Workflows webhook reads: one Adaptive Card attachment', () => {
    const message = renderTeams(albAlarm);
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: { type: 'AdaptiveCard', version: TEAMS_CARD_VERSION, msteams: { width: 'Full' } },
    });
  });

  it.each([
    ['critical', albAlarm, 'attention'],
    ['ok', okRecovery, 'good'],
    ['warning', { ...albAlarm, severity: 'warning' }, 'warning'],
  ] as const)('colours a %s title %s', (_, n, color) => {
    expect(cardOf(n as Notification).body[0]).toMatchObject({ type: 'TextBlock', weight: 'Bolder', color });
  });

  it('heads the card with the severity emoji and the shared subject, and ends with account · region · category', () => {
    const [title, ...rest] = texts(japanese);
    expect(title).toBe('🔴 \\[重大\\] web-tg-unhealthy がアラーム状態になりました (ap-northeast-1)');
    expect(rest.at(-1)).toBe('811322200214 · ap-northeast-1 · CloudWatch アラーム');
  });

  it('shows the fields as facts, keeping the lines of a multi-line value', () => {
    expect(facts(japanese)).toContainEqual({
      title: '異常なターゲット',
      value: 'i-0f76fade:80 Target.Timeout\n\n接続がタイムアウトしました',
    });
  });

  it('lists the notes under a heading in the notification language', () => {
    expect(texts(japanese)).toContain('⚠️ **注意**\n\n- ターゲットのヘルス状態を取得できませんでした: AccessDenied');
  });

  it('opens each valid link as an action and drops the invalid ones', () => {
    const actions = cardOf(hostile).actions ?? [];
    expect(actions.length).toBe(TEAMS_MAX_ACTIONS);
    expect(actions.map((a) => a.url)).not.toContain('javascript:alert(1)');
    expect(actions[0]).toEqual({ type: 'Action.OpenUrl', title: '<!channel>', url: expect.stringMatching(/^https:/) });
  });

  it('escapes markdown in event text so it cannot make a link, emphasis or a list', () => {
    const n: Notification = {
      ...albAlarm,
      title: '[click me](https://evil.example) **urgent**',
      summary: '- not a list\n1. nor this\n_nor this_ <https://evil.example> {{DATE(2024-01-01T00:00:00Z)}}',
      fields: [{ label: '[x](https://evil.example)', value: '**bold**' }],
    };
    const [title, summary] = texts(n);
    expect(title).toContain('\\[click me\\](https://evil.example) \\*\\*urgent\\*\\*');
    expect(summary).toBe(
      '\\- not a list\n\n1\\. nor this\n\n\\_nor this\\_ \\<https://evil.example\\> {\u200b{DATE(2024-01-01T00:00:00Z)}}',
    );
    expect(facts(n)).toEqual([{ title: '\\[x\\](https://evil.example)', value: '\\*\\*bold\\*\\*' }]);
  });

  it('fits a huge notification within 28 KB, leaving fields out visibly', () => {
    const n: Notification = {
      ...albAlarm,
      fields: Array.from({ length: 100 }, (_, i) => ({ label: `Field ${i}`, value: 'v'.repeat(1_000) })),
    };
    const message = renderTeams(n);
    expect(teamsMessageBytes(message)).toBeLessThanOrEqual(TEAMS_MESSAGE_MAX_BYTES);
    const shown = facts(n).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(100);
    expect(texts(n)).toContain(`… ${100 - shown} more fields not shown; the email has everything.`);
  });

  it('shortens a long value visibly, in the notification language', () => {
    const n: Notification = { ...japanese, fields: [{ label: 'ログ', value: 'x'.repeat(5_000) }] };
    expect(facts(n)[0]?.value).toMatch(/…（以下 \d+ 文字省略）$/);
  });

  it('renders the hostile sample within every limit', () => {
    expect(teamsViolations(renderTeams(hostile))).toEqual([]);
    expect(teamsViolations(renderTeams(inLocale(hostile, 'ja')))).toEqual([]);
  });
});
