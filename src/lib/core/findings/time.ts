import { isCanonicalIso, MILLIS_ISO_LENGTH } from '../instant';

/** RFC 1123 as AWS Health writes it: `Sat, 05 Jun 2016 15:10:09 GMT`. */
const RFC_1123 =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/;
const MONTH_NUMBERS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

/**
 * The ISO instant of an RFC 1123 date whose fields are all in range, from year 1000 (the day name
 * is not checked against the date: Date.parse does not either); undefined for anything else, which
 * Date.parse then reads. Pinned to Date.parse by a property test.
 */
function rfc1123Iso(text: string): string | undefined {
  const m = RFC_1123.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${MONTH_NUMBERS[m[2] as string]}-${m[1]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  return isCanonicalIso(iso) && !iso.startsWith('0') ? iso : undefined;
}

/**
 * An ISO 8601 instant for an AWS timestamp, or undefined when the text is not a date. Accepts what
 * the security products send: ISO (`2022-03-01T14:27:24.071Z`), RFC 1123 (AWS Health:
 * `Sat, 05 Jun 2016 15:10:09 GMT`) and Inspector's `Wed Sep 04 17:00:36.951 UTC 2024`.
 *
 * @example findingInstant('Wed Sep 04 17:00:36.951 UTC 2024') // "2024-09-04T17:00:36.951Z"
 */
export function findingInstant(text: unknown): string | undefined {
  if (typeof text !== 'string' || text === '' || text.length > 64) return undefined;
  // Already canonical (most are): the answer is the text, without a Date and its parse.
  if (isCanonicalIso(text)) return text.length === MILLIS_ISO_LENGTH ? text : `${text.slice(0, 19)}.000Z`;
  // AWS Health's dates: read by their fields, not by Date.parse's slow fallback parser.
  const rfc = rfc1123Iso(text);
  if (rfc !== undefined) return rfc;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
