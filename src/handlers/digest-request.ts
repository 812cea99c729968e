import { InputError } from '../lib/core/errors';
import { ellipsize } from '../lib/core/render/truncate';
import { isIsoDate } from '../lib/core/sources/cost-digest/digest-dates';

/** What an invocation of the digest asks for: the schedule sends `{}`; a person may name a date or force a rerun. */
export interface DigestRequest {
  /** `{"date":"2026-11-24"}`: the run date (the digest reports on the period before it). */
  readonly date?: string;
  /** `{"force":true}`: deliver again although this period's digest was delivered (a rerun after a fix). */
  readonly force: boolean;
}

const fieldOf = (event: unknown, name: string): unknown =>
  typeof event === 'object' && event !== null ? (event as Record<string, unknown>)[name] : undefined;

/**
 * Reads the invocation's input.
 * @throws InputError naming the field: a date that is not YYYY-MM-DD, a force that is not a boolean.
 * @example readDigestRequest({ date: '2026-11-24', force: true }) // { date: '2026-11-24', force: true }
 */
export function readDigestRequest(event: unknown): DigestRequest {
  const date = fieldOf(event, 'date');
  const force = fieldOf(event, 'force');
  // Never String(value): an array or object of any size or depth may arrive here.
  if (date !== undefined && typeof date !== 'string')
    throw new InputError(`expected a YYYY-MM-DD date, got ${typeof date}`, 'date');
  if (typeof date === 'string' && !isIsoDate(date))
    throw new InputError(`"${ellipsize(date, 40)}" is not a YYYY-MM-DD date`, 'date');
  if (force !== undefined && typeof force !== 'boolean')
    throw new InputError(`expected true or false, got ${typeof force}`, 'force');
  return { ...(date ? { date } : {}), force: force === true };
}
