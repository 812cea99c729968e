import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Locale, localeSchema, type RenderContext } from '../lib/core/locale';
import { isValidTimeZone } from '../lib/core/time';
import { UsageError } from './errors';

/** Flags every rendering command shares. */
export const renderFlags = {
  format: { type: 'string', default: 'text' },
  locale: { type: 'string', default: 'en' },
  'time-zone': { type: 'string', default: 'UTC' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export const formats = ['text', 'json'] as const;
export type Format = (typeof formats)[number];

/** parseArgs, with its errors turned into one-line usage errors. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? 'bad arguments') : String(error));
  }
}

/** Validates --format. */
export function toFormat(value: string | undefined): Format {
  const format = formats.find((f) => f === value);
  if (!format) throw new UsageError(`--format: "${value}" is not one of ${formats.join(', ')}`);
  return format;
}

/** Builds the render context from --locale, --time-zone and --now (default: the real clock). */
export function toRenderContext(values: { locale?: string; 'time-zone'?: string; now?: string }): RenderContext {
  const locale = localeSchema.safeParse(values.locale);
  if (!locale.success) {
    throw new UsageError(`--locale: "${values.locale}" is not one of ${localeSchema.options.join(', ')}`);
  }
  const timeZone = values['time-zone'] ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    throw new UsageError(`--time-zone: "${timeZone}" is not an IANA time zone (e.g. UTC, Asia/Tokyo)`);
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now: "${values.now}" is not an ISO 8601 date-time`);
  return { locale: locale.data as Locale, timeZone, now };
}
