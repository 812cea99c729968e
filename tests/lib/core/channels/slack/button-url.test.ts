import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buttonUrl, isVerbatimHttpsUrl } from '../../../../../src/lib/core/channels/slack/button-url';
import { everyFixtureNotification } from '../../../../helpers/render-fixture';

/** What `new URL` gives back for `text`, or undefined when it cannot parse it. */
function parsedHref(text: string): string | undefined {
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

describe('render: slack button URLs', () => {
  it('takes a link as written only when new URL gives the same text back (over every fixture link)', async () => {
    const links = (await everyFixtureNotification()).flatMap(([, n]) => n.links.map((l) => l.url));
    expect(links.length).toBeGreaterThan(100);
    const verbatim = links.filter(isVerbatimHttpsUrl);
    // The fast path is the common one: almost every link a source builds is taken as written.
    expect(verbatim.length).toBeGreaterThan(links.length * 0.9);
    for (const url of verbatim) expect(parsedHref(url)).toBe(url);
  });

  it('agrees with new URL on generated links full of the characters the parser rewrites', () => {
    const hostUnit = fc.constantFrom('a', 'z', 'A', '0', '9', '-', '.', 'xn--', '0x', '@', ':', '%', 'é', '_');
    const restUnit = fc.constantFrom(
      ...'aZ09-._~!$&()*+,;=:@/?#%\'"<>\\^`{|}[] \t\n'.split(''),
      '/.',
      '/..',
      '%2e',
      '%2E',
      '%41',
      'é',
      '東',
      '🔴',
    );
    const link = fc
      .tuple(
        fc.constantFrom('https://', 'HTTPS://', 'http://', 'https:/', ' https://'),
        // Mostly hosts the fast path takes, so the rest of the link is what is tried.
        fc.oneof(
          fc.constantFrom('example.com', 'us-east-1.console.aws.amazon.com', 'a.b0'),
          fc.array(hostUnit, { maxLength: 8 }).map((units) => units.join('')),
        ),
        fc.constantFrom('/', '', '?', '#', ':443/'),
        fc.array(restUnit, { maxLength: 12 }),
      )
      .map(([scheme, host, slash, rest]) => `${scheme}${host}${slash}${rest.join('')}`);
    fc.assert(
      fc.property(link, (text) => {
        if (isVerbatimHttpsUrl(text)) expect(parsedHref(text)).toBe(text);
        return true;
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['https://console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events/abc', true],
    ['https://us-east-1.console.aws.amazon.com/iam/home#/users/details/alice%40example', true],
    ['https://Console.aws.amazon.com/', false],
    ['https://console.aws.amazon.com', false],
    ['https://127.0.0.1/x', false],
    ['https://a..b/x', false],
    ['https://xn--nxasmq6b.com/', false],
    ['https://example.com/a/../b', false],
    ['https://example.com/a b', false],
    ['http://example.com/', false],
  ])('takes %j as written: %j', (text, expected) => {
    expect(isVerbatimHttpsUrl(text)).toBe(expected);
  });

  it('gives what new URL gives whichever way it goes', () => {
    for (const raw of ['https://example.com/a%2e/b', 'https://example.com/ok', ' https://example.com/x ']) {
      expect(buttonUrl(raw)).toBe(parsedHref(raw.trim()));
    }
  });
});
