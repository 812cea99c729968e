import { unescapeSlack } from '../../lib/core/channels/slack/slack-escape';
import type { Mrkdwn, PlainText, SlackBlock, SlackMessage } from '../../lib/core/channels/slack/slack-types';
import { escapeHtml, isSafeHref } from './html';
import { mrkdwnToHtml } from './mrkdwn-html';

/**
 * Where Slack's Block Kit Builder takes a message: the payload, URL-encoded, after the `#`.
 * @see https://api.slack.com/tools/block-kit-builder
 */
export const BLOCK_KIT_BUILDER_URL = 'https://app.slack.com/block-kit-builder/#';

/** A link that opens `message`'s blocks in Block Kit Builder. */
export function blockKitBuilderUrl(message: Pick<SlackMessage, 'blocks'>): string {
  return `${BLOCK_KIT_BUILDER_URL}${encodeURIComponent(JSON.stringify({ blocks: message.blocks }))}`;
}

/** A block of a type this preview does not draw (Slack has more than we send); shown as its JSON. */
interface OtherBlock {
  readonly type: string;
}
type AnyBlock = SlackBlock | { readonly type: 'divider' } | OtherBlock;

const text = (t: Mrkdwn | PlainText) =>
  t.type === 'mrkdwn' ? mrkdwnToHtml(t.text) : escapeHtml(unescapeSlack(t.text)).replace(/\n/g, '<br>');

function button(element: { text: PlainText; url?: string }): string {
  const label = escapeHtml(unescapeSlack(element.text.text));
  if (!element.url || !isSafeHref(element.url)) return `<span class="sk-button">${label}</span>`;
  return `<a class="sk-button" href="${escapeHtml(element.url)}" rel="noreferrer noopener" target="_blank">${label}</a>`;
}

/** One drawer per block type: header, section (text and fields), context, divider, actions. */
type Drawer<T extends string> = (block: Extract<SlackBlock, { type: T }>) => string;
const drawers: { [T in SlackBlock['type'] | 'divider']: Drawer<T> } = {
  header: (b) => `<div class="sk-header">${text(b.text)}</div>`,
  section: (b) => {
    const body = b.text ? `<div class="sk-text">${text(b.text)}</div>` : '';
    const fields = b.fields?.length
      ? `<div class="sk-fields">${b.fields.map((f) => `<div class="sk-field">${text(f)}</div>`).join('')}</div>`
      : '';
    return `<div class="sk-section">${body}${fields}</div>`;
  },
  context: (b) => `<div class="sk-context">${b.elements.map((e) => `<span>${text(e)}</span>`).join('')}</div>`,
  divider: () => '<hr class="sk-divider">',
  actions: (b) => `<div class="sk-actions">${b.elements.map(button).join('')}</div>`,
};

function drawBlock(block: AnyBlock): string {
  const draw = (drawers as unknown as Record<string, ((b: AnyBlock) => string) | undefined>)[block.type];
  return draw ? draw(block) : `<pre class="sk-unknown">${escapeHtml(JSON.stringify(block, null, 2))}</pre>`;
}

/**
 * A Slack message as HTML that looks like the Slack client's rendering of its Block Kit: a bold
 * header, sections with mrkdwn and two-column fields, grey context lines, dividers and link
 * buttons. Pure: the same message gives the same HTML; every value is escaped.
 *
 * @example blockKitToHtml(renderSlack(n)) // '<div class="sk-message">…</div>'
 */
export function blockKitToHtml(message: { blocks: readonly AnyBlock[] }): string {
  return `<div class="sk-message">${message.blocks.map(drawBlock).join('\n')}</div>`;
}
