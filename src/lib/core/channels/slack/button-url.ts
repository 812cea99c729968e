import { SLACK_BUTTON_URL_MAX_CHARS } from './limits';

/*
 * Every link of a notification becomes a button, and parsing a URL (WHATWG, as `new URL` does) costs
 * about a microsecond. The links sources build are console URLs that the parser gives back exactly as
 * written; for those the check below is enough, and any other text still goes through `new URL`.
 */

/**
 * `https://`, a host of lower-case labels (none empty, the last starting with a letter, so never an
 * IPv4 number), then `/` and only characters the parser keeps as they are in a path, query and
 * fragment: letters, digits and `-._~!$&()*+,;=:@/?#%`. Left out on purpose (the parser encodes or
 * rewrites some of them, and they are rare in links): upper case, a port or user in the host,
 * space and controls, `"'<>\^`{|}[]` and anything not ASCII. One regex: linear, and faster than a
 * loop over the characters.
 */
const KEPT_AS_WRITTEN = /^https:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[\w\-.~!$&()*+,;=:@/?#%]*$/;

/** What the parser would still rewrite in such text: a dot segment (`/.`, `%2e`) or an IDNA label. */
const REWRITTEN = /\/\.|%2e|xn--/i;

/**
 * True when `new URL(text).href` is `text` itself (see {@link KEPT_AS_WRITTEN}). False says
 * nothing: the caller parses. Pinned to `new URL` by a property test.
 */
export function isVerbatimHttpsUrl(text: string): boolean {
  return KEPT_AS_WRITTEN.test(text) && !REWRITTEN.test(text);
}

/**
 * A normalized http(s) URL Slack will accept for a button, or undefined. Invalid links are dropped
 * rather than letting one bad URL make Slack reject the whole message.
 */
export function buttonUrl(raw: string): string | undefined {
  if (raw.length <= SLACK_BUTTON_URL_MAX_CHARS && isVerbatimHttpsUrl(raw)) return raw;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  const usable =
    (url.protocol === 'https:' || url.protocol === 'http:') && url.href.length <= SLACK_BUTTON_URL_MAX_CHARS;
  return usable ? url.href : undefined;
}
