import type * as z from '../../schemas/zod';
import type { DigestSource } from './digest-input';
import { sourceErrorSchema } from './digest-input';
import type { DigestNote, ErrorKind } from './digest-model';

/** AWS error names → what people can do about them. Anything else is `other`. */
const errorKinds: Readonly<Record<string, ErrorKind>> = {
  AccessDenied: 'accessDenied',
  AccessDeniedException: 'accessDenied',
  UnauthorizedOperation: 'accessDenied',
  UnrecognizedClientException: 'accessDenied',
  DataUnavailableException: 'dataUnavailable',
  BillExpirationException: 'dataUnavailable',
  OptInRequired: 'notEnabled',
  OptInRequiredException: 'notEnabled',
  SubscriptionRequiredException: 'notEnabled',
  ThrottlingException: 'throttled',
  LimitExceededException: 'throttled',
  RequestLimitExceeded: 'throttled',
};

/** The kind of an AWS error name; Cost Explorer also says "not enabled" in an AccessDenied message. */
export function errorKindOf(name: string, message = ''): ErrorKind {
  if (/not (been )?enabled|opt.?in/i.test(message) && !/not authorized/i.test(message)) return 'notEnabled';
  return errorKinds[name] ?? 'other';
}

/** One source read: its pages (one or more), or the note saying why there are none. */
export type SourceRead<T> = { pages: T[]; note?: undefined } | { pages?: undefined; note: DigestNote };

/**
 * Validates one entry of the digest data: absent → `missing`, `{ error }` → `failed` with its
 * kind, wrong shape → `unreadable`, else the page(s).
 */
export function readSource<S extends z.ZodMiniType>(
  value: unknown,
  schema: S,
  source: DigestSource,
): SourceRead<z.infer<S>> {
  if (value === undefined || value === null) return { note: { code: 'missing', source } };
  const failure = sourceErrorSchema.safeParse(value);
  if (failure.success) {
    const { name, message = '' } = failure.data.error;
    const detail = message && message !== name ? `${name}: ${message}` : name;
    return { note: { code: 'failed', source, errorKind: errorKindOf(name, message), detail } };
  }
  const list = Array.isArray(value) ? value : [value];
  const pages: Array<z.infer<S>> = [];
  for (const item of list) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) return { note: { code: 'unreadable', source } };
    pages.push(parsed.data);
  }
  return { pages };
}
