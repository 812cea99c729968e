import { ConfigError } from '../errors';
import { parseMatchArgs } from './match-args';
import { SILENCE_ID, type Silence, silenceSchema } from './schema';

/** Longest silence `notifier silence add` sets: a longer mute is a routing decision, not a maintenance. */
export const MAX_SILENCE_DAYS = 31;

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
const DURATION = /^(?:\d{1,4}[dhm])+$/;

/**
 * Reads a duration such as `2h`, `90m`, `1d12h` (days, hours, minutes) into milliseconds.
 * @throws ConfigError naming the flag
 * @example parseDuration('2h30m', '--for') // 9_000_000
 */
export function parseDuration(text: string, flag: string): number {
  if (!DURATION.test(text)) throw new ConfigError(`${flag}: "${text}" is not a duration such as 2h, 90m or 1d12h`);
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([dhm])/g))
    ms += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  if (ms <= 0) throw new ConfigError(`${flag}: "${text}" is no time at all`);
  return ms;
}

/** What `notifier silence add` was given. */
export interface SilenceRequest {
  readonly match: readonly string[];
  readonly for?: string;
  readonly until?: string;
  readonly start?: string;
  readonly id?: string;
  readonly comment?: string;
}

const instant = (text: string, flag: string): number => {
  const ms = Date.parse(text);
  if (!/[zZ]|[+-]\d\d:\d\d$/.test(text) || Number.isNaN(ms))
    throw new ConfigError(`${flag}: "${text}" is not an ISO 8601 time with a zone, such as 2026-12-01T22:00:00Z`);
  return ms;
};

/** `silence-20261129-120000`: the start in UTC, readable and sortable. */
const defaultId = (start: number) =>
  `silence-${new Date(start).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;

/**
 * Builds the silence `notifier silence add` stores: matchers from `--match`, a window from `--start`
 * (default now) for `--for` or until `--until`, at most {@link MAX_SILENCE_DAYS} days. Pure.
 * @throws ConfigError naming the flag
 * @example buildSilence({ match: ['alarm=web-*'], for: '2h' }, now) // { id: 'silence-20261129-120000', match: { alarm: ['web-*'] }, … }
 */
export function buildSilence(request: SilenceRequest, now: Date): Silence {
  if (request.match.length === 0)
    throw new ConfigError('silence add: --match KEY=GLOB is required (e.g. --match alarm=web-*)');
  if ((request.for === undefined) === (request.until === undefined))
    throw new ConfigError('silence add: give either --for DURATION or --until TIME');
  const start = request.start === undefined ? now.getTime() : instant(request.start, '--start');
  const end =
    request.until !== undefined ? instant(request.until, '--until') : start + parseDuration(request.for ?? '', '--for');
  if (end <= Math.max(start, now.getTime()))
    throw new ConfigError('silence add: the silence would end before it starts or in the past');
  if (end - start > MAX_SILENCE_DAYS * UNIT_MS.d)
    throw new ConfigError(`silence add: at most ${MAX_SILENCE_DAYS} days; for longer, change the routing file`);
  const id = request.id ?? defaultId(start);
  if (!SILENCE_ID.test(id))
    throw new ConfigError(`--id: "${id}" must be lower-case letters, digits, ".", "-" and "_" (at most 64)`);
  const silence = {
    id,
    match: parseMatchArgs(request.match),
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    ...(request.comment ? { comment: request.comment } : {}),
  };
  return silenceSchema.parse(silence);
}
