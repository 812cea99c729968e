import { SLACK_BUTTON_URL_MAX_CHARS } from './limits';

/*
 * Every link of a notification becomes a button, and parsing a URL (WHATWG, as `new URL` does) costs
 * about a microsecond. The links sources build are console URLs that the parser gives back exactly as
 * written; for those the check below is enough, and any other text still goes through `new URL`.
 */

const HTTPS = 'https://';

/** a–z, 0–9, `-` and `.`: a host the parser keeps as it is (no upper case, IDNA, port or user). */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/**
 * Characters the parser keeps as they are in a path, query and fragment: letters, digits and
 * `-._~!$&()*+,;=:@/?#%`. Left out on purpose (the parser encodes or rewrites some of them, and they
 * are rare in links): space and controls, `"'<>\^`{|}[]` and anything not ASCII.
 */
const KEPT = (() => {
  const kept = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) kept[c] = 1;
  for (let c = 65; c <= 90; c++) kept[c] = 1;
  for (let c = 97; c <= 122; c++) kept[c] = 1;
  for (const c of '-._~!$&()*+,;=:@/?#%') kept[c.charCodeAt(0)] = 1;
  return kept;
})();

/**
 * True when `new URL(text).href` is `text` itself: `https://`, a host of lower-case labels (none
 * empty, none `xn--`, the last starting with a letter, so never an IPv4 number), then `/` and only
 * {@link KEPT} characters, with no dot segment (`/.`, `%2e`) for the parser to resolve. False says
 * nothing: the caller parses. Pinned to `new URL` by a property test.
 */
export function isVerbatimHttpsUrl(text: string): boolean {
  if (!text.startsWith(HTTPS)) return false;
  const hostEnd = text.indexOf('/', HTTPS.length);
  if (hostEnd <= HTTPS.length) return false;
  let labelStart = HTTPS.length;
  for (let i = HTTPS.length; i < hostEnd; i++) {
    const c = text.charCodeAt(i);
    if (!isHostChar(c)) return false;
    if (c === 46) {
      if (i === labelStart) return false;
      labelStart = i + 1;
    }
  }
  const last = text.charCodeAt(labelStart);
  if (labelStart === hostEnd || last < 97 || last > 122) return false;
  if (text.includes('xn--')) return false;
  for (let i = hostEnd; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || KEPT[c] === 0) return false;
  }
  return !text.includes('/.') && !text.includes('%2e') && !text.includes('%2E');
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
