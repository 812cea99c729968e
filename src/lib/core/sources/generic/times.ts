import type { Locale } from '../../locale';
import { formatInstant } from '../../time';
import type { Leaf } from './flatten';

/** Keys that name an instant: "startDate", "stopDate", "eventTime", "createdAt", "timestamp". */
const TIME_KEY = /(?:[dD]ate|[tT]ime|[tT]imestamp|At)$/;
/** Epoch milliseconds between 2001-09-09 and 2286-11-20: thirteen digits. */
const EPOCH_MS = /^\d{13}$/;

/**
 * A leaf holding an instant as epoch milliseconds (Step Functions' `startDate`, say) written as a
 * date people read, in the configured zone, with the raw number kept after it; any other leaf as it is.
 * @example readableTime({ path: 'startDate', value: '1551225146847' }, 'UTC', 'en').value // "2019-02-26 23:52:26 UTC (1551225146847)"
 */
export function readableTime(leaf: Leaf, timeZone: string, locale: Locale): Leaf {
  const key = leaf.path.slice(leaf.path.lastIndexOf('.') + 1);
  if (!TIME_KEY.test(key) || !EPOCH_MS.test(leaf.value)) return leaf;
  return { ...leaf, value: `${formatInstant(new Date(Number(leaf.value)), timeZone, locale)} (${leaf.value})` };
}
