import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnwrappedItem } from '../../../../src/lib/core/envelopes/types';
import { eventBridgeKey, isEventOf } from '../../../../src/lib/core/sources/shapes';

const itemOf = (payload: unknown): UnwrappedItem => ({ path: '', payload, isMessage: false }) as UnwrappedItem;
const event = (source: unknown, detailType: unknown) => itemOf({ source, 'detail-type': detailType, detail: {} });
/** A part of a key as the registry writes them: no `/`. */
const part = fc.oneof(fc.constantFrom('aws.health', 'AWS Health Event', 'GuardDuty Finding', ''), fc.string());
const slashless = part.filter((s) => !s.includes('/'));

describe('sources: isEventOf', () => {
  it('agrees with comparing eventBridgeKey to "source/detail-type", for parts without a slash', () => {
    fc.assert(
      fc.property(slashless, slashless, slashless, fc.array(slashless, { maxLength: 3 }), (s, t, source, types) => {
        const item = event(s, t);
        const byKey = types.some((type) => eventBridgeKey(item) === `${source}/${type}`);
        expect(isEventOf(item, source, types)).toBe(byKey);
      }),
    );
  });

  it('claims an event of its source and one of its detail-types', () => {
    expect(isEventOf(event('aws.health', 'AWS Health Event'), 'aws.health', ['x', 'AWS Health Event'])).toBe(true);
  });

  it('never joins a slash in the source to the detail-type, as a key would', () => {
    const item = event('aws.health/AWS Health', 'Event');
    expect(eventBridgeKey(item)).toBe('aws.health/AWS Health/Event');
    expect(isEventOf(item, 'aws.health', ['AWS Health/Event'])).toBe(false);
  });

  it.each([
    ['a text message', 'hello'],
    ['an object without the EventBridge envelope', { source: 'aws.health', 'detail-type': 'AWS Health Event' }],
    ['a detail-type that is not a string', { source: 'aws.health', 'detail-type': ['AWS Health Event'], detail: {} }],
  ])('claims nothing for %s', (_, payload) => {
    expect(isEventOf(itemOf(payload), 'aws.health', ['AWS Health Event'])).toBe(false);
  });
});
