import { unescapeSlack } from './slack-escape';
import type { Mrkdwn, PlainText, SlackBlock, SlackMessage } from './slack-types';

type Previewer<T extends SlackBlock['type']> = (block: Extract<SlackBlock, { type: T }>) => string[];

/** A link `<url|label>` (a group's list) reads as `label (url)`; event text never holds a raw `<`. */
const LINK = /<(https?:[^|<>]+)\|([^<>]*)>/g;

/** `*Label*\nvalue` (how fields are rendered) becomes `Label: value`; other bold marks are dropped. */
function fieldLine(text: Mrkdwn | PlainText): string[] {
  const plain = unescapeSlack(text.text.replace(LINK, '$2 ($1)'));
  const match = /^\*([^\n]*)\*\n([\s\S]*)$/.exec(plain);
  const line = match ? `${match[1]}: ${match[2]}` : plain.replace(/\*([^*\n]+)\*/g, '$1');
  return line.split('\n').map((l, i) => (i === 0 ? l : `  ${l}`));
}

const previewers: { [T in SlackBlock['type']]: Previewer<T> } = {
  header: (b) => [`# ${unescapeSlack(b.text.text)}`],
  section: (b) => [
    ...(b.text ? fieldLine(b.text) : []),
    ...(b.fields ?? []).flatMap((f) => fieldLine(f).map((l, i) => (i === 0 ? `• ${l}` : l))),
  ],
  actions: (b) => b.elements.map((e) => `[${unescapeSlack(e.text.text)}] ${e.url}`),
  context: (b) => [`— ${b.elements.map((e) => unescapeSlack(e.text)).join('  ')}`],
};

/**
 * A readable terminal view of a Slack message, for `npm start` and the CLI: the header as
 * `# title`, sections as text, fields as `• Label: value`, buttons as `[Label] url`, context as
 * `— …`; blocks separated by blank lines. Entities are shown decoded, as Slack would show them.
 *
 * @example console.log(previewSlack(renderSlack(n)))
 */
export function previewSlack(m: SlackMessage): string {
  const blocks = m.blocks.map((block) => (previewers[block.type] as Previewer<typeof block.type>)(block).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
