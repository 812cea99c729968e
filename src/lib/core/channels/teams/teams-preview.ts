import { unescapeTeams } from './teams-escape';
import type { CardElement, TeamsMessage } from './teams-types';

type Previewer<T extends CardElement['type']> = (element: Extract<CardElement, { type: T }>) => string[];

/** The renderer's own link in a group's list, `[title](url)`, shown as "title (url)". */
const OWN_LINK = /(?<!\\)\[((?:\\.|[^\]\\\n])*)\]\((https?:\/\/[^\s()]+)\)/g;

/** Markdown the renderer itself writes (bold headings, list links), shown plain; escaped text stays as written. */
const plain = (text: string) =>
  unescapeTeams(
    text.replace(/(?<!\\)\*\*/g, '').replace(OWN_LINK, (_, title: string, url: string) => `${title} (${url})`),
  );

const previewers: { [T in CardElement['type']]: Previewer<T> } = {
  TextBlock: (b) => {
    const lines = plain(b.text).split('\n');
    if (b.size === 'Large') return [`# ${lines.join(' ')}`];
    if (b.size === 'Small') return [`— ${lines.join(' ')}`];
    return lines.filter((line, i) => line !== '' || i === 0);
  },
  FactSet: (b) =>
    b.facts.flatMap((f) =>
      plain(`${f.title}: ${f.value}`)
        .split('\n')
        .map((l, i) => (i === 0 ? `• ${l}` : `  ${l}`)),
    ),
};

/**
 * A readable terminal view of a Teams card, for the CLI: the title as `# title`, text as text,
 * facts as `• Title: value`, links as `[Title] url`, the context line as `— …`; elements separated
 * by blank lines, escapes shown decoded, as Teams would show them.
 *
 * @example console.log(previewTeams(renderTeams(n)))
 */
export function previewTeams(m: TeamsMessage): string {
  const card = m.attachments[0].content;
  const elements = card.body.map((element) =>
    (previewers[element.type] as Previewer<typeof element.type>)(element).join('\n'),
  );
  const actions = (card.actions ?? []).map((a) => `[${a.title}] ${a.url}`).join('\n');
  const context = elements.pop();
  return `${[...elements, ...(actions ? [actions] : []), ...(context ? [context] : [])].join('\n\n')}\n`;
}
