import { isRecord } from '../../schemas/parse';
import type { CloudTrailRecord } from './schemas';

/** Layout choice: longest request-parameter value shown (policy documents can be kilobytes). */
export const MAX_PARAM_CHARS = 300;

/** The value at a dot path (`ipPermissions.items`) inside `requestParameters`, if any. */
export function requestParam(record: CloudTrailRecord, path: string): unknown {
  // Walked by index rather than split: one array and a string per key, every call, added up.
  let value: unknown = record.requestParameters;
  let start = 0;
  for (;;) {
    const dot = path.indexOf('.', start);
    const key = dot === -1 ? (start === 0 ? path : path.slice(start)) : path.slice(start, dot);
    value = isRecord(value) ? value[key] : undefined;
    if (dot === -1) return value;
    start = dot + 1;
  }
}

/** A parameter value for people: strings as-is, others as JSON, cut at {@link MAX_PARAM_CHARS} with "…". */
export function showValue(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  if (shown === undefined) return undefined;
  return shown.length <= MAX_PARAM_CHARS ? shown : `${shown.slice(0, MAX_PARAM_CHARS - 1)}…`;
}

/** The event source of every AWS sign-in event (console, Identity Center portal, Support Center). */
export const SIGN_IN_EVENT_SOURCE = 'signin.amazonaws.com';

/** True for an AWS sign-in event: ConsoleLogin, CheckMfa, PasswordUpdated, SwitchRole, CredentialVerification… */
export const isSignInEvent = (record: CloudTrailRecord): boolean => record.eventSource === SIGN_IN_EVENT_SOURCE;

/**
 * The outcome AWS sign-in recorded for a sign-in event, as written ("Success", "Failure"): under the
 * event's own name in `responseElements` (ConsoleLogin, CheckMfa, PasswordUpdated, SwitchRole,
 * ExternalIdPDirectoryLogin, RenewRoleSession…) or, for the steps Identity Center records as service
 * events, in `serviceEventDetails` (CredentialChallenge, CredentialVerification, UserAuthentication).
 * Undefined for other events and for sign-in events that record none.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/understanding-sign-in-events.html
 *
 * @example signInOutcome(passwordUpdatedRecord) // "Failure" for { responseElements: { PasswordUpdated: "Failure" } }
 */
export function signInOutcome(record: CloudTrailRecord): string | undefined {
  if (!isSignInEvent(record)) return undefined;
  for (const holder of [record.responseElements, record.serviceEventDetails]) {
    const outcome = holder?.[record.eventName];
    if (typeof outcome === 'string') return outcome;
  }
  return undefined;
}

/**
 * True when a sign-in event says the step failed: its outcome is "Failure", or it carries an
 * `errorMessage` ("Failed authentication", "No username found in supplied account"), which AWS
 * sign-in writes only on failures.
 */
export function signInFailed(record: CloudTrailRecord): boolean {
  if (!isSignInEvent(record)) return false;
  return signInOutcome(record)?.toLowerCase() === 'failure' || Boolean(record.errorMessage);
}

/** True when the call did what was asked: no errorCode, and not a failed sign-in step of any kind. */
export function succeeded(record: CloudTrailRecord): boolean {
  return !record.errorCode && !signInFailed(record);
}

/** `additionalEventData.MFAUsed` of a sign-in event, lower-cased ("yes" / "no"), if present. */
export function mfaUsedAtSignIn(record: CloudTrailRecord): string | undefined {
  const used = record.additionalEventData?.MFAUsed;
  return typeof used === 'string' ? used.toLowerCase() : undefined;
}

/** What the event source of an AWS service ends with. */
const AWS_SERVICE_HOST_SUFFIX = '.amazonaws.com';

/** "cloudtrail" for "cloudtrail.amazonaws.com". */
export function serviceOf(eventSource: string): string {
  return eventSource.endsWith(AWS_SERVICE_HOST_SUFFIX)
    ? eventSource.slice(0, -AWS_SERVICE_HOST_SUFFIX.length)
    : eventSource;
}
