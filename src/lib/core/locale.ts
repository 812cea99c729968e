import * as z from './schemas/zod';

/** Languages every fixed string exists in. */
export const localeSchema = z.enum(['en', 'ja']);
export type Locale = z.infer<typeof localeSchema>;

/** The Intl locale of each of our locales (numbers, dates, money, zone names). */
export const intlLocales = { en: 'en-US', ja: 'ja-JP' } as const satisfies Record<Locale, string>;

/**
 * What every interpreter and renderer needs besides the event: language, IANA time zone and the
 * current instant (the core never reads a clock).
 */
export interface RenderContext {
  readonly locale: Locale;
  /** IANA zone name, e.g. "Asia/Tokyo". */
  readonly timeZone: string;
  readonly now: Date;
}
