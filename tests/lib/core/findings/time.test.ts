import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingInstant } from '../../../../src/lib/core/findings/time';

/** The reference: every text through Date.parse and toISOString, as before the canonical fast path. */
const reference = (text: string): string | undefined => {
  if (text === '' || text.length > 64) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
/** Texts in the canonical layout with any digits: real dates, Feb 29ths, day 31s, hour 24s, month 13s. */
const canonicalLayout = fc
  .tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), fc.option(digits(3), { nil: undefined }))
  .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${ms === undefined ? '' : `.${ms}`}Z`);
/** Real instants as toISOString writes them, with and without milliseconds. */
const realInstants = fc
  .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), `${d.toISOString().slice(0, 19)}Z`));

/** Texts in AWS Health's RFC 1123 layout with any digits, day names and months, in and out of range. */
const rfc1123Layout = fc
  .tuple(
    fc.constantFrom('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Xyz'),
    digits(2),
    fc.constantFrom('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Foo'),
    digits(4),
    digits(2),
    digits(2),
    digits(2),
    fc.constantFrom(' GMT', ' UTC', '', ' GMT '),
  )
  .map(([day, d, mon, y, h, mi, s, zone]) => `${day}, ${d} ${mon} ${y} ${h}:${mi}:${s}${zone}`);
/** Real instants as toUTCString writes them (RFC 1123), years 1000–9999. */
const realRfc1123 = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toUTCString());

describe('findings: findingInstant', () => {
  it('gives what Date.parse and toISOString give, for canonical-looking texts and real instants', () => {
    fc.assert(
      fc.property(fc.oneof(canonicalLayout, realInstants), (text) => {
        expect(findingInstant(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives what Date.parse gives for RFC 1123 dates (the AWS Health fast path), real or not', () => {
    fc.assert(
      fc.property(fc.oneof(rfc1123Layout, realRfc1123), (text) => {
        expect(findingInstant(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2023-02-29T12:00:00Z', reference('2023-02-29T12:00:00Z')],
    ['2000-02-29T23:59:59.999Z', '2000-02-29T23:59:59.999Z'],
    ['1900-02-29T00:00:00Z', reference('1900-02-29T00:00:00Z')],
    ['2024-04-31T00:00:00Z', reference('2024-04-31T00:00:00Z')],
    ['2024-01-01T24:00:00Z', reference('2024-01-01T24:00:00Z')],
    ['Wed Sep 04 17:00:36.951 UTC 2024', '2024-09-04T17:00:36.951Z'],
    ['Sat, 05 Jun 2016 15:10:09 GMT', '2016-06-05T15:10:09.000Z'],
    ['not a date', undefined],
  ])('reads %s as %s', (text, expected) => {
    expect(findingInstant(text)).toBe(expected);
  });
});
