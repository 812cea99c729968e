import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snsTextNotification } from '../../../../../src/lib/core/sources/generic/from-sns';

const ctx = { locale: 'en', timeZone: 'UTC', now: new Date('2024-06-01T00:00:00Z') } as const;

/** The reference: the title as it was taken before the line-by-line reading (split, find, trim). */
const referenceTitle = (message: string) =>
  message
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();

describe('generic: the title of a plain-text SNS message', () => {
  it('is the first line with something on it, as split/find/trim gives it', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '\t', '\r', 'é'), maxLength: 30 }); // shorter than a title's 150 characters;
    fc.assert(
      fc.property(text, (message) => {
        const expected = referenceTitle(message) ?? 'Message from SNS';
        expect(snsTextNotification(message, undefined, ctx).title).toBe(expected);
      }),
    );
  });
});
