import { describe, expect, it } from 'vitest';
import {
  DEADLINE_MARGIN_MS,
  DEFAULT_BUDGET_MS,
  invocationDeadline,
  timeLeft,
} from '../../../src/lib/adapters/deadline';

const NOW = 1_700_000_000_000;

describe('adapters: deadline', () => {
  it('is now + the Lambda’s remaining time − the margin', () => {
    const context = { getRemainingTimeInMillis: () => 30_000 };
    expect(invocationDeadline(context, NOW)).toBe(NOW + 30_000 - DEADLINE_MARGIN_MS);
  });

  it.each([
    ['no context', undefined],
    ['a context without the function', {}],
    ['a function answering nonsense', { getRemainingTimeInMillis: () => Number.NaN }],
  ])('falls back to the default budget with %s', (_, context) => {
    expect(invocationDeadline(context, NOW)).toBe(NOW + DEFAULT_BUDGET_MS - DEADLINE_MARGIN_MS);
  });

  it('leaves no negative time', () => {
    expect(timeLeft(NOW + 500, NOW)).toBe(500);
    expect(timeLeft(NOW - 500, NOW)).toBe(0);
  });
});
