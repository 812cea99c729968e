import type { Link, Notification } from '../notification';

/**
 * The label of a runbook link, the same in every locale: teams name the page "runbook" whatever
 * language their messages are in, and a link label is data, not prose.
 */
export const RUNBOOK_LABEL = 'Runbook';

/**
 * Longest runbook URL kept: a Slack button's `url` takes at most 3,000 characters, and a longer one
 * would be dropped from the message anyway.
 * @see https://api.slack.com/reference/block-kit/block-elements#button
 */
export const MAX_RUNBOOK_URL_CHARS = 3_000;

/**
 * `runbook: https://…` anywhere in a text (case-insensitive, after a line start or a space), or a line
 * starting with `Runbook:`. The URL runs to the next space or a character that cannot end one in
 * prose (`<`, `>`, `"`, `|`). One pass, no nested quantifiers: linear in the text.
 */
const RUNBOOK_IN_TEXT = /(?:^|[\s(])runbook:[ \t]*(https:\/\/[^\s<>"|]+)/im;

/** Punctuation that ends a sentence rather than the URL: "see runbook: https://wiki/x." */
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/**
 * The URL when `raw` is an absolute `https:` URL of at most {@link MAX_RUNBOOK_URL_CHARS}
 * characters, normalized; else undefined. Only https: a runbook is opened from a chat message.
 * @example runbookUrl('https://wiki.example.com/runbooks/web') // "https://wiki.example.com/runbooks/web"
 */
export function runbookUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' && url.host !== '' && url.href.length <= MAX_RUNBOOK_URL_CHARS
    ? url.href
    : undefined;
}

/**
 * The runbook URL an alarm's description names (`runbook: https://…`, or a line `Runbook: https://…`),
 * or undefined when it names none or the URL is not a valid https URL.
 * @example runbookInText('CPU above 90 %. Runbook: https://wiki.example.com/cpu') // "https://wiki.example.com/cpu"
 */
export function runbookInText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const found = RUNBOOK_IN_TEXT.exec(text)?.[1];
  return found === undefined ? undefined : runbookUrl(found.replace(TRAILING_PUNCTUATION, ''));
}

/** The "Runbook" link a description names, as a list of zero or one link (for spreading into `links`). */
export function runbookLinks(description: string | undefined): Link[] {
  const url = runbookInText(description);
  return url === undefined ? [] : [{ label: RUNBOOK_LABEL, url }];
}

/**
 * The notification with a "Runbook" link to `url` added after its other links, unless it already
 * links there (an alarm's own runbook and a route's may be the same page). Pure: a new object.
 * @example withRunbook(n, 'https://wiki.example.com/oncall').links.at(-1) // { label: 'Runbook', url: … }
 */
export function withRunbook(n: Notification, url: string): Notification {
  const href = runbookUrl(url);
  if (href === undefined || n.links.some((l) => l.url === href)) return n;
  return { ...n, links: [...n.links, { label: RUNBOOK_LABEL, url: href }] };
}
