import type { RenderContext } from '../../locale';
import type { Notification } from '../../notification';
import { computeDigest, type DigestOptions } from './compute-digest';
import type { DigestData } from './digest-input';
import type { DigestNote } from './digest-model';
import { interpretDigest } from './interpret-digest';

/** A digest notification and the notes on its sources (locale-free, for logs and the CLI's checks). */
export interface BuiltDigest {
  readonly notification: Notification;
  readonly notes: readonly DigestNote[];
}

/**
 * The one pure way to a cost digest: computes the figures of `options.period` (default daily) from
 * the raw responses and words them in `ctx.locale`. The function and `notifier digest` both come
 * here, through src/lib/cost-digest.ts.
 * @example buildDigestNotification(data, { period: 'weekly', date: '2024-05-14' }, ctx).notification.title
 */
export function buildDigestNotification(data: DigestData, options: DigestOptions, ctx: RenderContext): BuiltDigest {
  const digest = computeDigest(data, options);
  return { notification: interpretDigest(digest, ctx), notes: digest.notes };
}
