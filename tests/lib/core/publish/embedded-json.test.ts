import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../helpers/fast-check-seed';
import { embeddedJson, jsonString, jsonStringText } from '../../../../src/lib/core/publish/embedded-json';
import { everyFixtureNotification } from '../../../helpers/render-fixture';
import { anyNotification, anyText } from '../render/notification-arbitrary';
import { samples } from '../render/sample-notifications';

/** The reference embeddedJson is pinned to: the Notification stringified, then stringified as a string. */
const reference = (value: unknown) => JSON.stringify(JSON.stringify(value));

const notifications = await everyFixtureNotification();

describe('embeddedJson: JSON.stringify(JSON.stringify(value)) in one pass', () => {
  it('renders fixtures into notifications (the table below is not empty)', () => {
    expect(notifications.length).toBeGreaterThan(200);
  });

  it.each(notifications)('writes %s byte for byte as the reference', (_, n) => {
    expect(embeddedJson(n)).toBe(reference(n));
  });

  it.each(Object.entries(samples))('writes the %s sample byte for byte as the reference', (_, n) => {
    expect(embeddedJson(n)).toBe(reference(n));
  });

  it('writes arbitrary notifications byte for byte as the reference', () => {
    fc.assert(
      fc.property(anyNotification, (n) => embeddedJson(n) === reference(n)),
      { numRuns: 300 },
    );
  });

  it('keeps each object’s own key order, leaving out undefined optional keys', () => {
    const n = { title: 'a', account: undefined, schemaVersion: 1, source: { type: 't', id: undefined } };
    expect(embeddedJson(n)).toBe('"{\\"title\\":\\"a\\",\\"schemaVersion\\":1,\\"source\\":{\\"type\\":\\"t\\"}}"');
    expect(embeddedJson({ b: 1, a: 2, 10: 3, 2: 4 })).toBe(reference({ b: 1, a: 2, 10: 3, 2: 4 }));
  });

  it('escapes quotes, backslashes, controls and lone surrogates as JSON.stringify does', () => {
    for (const s of ['"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\ud800', 'a\udc00b', '😀', '\u2028', 'あ"\\'])
      expect(embeddedJson({ [s]: [s] })).toBe(reference({ [s]: [s] }));
  });

  it('writes arbitrary strings and keys as the reference', () => {
    fc.assert(
      fc.property(fc.dictionary(anyText, fc.array(anyText, { maxLength: 3 }), { maxKeys: 4 }), (value) => {
        return embeddedJson(value) === reference(value);
      }),
      { numRuns: 300 },
    );
  });

  it('writes any JSON-like value as the reference, non-finite numbers and missing items included', () => {
    const value = fc.anything({
      withBoxedValues: false,
      withMap: false,
      withSet: false,
      withTypedArray: false,
      withSparseArray: true,
      withNullPrototype: true,
      withDate: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(value, (v) => embeddedJson(v) === reference(v)),
      { numRuns: 500 },
    );
  });

  it('falls back to JSON.stringify for what plain data does not hold', () => {
    const odd = { when: new Date(0), custom: { toJSON: () => 'x' }, list: [() => 1, Symbol('s')], f: () => 1 };
    expect(embeddedJson(odd)).toBe(reference(odd));
    expect(() => embeddedJson({ big: 1n })).toThrow(TypeError);
  });
});

describe('embeddedJson: lists of label/value pairs (each written as one cached piece and its value)', () => {
  const pairs = [
    { label: 'Threshold', value: '> 80' },
    { label: 'Threshold', url: 'https://example.com' },
    'between',
    { label: 'Threshold', value: 'again' },
    7,
    { label: 'say "hi"\n\\', value: 'v\n"w"' },
    { label: 'l'.repeat(64), value: 'at the bound' },
    { label: 'l'.repeat(65), value: 'past the bound' },
    { label: 'Three', value: 'members', extra: 'x' },
    { label: 'One member' },
    { label: 'Not a string', value: 1 },
    { value: 'keys', label: 'swapped' },
    { 1: 'integer key', label: 'first by JSON order' },
    [],
    {},
    null,
  ];

  it('writes every kind of item around pairs as the reference, the first time and every time after', () => {
    for (let i = 0; i < pairs.length; i++) {
      const list = [...pairs.slice(i), ...pairs.slice(0, i)];
      expect(embeddedJson(list)).toBe(reference(list));
      expect(embeddedJson(list)).toBe(reference(list));
      expect(embeddedJson({ fields: list, after: 'x' })).toBe(reference({ fields: list, after: 'x' }));
    }
    expect(embeddedJson([pairs[0]])).toBe(reference([pairs[0]]));
    expect(embeddedJson([pairs[0], pairs[0]])).toBe(reference([pairs[0], pairs[0]]));
  });

  it('writes arbitrary lists of pairs as the reference', () => {
    const label = fc.oneof(fc.constantFrom('Threshold', 'Reason', 'label'), anyText);
    const pair = fc.oneof(
      fc.record({ label, value: anyText }),
      fc.record({ label, url: anyText }),
      fc.record({ role: label, value: anyText }),
    );
    const item = fc.oneof(
      pair,
      anyText,
      fc.integer(),
      fc.constant(null),
      fc.dictionary(anyText, anyText, { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (list) => embeddedJson(list) === reference(list)),
      { numRuns: 500 },
    );
  });
});

describe('jsonString: JSON.stringify of a string', () => {
  const lines = fc.string({
    unit: fc.constantFrom('a', ' ', '\n', '"', '\\', 'あ', '😀', '\ud800', '\t'),
    maxLength: 40,
  });

  it('writes text whose only escape is \\n, and any other, as JSON.stringify', () => {
    for (const s of ['', 'a', 'a\nb', '\n\n', 'a"b\nc', 'a\\b', 'tab\there', '→…\n', '\u2028\n'])
      expect(jsonString(s)).toBe(JSON.stringify(s));
  });

  it('writes arbitrary strings as JSON.stringify', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, lines), (s) => jsonString(s) === JSON.stringify(s)),
      { numRuns: 500 },
    );
  });

  it('writes a string between its quotes (jsonStringText) as JSON.stringify does', () => {
    for (const s of ['', 'a', 'a\nb', 'a"b', '\\', 'tab\there', '→…', '\ud800'])
      expect(jsonStringText(s)).toBe(JSON.stringify(s).slice(1, -1));
    fc.assert(
      fc.property(fc.oneof(anyText, lines), (s) => jsonStringText(s) === JSON.stringify(s).slice(1, -1)),
      { numRuns: 500 },
    );
  });

  it('writes multi-line strings embedded as the reference', () => {
    fc.assert(
      fc.property(lines, (s) => embeddedJson([s]) === reference([s])),
      { numRuns: 500 },
    );
  });
});
