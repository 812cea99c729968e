import * as limits from '../../../../../src/lib/core/channels/slack/limits';
import type { SlackBlock, SlackMessage } from '../../../../../src/lib/core/channels/slack/slack-types';

/**
 * Every way `m` breaks a Slack limit or lets event text through unescaped, as readable strings
 * (empty when the message is valid). Shared by example and property tests.
 */
export function slackViolations(m: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const text = (t: string, max: number, where: string) => {
    check(t.length > 0, `${where}: empty text`);
    check(t.length <= max, `${where}: ${t.length} > ${max} characters`);
    check(!/[<>]/.test(t), `${where}: raw < or >`);
    check(!/&(?!amp;|lt;|gt;)/.test(t), `${where}: bare &`);
  };
  text(m.text, limits.SLACK_TEXT_FALLBACK_MAX_CHARS, 'text');
  check(m.blocks.length <= limits.SLACK_MAX_BLOCKS, `${m.blocks.length} blocks`);
  m.blocks.forEach((block: SlackBlock, i) => {
    const at = `blocks[${i}]`;
    if (block.type === 'header') text(block.text.text, limits.SLACK_HEADER_TEXT_MAX_CHARS, at);
    if (block.type === 'section') {
      check(Boolean(block.text || block.fields), `${at}: section without text or fields`);
      if (block.text) text(block.text.text, limits.SLACK_SECTION_TEXT_MAX_CHARS, at);
      const fields = block.fields ?? [];
      check(fields.length <= limits.SLACK_SECTION_FIELDS_MAX, `${at}: ${fields.length} fields`);
      for (const [j, f] of fields.entries()) text(f.text, limits.SLACK_SECTION_FIELD_MAX_CHARS, `${at}.fields[${j}]`);
    }
    if (block.type === 'context') {
      check(block.elements.length <= limits.SLACK_CONTEXT_ELEMENTS_MAX, `${at}: ${block.elements.length} elements`);
      for (const [j, e] of block.elements.entries()) {
        text(e.text, limits.SLACK_TEXT_OBJECT_MAX_CHARS, `${at}.elements[${j}]`);
      }
    }
    if (block.type === 'actions') {
      check(block.elements.length >= 1, `${at}: no buttons`);
      check(block.elements.length <= limits.SLACK_ACTIONS_ELEMENTS_MAX, `${at}: ${block.elements.length} buttons`);
      const ids = new Set(block.elements.map((e) => e.action_id));
      check(ids.size === block.elements.length, `${at}: duplicate action_id`);
      block.elements.forEach((e, j) => {
        text(e.text.text, limits.SLACK_BUTTON_TEXT_MAX_CHARS, `${at}.elements[${j}].text`);
        check(e.url.length <= limits.SLACK_BUTTON_URL_MAX_CHARS, `${at}.elements[${j}]: url too long`);
        check(/^https?:\/\//.test(e.url) && !/[<>\s]/.test(e.url), `${at}.elements[${j}]: bad url ${e.url}`);
      });
    }
  });
  return problems;
}
