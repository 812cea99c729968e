import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetConsoleUrl } from '../../../../src/lib/core/cost/cost-meta';
import {
  accessAnalyzerFindingUrl,
  alarmConsoleUrl,
  guardDutyFindingUrl,
  healthEventUrl,
  inspectorFindingUrl,
  securityHubFindingUrl,
} from '../../../../src/lib/core/links/console';
import { encodeUriComponent } from '../../../../src/lib/core/links/encode';
import { cloudTrailEventUrl, iamPrincipalUrl } from '../../../../src/lib/core/sources/cloudtrail/links';

const place = { region: 'us-east-1' };

/** Every link builder of the core, each putting `text` in its URL, and how many times it encodes it. */
const linkBuilders: Array<[string, (text: string) => string, number]> = [
  ['alarmConsoleUrl', (name) => alarmConsoleUrl({ name, ...place }), 1],
  ['cloudTrailEventUrl', (eventId) => cloudTrailEventUrl({ eventId, ...place }), 1],
  ['iamPrincipalUrl', (name) => iamPrincipalUrl({ kind: 'role', name }), 1],
  ['budgetConsoleUrl', budgetConsoleUrl, 1],
  ['guardDutyFindingUrl', (id) => guardDutyFindingUrl({ id, ...place }), 1],
  ['securityHubFindingUrl', (id) => securityHubFindingUrl({ id, ...place }), 2],
  ['inspectorFindingUrl', (arn) => inspectorFindingUrl({ arn, ...place }), 2],
  ['accessAnalyzerFindingUrl', (id) => accessAnalyzerFindingUrl({ analyzerArn: id, id, ...place }), 1],
  ['healthEventUrl', (arn) => healthEventUrl({ arn, ...place }), 1],
];

describe('links: encodeUriComponent', () => {
  it.each([
    ['plain text', 'web 5xx', 'web%205xx'],
    ['an emoji (a surrogate pair)', 'a😀', 'a%F0%9F%98%80'],
    ['a lone high surrogate', 'a\ud800b', 'a%EF%BF%BDb'],
    ['a lone low surrogate', '\udc00', '%EF%BF%BD'],
    ['a reversed pair', '\udc00\ud800', '%EF%BF%BD%EF%BF%BD'],
  ])('encodes %s, lone surrogates as U+FFFD instead of throwing URIError', (_, text, encoded) => {
    expect(encodeUriComponent(text)).toBe(encoded);
  });

  it.each(linkBuilders)('%s never throws and round-trips the well-formed text (property)', (_, build, times) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const url = build(text);
        expect(() => new URL(url)).not.toThrow();
        let decoded = url;
        for (let i = 0; i < times; i++) decoded = decodeURIComponent(decoded);
        expect(decoded).toContain(text.toWellFormed());
      }),
      { numRuns: 200 },
    );
  });
});

describe('links: encodeUriComponent gives what encodeURIComponent gives', () => {
  it('for any well-formed text, the unreserved characters left as they are included', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...("Az09-_.!~*'() /%:?#&=+é" as string)), maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(encodeUriComponent(t)).toBe(encodeURIComponent(t));
      }),
    );
  });
});
