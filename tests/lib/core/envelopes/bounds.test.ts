import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBounds,
  checkMessageText,
  MAX_DEPTH,
  MAX_EVENT_BYTES,
  MAX_MESSAGE_BYTES,
  utf8Bytes,
} from '../../../../src/lib/core/envelopes/bounds';
import { unwrap } from '../../../../src/lib/core/envelopes/unwrap';
import { InputError } from '../../../../src/lib/core/errors';
import { fixture } from '../../../helpers/fixtures';
import { expectLinear } from '../../../helpers/growth';

/** `{"a":{"a":…leaf…}}`, `depth` objects deep, built without recursion. */
function nested(depth: number, leaf: unknown = 'x', key = 'a'): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

const thrown = (run: () => void): InputError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('did not throw');
};

describe('envelopes: bounds', () => {
  it.each([
    ['ASCII', 'abc', 3],
    ['Japanese', '日本', 6],
    ['an emoji (a surrogate pair)', '😀', 4],
    ['a lone surrogate, as U+FFFD', '\ud800', 3],
    ['a reversed pair, as two U+FFFD', '\udc00\ud800', 6],
  ])('counts UTF-8 bytes of %s', (_, text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
  });

  it(`accepts ${MAX_DEPTH} levels of nesting and refuses ${MAX_DEPTH + 1}, naming the path`, () => {
    expect(() => checkBounds(nested(MAX_DEPTH), 'Records[0].Sns.Message')).not.toThrow();
    const error = thrown(() => checkBounds({ detail: nested(MAX_DEPTH) }, ''));
    expect(error.message).toBe(`detail${'.a'.repeat(MAX_DEPTH - 1)}: nested deeper than 64 levels`);
    expect(error.path).toBe(`detail${'.a'.repeat(MAX_DEPTH - 1)}`);
  });

  it.each([600, 5_000, 100_000])('refuses %i levels without overflowing the stack', (depth) => {
    const error = thrown(() => checkBounds(nested(depth, 'x', 'key'.repeat(50)), 'Records[3]'));
    expect(error.message).toMatch(/^Records\[3\]\.key.{20}….*: nested deeper than 64 levels$/);
    expect(error.message.length).toBeLessThan(250);
  });

  it('refuses arrays nested too deep too, and a cycle (it is infinitely deep)', () => {
    let deep: unknown = [];
    for (let i = 0; i < 70; i++) deep = [deep];
    expect(thrown(() => checkBounds(deep, '')).path).toMatch(/^(\[0\]){64}$/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(thrown(() => checkBounds(cycle, '')).message).toMatch(/nested deeper than 64 levels$/);
  });

  it('refuses an event larger than a maximum-size message in its envelope, at once', () => {
    expect(() => checkBounds({ Message: 'x'.repeat(MAX_MESSAGE_BYTES) }, '')).not.toThrow();
    const huge = { Message: 'x'.repeat(MAX_EVENT_BYTES) };
    expect(thrown(() => checkBounds(huge, 'Records[1]')).message).toBe(
      'Records[1]: larger than 264 KB, the most an event can be',
    );
    expect(() =>
      checkBounds(
        Array.from({ length: MAX_EVENT_BYTES }, () => 0),
        '',
      ),
    ).toThrow(/larger than/);
    // A sparse array of a billion holes stops at the limit instead of walking them all.
    expect(() => checkBounds(new Array(1e9), '')).toThrow(/larger than/);
    expect(() => checkBounds({ ['k'.repeat(MAX_EVENT_BYTES)]: 1 }, '')).toThrow(/larger than/);
  });

  it('refuses a message text over 256 KB of UTF-8, counting multi-byte characters', () => {
    expect(() => checkMessageText('x'.repeat(MAX_MESSAGE_BYTES), 'Message')).not.toThrow();
    expect(() => checkMessageText('日'.repeat(MAX_MESSAGE_BYTES / 3 + 1), 'Message')).toThrow(
      'Message: message larger than 256 KB, the most SNS accepts',
    );
  });

  it('refuses exactly the message texts over 256 KB of UTF-8, around the limit, whatever their characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('a', '日', '😀', '\ud800', 'é'),
        fc.constantFrom('', 'a', '日'),
        fc.integer({ min: -3, max: 3 }),
        (unit, tail, delta) => {
          const count = Math.floor(MAX_MESSAGE_BYTES / utf8Bytes(unit)) + delta;
          const text = unit.repeat(count) + tail;
          if (utf8Bytes(text) > MAX_MESSAGE_BYTES) expect(() => checkMessageText(text, 'Message')).toThrow(InputError);
          else expect(() => checkMessageText(text, 'Message')).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('checks in linear time: nesting just under the bound, repeated; huge strings; lone surrogates', {
    timeout: 60_000,
  }, () => {
    const underBound = (n: number) => Array.from({ length: n / 256 }, () => nested(MAX_DEPTH - 2));
    expectLinear(underBound, (value) => checkBounds(value, '', Number.POSITIVE_INFINITY));
    expectLinear(
      (n) => ({ a: 'x'.repeat(n) }),
      (value) => checkBounds(value, '', Number.POSITIVE_INFINITY),
    );
    expectLinear(
      (n) => '\ud800a'.repeat(n / 2),
      (text) => utf8Bytes(text),
    );
  });
});

/** The bounds' own measure, written plainly: least JSON bytes (a number as 1) and depth. */
function reference(value: unknown, depth = 1): { bytes: number; depth: number } {
  if (typeof value === 'string') return { bytes: utf8Bytes(value) + 2, depth: 0 };
  if (typeof value !== 'object' || value === null)
    return { bytes: typeof value === 'boolean' || value === null ? 4 : 1, depth: 0 };
  let bytes = 2;
  let deepest = depth;
  const entries: Array<[string | undefined, unknown]> = Array.isArray(value)
    ? value.map((v) => [undefined, v])
    : Object.entries(value);
  for (const [key, v] of entries) {
    const inner = reference(v, depth + 1);
    bytes += inner.bytes + (key === undefined ? 1 : utf8Bytes(key) + 3);
    deepest = Math.max(deepest, inner.depth);
  }
  return { bytes, depth: deepest };
}

describe('envelopes: bounds, the quick proof and the exact pass together', () => {
  const text = fc.string({ unit: fc.constantFrom('a', '日', '😀', '\ud800'), maxLength: 40 });
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(text, tie('node'), { maxKeys: 4 }),
    ),
  })).node;

  it('refuses exactly what is over the size (counted in UTF-8) or the depth, near the limits', () => {
    fc.assert(
      fc.property(
        value,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: MAX_DEPTH + 2 }),
        (v, max, wrap) => {
          const input = nested(wrap, v);
          const measure = reference(input);
          const over = measure.bytes > max || measure.depth > MAX_DEPTH;
          if (over) expect(() => checkBounds(input, '', max)).toThrow(InputError);
          else expect(() => checkBounds(input, '', max)).not.toThrow();
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('envelopes: bounds of wide arrays and objects of scalars', () => {
  it('counts every element and key of a wide container, exactly at the limit', () => {
    const scalar = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(scalar, { maxLength: 200 }),
          fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 60 }),
        ),
        fc.integer({ min: 0, max: 900 }),
        (value, max) => {
          if (reference(value).bytes > max) expect(() => checkBounds(value, '', max)).toThrow(InputError);
          else expect(() => checkBounds(value, '', max)).not.toThrow();
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe('unwrap: size and nesting bounds', () => {
  const nestedText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const batch = () =>
    structuredClone(fixture('sns/aws-backup-sns-event-multi-records.json')) as {
      Records: Array<Record<string, unknown> & { Sns: Record<string, unknown> }>;
    };

  it('makes each out-of-bounds record its own error and still unwraps the others', () => {
    const input = batch();
    input.Records[0]!.Sns.Message = nestedText(5_000);
    input.Records[1]!.Sns.Message = 'x'.repeat(300 * 1024);
    input.Records[2]!.Sns.MessageAttributes = JSON.parse(nestedText(100));
    const { items, errors } = unwrap(input);
    expect(items.map((i) => i.path)).toEqual(['Records[3].Sns.Message']);
    expect(errors.map((e) => e.message)).toEqual([
      `Records[0].Sns.Message${'.a'.repeat(64)}: nested deeper than 64 levels`,
      'Records[1]: larger than 264 KB, the most an event can be',
      `Records[2].Sns.MessageAttributes${'.a'.repeat(62)}: nested deeper than 64 levels`,
    ]);
    expect(errors.every((e) => e instanceof InputError)).toBe(true);
  });

  it('bounds a message text before parsing it, by the 256 KB SNS allows', () => {
    const input = batch();
    input.Records[0]!.Sns.Message = `{"a":"${'日'.repeat(88_000)}"}`;
    expect(unwrap(input).errors[0]?.message).toBe(
      'Records[0].Sns.Message: message larger than 256 KB, the most SNS accepts',
    );
  });

  it('accepts a message at 256 KB exactly, and 64 levels of nesting', () => {
    const input = batch();
    input.Records[0]!.Sns.Message = 'x'.repeat(256 * 1024);
    input.Records[1]!.Sns.Message = nestedText(64);
    expect(unwrap(input).errors).toEqual([]);
  });

  it.each([
    ['an event nested 5,000 levels deep', { detail: JSON.parse(nestedText(5_000)) }, /^detail(\.a){63}: nested/],
    ['an event over 264 KB', { detail: 'x'.repeat(300 * 1024) }, /^larger than 264 KB/],
    ['a message string over 256 KB', 'x'.repeat(300 * 1024), /^message larger than 256 KB/],
    ['a message string nested 5,000 levels deep', nestedText(5_000), /^(a\.){63}a: nested/],
    [
      'an SNS HTTP body with a deep message',
      { ...fixture('sns/http-subscription-confirmation-alerta.json'), Message: nestedText(99) },
      /^Message(\.a){64}: nested/,
    ],
    [
      'a batch with deep fields of its own',
      { Records: [], junk: JSON.parse(nestedText(99)) },
      /^junk(\.a){63}: nested/,
    ],
  ])('refuses %s as a whole, naming where', (_, input, message) => {
    expect(() => unwrap(input)).toThrow(InputError);
    expect(() => unwrap(input)).toThrow(message);
  });
});
