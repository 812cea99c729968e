import { unescapeSlack } from '../../lib/core/channels/slack/slack-escape';
import { escapeHtml, isSafeHref } from './html';

/**
 * Slack's control sequences: `<url>`, `<url|label>`, `<!channel>`, `<@U123>`, `<#C123>`. Inside
 * mrkdwn, `<` only ever starts one of these: a literal `<` is sent as `&lt;`.
 * @see https://api.slack.com/reference/surfaces/formatting#linking-urls
 */
const CONTROL = /<([^<>|]*)(?:\|([^<>]*))?>/g;

/**
 * Inline styles, each at word boundaries as Slack applies them (so `snake_case_names` stay plain).
 * Applied to text that is already HTML-escaped; the tags are the only markup added.
 * @see https://api.slack.com/reference/surfaces/formatting#basic-formatting
 */
const INLINE_STYLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,;:!?])/g, '$1<strong>$2</strong>'],
  [/(^|[\s(])_([^_\n]+)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>'],
  [/(^|[\s(])~([^~\n]+)~(?=$|[\s).,;:!?])/g, '$1<del>$2</del>'],
];

/** Escaped text → HTML with bold, italic and strike; no code inside. */
function styled(slackEscaped: string): string {
  let html = escapeHtml(unescapeSlack(slackEscaped));
  for (const [pattern, replacement] of INLINE_STYLES) html = html.replace(pattern, replacement);
  return html.replace(/\n/g, '<br>');
}

/** Text between control sequences: `code` spans first (nothing inside them is styled), then styles. */
function textToHtml(slackEscaped: string): string {
  const parts = slackEscaped.split('`');
  // An odd count of parts means the backticks pair up; otherwise the last one is literal.
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  return parts
    .map((part, i) => {
      if (i % 2 === 1 && i < paired) return `<code>${escapeHtml(unescapeSlack(part))}</code>`;
      return (i % 2 === 1 ? '`' : '') + styled(part);
    })
    .join('');
}

function controlToHtml(target: string, label: string | undefined): string {
  const shown = escapeHtml(unescapeSlack(label ?? target));
  if (target.startsWith('!') || target.startsWith('@') || target.startsWith('#')) {
    return `<span class="mention">${label === undefined ? escapeHtml(`@${target.slice(1)}`) : shown}</span>`;
  }
  const url = unescapeSlack(target);
  if (!isSafeHref(url)) return shown;
  return `<a href="${escapeHtml(url)}" rel="noreferrer noopener" target="_blank">${shown}</a>`;
}

/**
 * Slack mrkdwn (as our renderer sends it: `&`, `<`, `>` escaped in every event value) as HTML,
 * the way the Slack client shows it: *bold*, _italic_, ~strike~, `code`, ```blocks```, <url|links>,
 * line breaks. Everything that is not markup is HTML-escaped, so hostile event text stays text.
 *
 * @example mrkdwnToHtml('*State*\nALARM &lt;b&gt;') // '<strong>State</strong><br>ALARM &lt;b&gt;'
 */
export function mrkdwnToHtml(mrkdwn: string): string {
  const blocks = mrkdwn.split('```');
  const pairedBlocks = blocks.length % 2 === 1 ? blocks.length : blocks.length - 1;
  return blocks
    .map((chunk, i) => {
      if (i % 2 === 1 && i < pairedBlocks) return `<pre>${escapeHtml(unescapeSlack(chunk))}</pre>`;
      let html = '';
      let last = 0;
      for (const match of chunk.matchAll(CONTROL)) {
        html += textToHtml(chunk.slice(last, match.index));
        html += controlToHtml(match[1] ?? '', match[2]);
        last = match.index + match[0].length;
      }
      return (i % 2 === 1 ? '```' : '') + html + textToHtml(chunk.slice(last));
    })
    .join('');
}
