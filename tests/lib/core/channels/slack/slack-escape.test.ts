import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanAndEscaped,
  escapedText,
  escapeSlack,
  isInertSlackText,
  slackLine,
  slackLineAfter,
  slackText,
  unescapeSlack,
} from '../../../../../src/lib/core/channels/slack/slack-escape';
import { multiLine, oneLine } from '../../../../../src/lib/core/render/sanitize';

describe('render: slack escaping', () => {
  it.each([
    ['a channel mention', '<!channel>', '&lt;!channel&gt;'],
    ['a here mention', '<!here|here>', '&lt;!here|here&gt;'],
    ['a user mention', '<@U123>', '&lt;@U123&gt;'],
    ['a user group mention', '<!subteam^S123>', '&lt;!subteam^S123&gt;'],
    ['a disguised link', '<http://evil|click>', '&lt;http://evil|click&gt;'],
    ['an ampersand', 'R&D', 'R&amp;D'],
    ['an entity already written out', '&lt;', '&amp;lt;'],
    ['plain text', 'web-tg-unhealthy', 'web-tg-unhealthy'],
  ])('makes %s inert', (_, input, expected) => {
    expect(escapeSlack(input)).toBe(expected);
    expect(unescapeSlack(escapeSlack(input))).toBe(input);
  });

  it('escapes exactly as a replace of every &, < and > would (the fast path for text without them)', () => {
    const reference = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const unit = fc.constantFrom('a', ' ', '&', '<', '>', ';', 'é', '東', '🔴', '\n');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join('');
        expect(escapeSlack(text)).toBe(reference(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('cleans and escapes by one test as by multiLine or oneLine then escapeSlack (the fast path for inert text)', () => {
    const unit = fc.constantFrom(
      'a',
      '-',
      'é',
      '→',
      '🔴',
      ' ',
      ' ',
      '\n',
      '&',
      '<',
      '>',
      '\t',
      '\r',
      '\u0007',
      '\u202e',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), (units) => {
        const text = units.join('');
        const clean = multiLine(text);
        expect(cleanAndEscaped(text)).toEqual({ clean, escaped: escapeSlack(clean) });
        expect(slackLine(text, 1_000)).toBe(escapeSlack(oneLine(text)));
      }),
      { numRuns: 2_000 },
    );
  });

  describe('slackText', () => {
    it('escapes, keeps line breaks and drops control characters', () => {
      expect(slackText('a <@U1>\r\nb\u0007', 100, 'en')).toBe('a &lt;@U1&gt;\nb');
    });

    it.each(Array.from({ length: 12 }, (_, i) => 60 + i))('never cuts inside an entity (limit %i)', (max) => {
      const out = slackText('<&>'.repeat(200), max, 'en');
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(out).toMatch(/… \(truncated, \d+ more characters\)$/);
    });

    it('counts omitted characters as a reader sees them, not as escaped', () => {
      const out = slackText('&'.repeat(1_000), 100, 'en');
      const kept = (out.match(/&amp;/g) ?? []).length;
      expect(kept + Number(/(\d+) more/.exec(out)![1])).toBe(1_000);
    });
  });

  describe('slackLine', () => {
    it('flattens to one line and ends a cut with "…" outside any entity', () => {
      expect(slackLine('a\nb', 10)).toBe('a b');
      for (let max = 5; max < 12; max++) {
        const out = slackLine('&&&&&&&&&&', max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).toMatch(/^(&amp;)*…$/);
      }
    });
  });
});

describe('render: slack header line', () => {
  it('is slackLine of the prefix, a space and the text (the fast path for inert parts)', () => {
    const unit = fc.constantFrom('a', ' ', '  ', '&', '<', 'é', '東', '🔴', '\n', '\u0007', '\u200b');
    const prefix = fc.constantFrom('', ' ', '🔴', '🟠', 'ℹ️', '✅', '&', 'a ');
    fc.assert(
      fc.property(prefix, fc.array(unit, { maxLength: 20 }), fc.integer({ min: 2, max: 40 }), (p, units, max) => {
        const text = units.join('');
        expect(slackLineAfter(p, text, max)).toBe(slackLine(`${p} ${text}`, max));
      }),
      { numRuns: 5_000 },
    );
  });

  it('escapes a value as cleanAndEscaped does, and calls it inert only when it is its own clean and escaped text', () => {
    let inert = 0;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '&', '<', '\t', '\u0007', 'ア', '→') }), (raw) => {
        expect(escapedText(raw)).toBe(cleanAndEscaped(raw).escaped);
        if (isInertSlackText(raw)) {
          inert++;
          expect(multiLine(raw)).toBe(raw);
          expect(escapeSlack(raw)).toBe(raw);
        }
      }),
      { numRuns: 2_000 },
    );
    expect(inert).toBeGreaterThan(0);
  });
});
