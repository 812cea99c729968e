import type { Notification } from '../notification';
import { renderText } from '../render/render-text';
import { truncateChars } from '../render/truncate';

/** Below this, strings are not shortened further; long lists are shortened instead. */
const MIN_STRING_CAP = 100;

/**
 * The largest version of `n` for which `fits` holds: first every string longer than some cap is
 * truncated visibly (so the longest values and summary go first, the cap as high as fits), then,
 * if even a small cap does not fit, fields, links and notes are cut to the same count with a note
 * saying how many were left out. Returns `n` itself when it already fits.
 */
export function fitNotification(n: Notification, fits: (candidate: Notification) => boolean): Notification {
  if (fits(n)) return n;
  const capped = (cap: number) => mapStrings(n, (s) => truncateChars(s, cap, n.locale));
  const smallest = capped(MIN_STRING_CAP);
  if (fits(smallest)) return largestFitting(MIN_STRING_CAP, longestString(n), capped, fits);
  const longestList = Math.max(n.fields.length, n.links.length, n.notes.length);
  return largestFitting(0, longestList, (count) => limitLists(smallest, count), fits);
}

/**
 * Binary search for the largest size in [low, high) whose candidate fits, given that `low` fits and
 * `high` does not. Returns a candidate that was actually checked, even if size is not monotonic.
 */
function largestFitting(
  low: number,
  high: number,
  build: (size: number) => Notification,
  fits: (candidate: Notification) => boolean,
): Notification {
  let best = build(low);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const candidate = build(mid);
    if (fits(candidate)) {
      low = mid;
      best = candidate;
    } else {
      high = mid;
    }
  }
  return best;
}

function limitLists(n: Notification, count: number): Notification {
  const left = (list: readonly unknown[]) => Math.max(0, list.length - count);
  const note = renderText[n.locale].listLeftOut(left(n.fields), left(n.links), left(n.notes));
  return {
    ...n,
    fields: n.fields.slice(0, count),
    links: n.links.slice(0, count),
    notes: [...n.notes.slice(0, count), note],
  };
}

/** Length of the longest string in `value` (a loop, not `Math.max(...list)`: a long list overflows the call). */
function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (!value || typeof value !== 'object') return 0;
  let longest = 0;
  for (const item of Array.isArray(value) ? value : Object.values(value))
    longest = Math.max(longest, longestString(item));
  return longest;
}

/** A copy of `value` with every string replaced by `fn(string)`; keys, numbers and shape kept. */
function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, fn)])) as T;
  }
  return value;
}
