/**
 * Like `Promise.allSettled(items.map(work))`, with at most `limit` calls of `work` running at a
 * time: a 10,000-record batch must not open 10,000 connections at once. Results keep the order of
 * `items`.
 * @example const outcomes = await settleBounded(notifications, 10, (n) => publish(n));
 */
export async function settleBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index] as T) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
