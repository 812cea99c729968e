import { isRecord } from '../../schemas/parse';
import type { CloudTrailRecord } from './schemas';

/** Layout choice: longest request-parameter value shown (policy documents can be kilobytes). */
export const MAX_PARAM_CHARS = 300;

/** The value at a dot path (`ipPermissions.items`) inside `requestParameters`, if any. */
export function requestParam(record: CloudTrailRecord, path: string): unknown {
  let value: unknown = record.requestParameters;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return value;
}

/** A parameter value for people: strings as-is, others as JSON, cut at {@link MAX_PARAM_CHARS} with "…". */
export function showValue(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  if (shown === undefined) return undefined;
  return shown.length <= MAX_PARAM_CHARS ? shown : `${shown.slice(0, MAX_PARAM_CHARS - 1)}…`;
}

/** The console sign-in outcome ("Success" / "Failure"), for sign-in events. */
export function signInOutcome(record: CloudTrailRecord): string | undefined {
  const outcome = record.responseElements?.ConsoleLogin;
  return typeof outcome === 'string' ? outcome : undefined;
}

/** True when the call did what was asked: no errorCode, and not a failed console sign-in. */
export function succeeded(record: CloudTrailRecord): boolean {
  return !record.errorCode && signInOutcome(record) !== 'Failure' && !(signInOutcome(record) && record.errorMessage);
}

/** `additionalEventData.MFAUsed` of a sign-in event, lower-cased ("yes" / "no"), if present. */
export function mfaUsedAtSignIn(record: CloudTrailRecord): string | undefined {
  const used = record.additionalEventData?.MFAUsed;
  return typeof used === 'string' ? used.toLowerCase() : undefined;
}

/** "cloudtrail" for "cloudtrail.amazonaws.com". */
export function serviceOf(eventSource: string): string {
  return eventSource.replace(/\.amazonaws\.com$/, '');
}
