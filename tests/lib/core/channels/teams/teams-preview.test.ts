import { describe, expect, it } from 'vitest';
import { renderTeams } from '../../../../../src/lib/core/channels/teams/render-teams';
import { escapeTeams, unescapeTeams } from '../../../../../src/lib/core/channels/teams/teams-escape';
import { previewTeams } from '../../../../../src/lib/core/channels/teams/teams-preview';
import { japanese } from '../../render/sample-notifications';

describe('preview: teams', () => {
  it('shows the card as text: title, summary, facts, notes, links, context', () => {
    expect(previewTeams(renderTeams(japanese))).toBe(
      [
        '# 🔴 [重大] web-tg-unhealthy がアラーム状態になりました (ap-northeast-1)',
        '',
        'ターゲットグループ web-tg の UnHealthyHostCount が 1 分間 0 を超えました。',
        '',
        '• 状態: OK → ALARM',
        '• 発生時刻: 2024-05-01 12:04:05 JST',
        '• 異常なターゲット: i-0f76fade:80 Target.Timeout',
        '  接続がタイムアウトしました',
        '',
        '⚠️ 注意',
        '- ターゲットのヘルス状態を取得できませんでした: AccessDenied',
        '',
        `[コンソールでアラームを表示] ${japanese.links[0]?.url}`,
        '',
        '— 811322200214 · ap-northeast-1 · CloudWatch アラーム',
        '',
      ].join('\n'),
    );
  });
});

describe('escape: teams', () => {
  it.each([
    '[a](https://x.example)',
    '**b** _c_ \\d',
    '- item\n+ item\n 12. item\n3) item',
    '<https://x.example> {{DATE(2024-01-01T00:00:00Z)}}',
  ])('round-trips %j through escape and unescape', (text) => {
    expect(unescapeTeams(escapeTeams(text))).toBe(text);
  });

  it('leaves plain text alone', () => {
    expect(escapeTeams('web-5xx is in ALARM (us-east-1): 12.5% > 10')).toBe(
      'web-5xx is in ALARM (us-east-1): 12.5% > 10'.replace('>', '\\>'),
    );
  });
});
