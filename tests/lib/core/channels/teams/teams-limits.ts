import * as limits from '../../../../../src/lib/core/channels/teams/limits';
import { teamsMessageBytes } from '../../../../../src/lib/core/channels/teams/render-teams';
import type { TeamsMessage } from '../../../../../src/lib/core/channels/teams/teams-types';

/** "1.4" → 1.4 as a comparable pair of numbers. */
const version = (v: string) => v.split('.').map(Number) as [number, number];
const atMost = (v: string, max: string) => {
  const [a, b] = version(v);
  const [c, d] = version(max);
  return a < c || (a === c && b <= d);
};

/** Markdown that would make a link or emphasis: a "[", "<", "*" or "_" not escaped by a backslash. */
const unescapedMarkdown = /(?<!\\)(?:\\\\)*[[<*_]/;
/** The renderer's own markup in a group's list: `[title](https://…)` and `**title**`, replaced by the title. */
const OWN_LINK = /(?<!\\)\[((?:\\.|[^\]\\\n])*)\]\((https?:\/\/[^\s()<>]+)\)/g;
const OWN_BOLD = /^- \*\*((?:\\.|[^*\\\n])*)\*\*/gm;
const withoutOwnMarkup = (text: string) =>
  text
    .replace(/^⚠️ \*\*[^*\n]+\*\*\n\n/, '')
    .replace(OWN_LINK, (_, title: string) => title)
    .replace(OWN_BOLD, (_, title: string) => `- ${title}`);

/**
 * Every way `m` breaks a Teams Workflows limit or lets event text through unescaped, as readable
 * strings (empty when the message is valid). The only markdown allowed is what the renderer itself
 * writes (the bold notes heading, a group's list links and bold titles). Shared by the fixture table, the renderer's tests and the receiver.
 */
export function teamsViolations(m: TeamsMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const bytes = teamsMessageBytes(m);
  check(bytes <= limits.TEAMS_MESSAGE_MAX_BYTES, `${bytes} bytes > ${limits.TEAMS_MESSAGE_MAX_BYTES}`);
  check(m.type === 'message' && m.attachments.length === 1, 'not one attachment in a message');
  const [attachment] = m.attachments;
  check(attachment.contentType === limits.ADAPTIVE_CARD_CONTENT_TYPE, `content type ${attachment.contentType}`);
  const card = attachment.content;
  check(card.type === 'AdaptiveCard' && card.$schema === limits.ADAPTIVE_CARD_SCHEMA, 'not an AdaptiveCard');
  check(atMost(card.version, limits.TEAMS_MAX_CARD_VERSION), `card version ${card.version}`);
  const actions = card.actions ?? [];
  check(actions.length <= limits.TEAMS_MAX_ACTIONS, `${actions.length} actions`);
  actions.forEach((a, i) => {
    check(a.title.length > 0 && a.title.length <= limits.TEAMS_ACTION_TITLE_MAX_CHARS, `actions[${i}]: title`);
    check(/^https?:\/\//.test(a.url) && !/\s/.test(a.url), `actions[${i}]: bad url ${a.url}`);
  });
  card.body.forEach((element, i) => {
    const texts =
      element.type === 'TextBlock'
        ? [withoutOwnMarkup(element.text)]
        : element.facts.flatMap((f) => [f.title, f.value]);
    check(element.type !== 'FactSet' || element.facts.length > 0, `body[${i}]: empty FactSet`);
    for (const text of texts) {
      check(text.length > 0 || element.type === 'FactSet', `body[${i}]: empty text`);
      check(!unescapedMarkdown.test(text), `body[${i}]: unescaped markdown in ${JSON.stringify(text.slice(0, 80))}`);
    }
  });
  return problems;
}
