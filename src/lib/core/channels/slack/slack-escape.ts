import type { Locale } from '../../locale';
import { replaceEach } from '../../render/replace';
import { multiLine, oneLine, untouchedByMultiLine, untouchedByOneLine } from '../../render/sanitize';
import { safeCut, type TruncateOptions, truncateChars } from '../../render/truncate';

/**
 * Slack control sequences all start with "<" (`<!channel>`, `<@U123>`, `<http://x|label>`) and "&"
 * starts an entity; escaping these three makes any event text inert.
 * @see https://api.slack.com/reference/surfaces/formatting#escaping
 */
const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;' } as const;

/**
 * Escapes `&`, `<` and `>` for Slack mrkdwn. Also applied to plain_text (header, button labels) so
 * that one rule covers every event value, wherever a later change might move it.
 *
 * @example escapeSlack('<!channel> & <@U1>') // "&lt;!channel&gt; &amp; &lt;@U1&gt;"
 */
export function escapeSlack(text: string): string {
  // Most values have nothing to escape: a test is cheaper than a replace that finds nothing.
  if (!toEscape.test(text)) return text;
  return text.replace(/[&<>]/g, (c) => entities[c as keyof typeof entities]);
}
const toEscape = /[&<>]/;

/** Reverses {@link escapeSlack}; only for counting and previews. */
export function unescapeSlack(text: string): string {
  return replaceEach(replaceEach(replaceEach(text, /&lt;/g, '<'), /&gt;/g, '>'), /&amp;/g, '&');
}

/** Cut and count escaped text without splitting an entity or counting "&amp;" as five characters. */
const entityAware: TruncateOptions = {
  backOff(text, cut) {
    const amp = text.lastIndexOf('&', cut - 1);
    if (amp === -1 || cut - amp >= '&amp;'.length) return cut;
    const semicolon = text.indexOf(';', amp);
    return semicolon !== -1 && semicolon < cut ? cut : amp;
  },
  countOmitted: (omitted) => [...unescapeSlack(omitted)].length,
};

/**
 * An event value ready for Slack: cleaned of control characters, escaped, then shortened visibly to
 * `max` characters (counted after escaping, as Slack counts them) without breaking an entity.
 */
export function slackText(raw: string, max: number, locale: Locale): string {
  return truncateEscaped(cleanAndEscaped(raw).escaped, max, locale);
}

/** Text that cleaning and escaping both leave as it is (most event values): one regex test, not two. */
const isInertText = untouchedByMultiLine('&<>');
const isInertLine = untouchedByOneLine('&<>');

/**
 * An event value cleaned by {@link multiLine} (what a reader sees, to measure) and the same
 * escaped (what Slack is sent), not shortened.
 */
export function cleanAndEscaped(raw: string): { readonly clean: string; readonly escaped: string } {
  if (isInertText(raw)) return { clean: raw, escaped: raw };
  const clean = multiLine(raw);
  return { clean, escaped: escapeSlack(clean) };
}

/** True when `raw` is its own {@link cleanAndEscaped} text, both clean and escaped (most event values). */
export const isInertSlackText: (raw: string) => boolean = isInertText;

/** `cleanAndEscaped(raw).escaped`, without making the pair. @example escapedText('a & b ') // "a &amp; b" */
export function escapedText(raw: string): string {
  return isInertText(raw) ? raw : escapeSlack(multiLine(raw));
}

/** Shortens already escaped Slack text visibly to `max` characters without breaking an entity. */
export function truncateEscaped(escaped: string, max: number, locale: Locale): string {
  return truncateChars(escaped, max, locale, entityAware);
}

/**
 * A one-line event value for Slack (header, button label): cleaned to one line, escaped, and cut to
 * `max` characters with a plain "…" (a truncation marker would not fit there).
 */
export function slackLine(raw: string, max: number): string {
  const text = isInertLine(raw) ? raw : escapeSlack(oneLine(raw));
  if (text.length <= max) return text;
  const cut = entityAware.backOff!(text, safeCut(text, max - 1));
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * {@link slackLine} of `${prefix} ${raw}`, the same text, with the plain-text check read over each
 * part: an emoji prefix makes the joined text two-byte, which the check reads about three times
 * slower than `raw` alone. Two inert parts, neither empty (an inert text neither starts nor ends
 * with a space), join into inert text; anything else goes the general way.
 *
 * @example slackLineAfter('🔴', 'CPU high', 150) // "🔴 CPU high"
 */
export function slackLineAfter(prefix: string, raw: string, max: number): string {
  const joined = `${prefix} ${raw}`;
  if (joined.length <= max && raw !== '' && prefix !== '' && isInertLine(raw) && isInertLine(prefix)) return joined;
  return slackLine(joined, max);
}
