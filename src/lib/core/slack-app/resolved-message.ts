import { SLACK_HEADER_TEXT_MAX_CHARS, SLACK_MAX_BLOCKS, SLACK_TEXT_FALLBACK_MAX_CHARS } from '../channels/slack/limits';
import { truncateEscaped } from '../channels/slack/slack-escape';
import type { SlackBlock, SlackMessage } from '../channels/slack/slack-types';
import type { Locale } from '../locale';
import { severityStyle } from '../render/severity-style';
import { ellipsize } from '../render/truncate';
import { formatDuration } from '../time';

/** What the resolved ALARM message says, per locale. */
const resolvedText = {
  en: { resolvedAfter: (duration: string) => `resolved after ${duration}` },
  ja: { resolvedAfter: (duration: string) => `${duration}後に復旧` },
} as const satisfies Record<Locale, { resolvedAfter: (duration: string) => string }>;

/** The emoji a header starts with (one of the severity emojis), so it can be swapped for ✅. */
const LEADING_EMOJI = new RegExp(
  `^(?:${Object.values(severityStyle)
    .map((s) => s.emoji)
    .join('|')})\\s*`,
  'u',
);

/** An escaped title cut with "…" must not end in half an entity ("&am…"): that part is dropped. */
function withoutCutEntity(cut: string): string {
  if (!cut.endsWith('…')) return cut;
  const amp = cut.lastIndexOf('&');
  return amp !== -1 && !cut.slice(amp).includes(';') ? `${cut.slice(0, amp).trimEnd()}…` : cut;
}

/** How long an alarm was in ALARM, from the two notifications' `occurredAt`; negative (skew) reads 0 s. */
export function incidentDuration(alarmAt: string, okAt: string): number {
  const ms = Date.parse(okAt) - Date.parse(alarmAt);
  return Number.isFinite(ms) ? Math.max(0, ms) : 0;
}

/**
 * The original ALARM message rewritten in place for `chat.update` once its alarm is OK again:
 * the header's red emoji becomes ✅ and it ends "— resolved after 4 min 12 s" ("— 4分12秒後に復旧"),
 * cut so it stays within Slack's 150 characters; the same words lead the fallback text; a message
 * without a header gets them as a first context line instead. Everything else stays as posted,
 * so the channel shows at a glance which alarms are over. Pure: the duration is passed in.
 *
 * @example resolvedSlackMessage(alarmMessage, 252_000, 'en').blocks[0] // header "✅ [CRITICAL] web-5xx is in ALARM — resolved after 4 min 12 s"
 */
export function resolvedSlackMessage(original: SlackMessage, durationMs: number, locale: Locale): SlackMessage {
  const resolved = resolvedText[locale].resolvedAfter(formatDuration(durationMs, locale));
  const suffix = ` — ${resolved}`;
  const blocks = original.blocks.map((block): SlackBlock => {
    if (block.type !== 'header') return block;
    const title = block.text.text.replace(LEADING_EMOJI, '');
    const head = `${severityStyle.ok.emoji} `;
    const room = SLACK_HEADER_TEXT_MAX_CHARS - head.length - suffix.length;
    return { ...block, text: { ...block.text, text: `${head}${withoutCutEntity(ellipsize(title, room))}${suffix}` } };
  });
  const context: SlackBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${severityStyle.ok.emoji} ${resolved}` }],
  };
  const hasHeader = original.blocks.some((b) => b.type === 'header');
  const withContext = !hasHeader && blocks.length < SLACK_MAX_BLOCKS ? [context, ...blocks] : blocks;
  const text = truncateEscaped(
    `${severityStyle.ok.emoji} ${resolved}\n${original.text}`,
    SLACK_TEXT_FALLBACK_MAX_CHARS,
    locale,
  );
  return { text, blocks: withContext };
}
