import { replaceEach } from '../../render/replace';

/*
 * Teams renders a markdown subset in TextBlock text and in facts: **bold**, _italic_, lists and
 * [links](url) (headings, code and quotes show as typed). Event text (alarm names, descriptions,
 * user agents) must never turn into a link or formatting, so the characters of that subset (and
 * "<", which would start an autolink) are escaped with a backslash, as CommonMark reads it, and
 * list markers at a line start are escaped too. Fewer escapes than full CommonMark on purpose:
 * clients that handle escapes poorly (older mobile ones) then show fewer stray backslashes. `{{DATE(…)}}`/`{{TIME(…)}}` are Adaptive Cards
 * functions inside text: a zero-width space keeps "{{" from starting one.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format#format-cards-with-markdown
 * @see https://learn.microsoft.com/en-us/adaptive-cards/authoring-cards/text-features
 * @see https://spec.commonmark.org/0.31.2/#backslash-escapes
 */

/** Characters that start or end markdown anywhere in a line. */
const inlineMarkdown = /[\\*_[\]<>]/g;
/** A list item ("- ", "+ ", "1. ", "1) ") at the start of a line. */
const listMarker = /^([ \t]*)([-+]|\d+[.)])(?=\s)/gm;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes event text inert in a Teams TextBlock or fact: markdown characters backslash-escaped,
 * list markers escaped, "{{" broken. Apply to text already cleaned and shortened (the escapes add
 * characters, so cutting afterwards could split one).
 * @example escapeTeams('[click](https://evil.example) **now**') // "\\[click\\](https://evil.example) \\*\\*now\\*\\*"
 */
export function escapeTeams(text: string): string {
  const inline = text.replace(inlineMarkdown, (c) => `\\${c}`);
  const lists = inline.replace(listMarker, (_, space: string, marker: string) =>
    /\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
  );
  return replaceEach(lists, /\{\{/g, `{${ZERO_WIDTH_SPACE}{`);
}

/**
 * Markdown needs a blank line for a line break in a TextBlock or fact: each line break of event
 * text (already escaped) becomes two, so a multi-line value keeps its lines.
 * @see https://github.com/microsoft/AdaptiveCards/issues/5538
 */
export function teamsLineBreaks(text: string): string {
  return replaceEach(text, /\n/g, '\n\n');
}

/** Reverses {@link escapeTeams}; only for previews and tests. */
export function unescapeTeams(text: string): string {
  const lines = replaceEach(replaceEach(text, /\n\n/g, '\n'), /\{\u200b\{/g, '{{');
  return lines.replace(/\\([\\*_[\]<>.)+-])/g, (_, c: string) => c);
}
