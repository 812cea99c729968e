import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIsoMillis, parseInstant, toIsoInstant } from '../../../src/lib/core/instant';

/** What Date.parse makes of the text: the reference the quick reading must agree with. */
function byDateParse(text: string): string | undefined {
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const two = (n: number) => String(n).padStart(2, '0');

/** The fields of an ISO timestamp, each also a little out of range (month 13, minute 60, …). */
const isoFields = {
  year: fc.integer({ min: 0, max: 9999 }),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.integer({ min: 0, max: 32 }),
  hour: fc.integer({ min: 0, max: 25 }),
  minute: fc.integer({ min: 0, max: 60 }),
  second: fc.integer({ min: 0, max: 60 }),
  millis: fc.option(fc.integer({ min: 0, max: 999 })),
};

/** `YYYY-MM-DDThh:mm:ss[.mmm]` of those fields, without a zone. */
const isoText = (t: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number | null;
}) =>
  `${String(t.year).padStart(4, '0')}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}` +
  (t.millis === null ? '' : `.${String(t.millis).padStart(3, '0')}`);

describe('toIsoInstant', () => {
  it.each([
    ['2019-10-02T17:04:40.989+0000', '2019-10-02T17:04:40.989Z'],
    ['2019-10-02T17:04:40Z', '2019-10-02T17:04:40.000Z'],
    ['2024-02-29T23:30:00.000-05:30', '2024-03-01T05:00:00.000Z'],
    ['2023-02-29T00:00:00Z', byDateParse('2023-02-29T00:00:00Z')],
    ['Wed, 02 Oct 2019 17:04:40 GMT', '2019-10-02T17:04:40.000Z'],
    ['not a date', undefined],
    ['', undefined],
  ])('reads %s as %s', (text, expected) => {
    expect(toIsoInstant(text)).toBe(expected);
  });

  it.each([1600, 1700, 1800, 1900, 2000, 2023, 2024, 2100, 2400])(
    'agrees with Date.parse on 29 February %i',
    (year) => {
      for (const text of [
        `${year}-02-29T12:00:00Z`,
        `${year}-02-29T12:00:00.500+0900`,
        `${year}-02-28T23:59:59-01:00`,
      ]) {
        expect(toIsoInstant(text)).toBe(byDateParse(text));
      }
    },
  );

  it('agrees with Date.parse on AWS-style timestamps, fields in and out of range, every offset form', () => {
    fc.assert(
      fc.property(
        fc.record({
          ...isoFields,
          zone: fc.constantFrom('Z', '+', '-', '+:', '-:'),
          offsetHours: fc.integer({ min: 0, max: 25 }),
          offsetMinutes: fc.integer({ min: 0, max: 60 }),
        }),
        (t) => {
          const offset = `${two(t.offsetHours)}${t.zone.endsWith(':') ? ':' : ''}${two(t.offsetMinutes)}`;
          const text = `${isoText(t)}${t.zone === 'Z' ? 'Z' : `${t.zone[0]}${offset}`}`;
          expect(toIsoInstant(text)).toBe(byDateParse(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('canonicalIsoMillis', () => {
  const unit = fc.constantFrom('0', '1', '2', '9', '-', 'T', ':', '.', 'Z', ' ', '+', 'x');

  it('gives what Date.parse gives whenever it reads a text, and reads every toISOString of years 1000–9999', () => {
    const instant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
    fc.assert(
      fc.property(instant, fc.boolean(), (ms, withMillis) => {
        const iso = new Date(ms).toISOString();
        const text = withMillis ? iso : `${iso.slice(0, 19)}Z`;
        expect(canonicalIsoMillis(text)).toBe(Date.parse(text));
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads nothing Date.parse reads otherwise: any year, day, time, and texts one character off', () => {
    const fieldsOf = fc.record(isoFields);
    const edit = fc.record({ at: fc.nat(24), by: unit });
    fc.assert(
      fc.property(fieldsOf, fc.option(edit), (t, change) => {
        let text = `${isoText(t)}Z`;
        if (change) text = `${text.slice(0, change.at)}${change.by}${text.slice(change.at + 1)}`;
        const millis = canonicalIsoMillis(text);
        if (!Number.isNaN(millis)) expect(millis).toBe(Date.parse(text));
        return true;
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('parseInstant', () => {
  it('is Date.parse, NaN included, for instants, near-instants and other text', () => {
    const text = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
      fc
        .tuple(fc.date({ noInvalidDate: true }), fc.nat(23), fc.constantFrom('0', '9', 'Z', ' ', ':', '+'))
        .map(([d, at, by]) => {
          const iso = d.toISOString();
          return `${iso.slice(0, at)}${by}${iso.slice(at + 1)}`;
        }),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseInstant(t)).toBe(Date.parse(t));
      }),
      { numRuns: 10_000 },
    );
  });
});
