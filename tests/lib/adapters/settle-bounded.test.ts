import { describe, expect, it } from 'vitest';
import { settleBounded } from '../../../src/lib/adapters/settle-bounded';

describe('adapters: settle bounded', () => {
  it('runs at most `limit` calls at a time and settles every item, in order', async () => {
    let running = 0;
    let most = 0;
    const outcomes = await settleBounded(
      Array.from({ length: 50 }, (_, i) => i),
      10,
      async (i) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        if (i % 7 === 0) throw new Error(`item ${i}`);
        return i * 2;
      },
    );
    expect(most).toBe(10);
    expect(outcomes).toHaveLength(50);
    expect(outcomes[3]).toEqual({ status: 'fulfilled', value: 6 });
    expect(outcomes[7]).toEqual({ status: 'rejected', reason: new Error('item 7') });
  });

  it.each([
    ['no items', [], 10],
    ['fewer items than the limit', [1, 2], 10],
    ['a limit below one', [1, 2, 3], 0],
  ])('handles %s', async (_, items, limit) => {
    const outcomes = await settleBounded(items, limit, async (i) => i);
    expect(outcomes.map((o) => o.status === 'fulfilled' && o.value)).toEqual(items);
  });
});
