import { accountLabel } from '../../accounts';
import type { Link, Notification, Severity } from '../../notification';
import { renderText } from '../../render/render-text';
import { multiLine, oneLine } from '../../render/sanitize';
import { categoryLabel, severityStyle } from '../../render/severity-style';
import { renderSubject } from '../../render/subject';
import { ellipsize, truncateChars } from '../../render/truncate';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_SCHEMA,
  TEAMS_ACTION_TITLE_MAX_CHARS,
  TEAMS_ACTION_URL_MAX_CHARS,
  TEAMS_CARD_VERSION,
  TEAMS_FACT_TITLE_MAX_CHARS,
  TEAMS_FACT_VALUE_MAX_CHARS,
  TEAMS_NOTE_MAX_CHARS,
  TEAMS_SUMMARY_MAX_CHARS,
  TEAMS_TITLE_MAX_CHARS,
} from './limits';
import { escapeTeams, teamsLineBreaks } from './teams-escape';
import type { CardElement, Fact, OpenUrlAction, TeamsColor, TeamsMessage, TextBlock } from './teams-types';

/** The title's colour by severity: red for critical, amber for warning, green for resolved. */
const severityColor = {
  critical: 'attention',
  warning: 'warning',
  info: 'accent',
  ok: 'good',
} as const satisfies Record<Severity, TeamsColor>;

/** Every piece of a card, before fitting: the fixed head and tail, and what may be left out. */
export interface CardParts {
  readonly title: TextBlock;
  readonly summary?: TextBlock;
  readonly facts: readonly Fact[];
  readonly notes: readonly string[];
  readonly actions: readonly OpenUrlAction[];
  readonly context: TextBlock;
}

const text = (value: string, extra: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/** An event value for a card: cleaned, shortened visibly to `max` characters, then escaped. */
export function teamsText(raw: string, max: number, n: Notification): string {
  return teamsLineBreaks(escapeTeams(truncateChars(multiLine(raw), max, n.locale)));
}

/** A one-line event value (a label, a title): cleaned to one line, cut with "…", escaped. */
export function teamsLine(raw: string, max: number): string {
  return escapeTeams(ellipsize(oneLine(raw), max));
}

/** A normalized http(s) URL Teams will open, or undefined (a bad link is dropped, not the card). */
export function actionUrl(raw: string): string | undefined {
  if (!URL.canParse(raw.trim())) return undefined;
  const url = new URL(raw.trim());
  const usable =
    (url.protocol === 'https:' || url.protocol === 'http:') && url.href.length <= TEAMS_ACTION_URL_MAX_CHARS;
  return usable ? url.href : undefined;
}

function actionsOf(links: readonly Link[], n: Notification): OpenUrlAction[] {
  return links.flatMap((link) => {
    const url = actionUrl(link.url);
    // Action titles are plain text (no markdown), so they are only cleaned and cut.
    const title = ellipsize(oneLine(link.label), TEAMS_ACTION_TITLE_MAX_CHARS) || renderText[n.locale].openLink;
    return url ? [{ type: 'Action.OpenUrl' as const, title, url }] : [];
  });
}

/**
 * The pieces of a notification's card, every event value escaped and cut to its layout limit:
 * a coloured title (severity emoji and the shared subject), the summary, one fact per field, the
 * notes, one action per valid link and a context line (account · region · category).
 */
export function cardParts(n: Notification): CardParts {
  const subject = `${severityStyle[n.severity].emoji} ${renderSubject(n)}`;
  const summary = teamsText(n.summary, TEAMS_SUMMARY_MAX_CHARS, n);
  const context = [accountLabel(n), n.region ?? '', categoryLabel[n.category][n.locale]]
    .map((part) => teamsLine(part, TEAMS_TITLE_MAX_CHARS))
    .filter(Boolean)
    .join(' · ');
  return {
    title: text(teamsLine(subject, TEAMS_TITLE_MAX_CHARS), {
      size: 'Large',
      weight: 'Bolder',
      color: severityColor[n.severity],
    }),
    ...(summary ? { summary: text(summary) } : {}),
    facts: n.fields.map((f) => ({
      title: teamsLine(f.label, TEAMS_FACT_TITLE_MAX_CHARS),
      value: teamsText(f.value, TEAMS_FACT_VALUE_MAX_CHARS, n) || '—',
    })),
    notes: n.notes.map((note) => teamsText(note, TEAMS_NOTE_MAX_CHARS, n)).filter(Boolean),
    actions: actionsOf(n.links, n),
    context: text(context, { size: 'Small', isSubtle: true, spacing: 'Medium' }),
  };
}

/** The notes under a bold heading, one list item each (the items' own text is escaped). */
export function notesBlock(notes: readonly string[], n: Notification): TextBlock | undefined {
  if (notes.length === 0) return undefined;
  const items = notes.map((note) => `- ${note.replace(/\n/g, ' ')}`).join('\n');
  return text(`⚠️ **${renderText[n.locale].notes}**\n\n${items}`, { color: 'warning' });
}

/** The body of a card from its parts; `leftOut` is the visible line saying what did not fit. */
export function bodyOf(parts: CardParts, notes: TextBlock | undefined, leftOut: string | undefined): CardElement[] {
  return [
    parts.title,
    ...(parts.summary ? [parts.summary] : []),
    ...(parts.facts.length > 0 ? [{ type: 'FactSet' as const, facts: parts.facts }] : []),
    ...(notes ? [notes] : []),
    ...(leftOut ? [text(escapeTeams(leftOut), { isSubtle: true })] : []),
    parts.context,
  ];
}

/**
 * The Workflows message around one Adaptive Card (version {@link TEAMS_CARD_VERSION}, full width).
 * @see https://adaptivecards.io/explorer/AdaptiveCard.html
 */
export function teamsMessage(body: readonly CardElement[], actions: readonly OpenUrlAction[] = []): TeamsMessage {
  return {
    type: 'message',
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        contentUrl: null,
        content: {
          $schema: ADAPTIVE_CARD_SCHEMA,
          type: 'AdaptiveCard',
          version: TEAMS_CARD_VERSION,
          body,
          ...(actions.length > 0 ? { actions } : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}
