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
