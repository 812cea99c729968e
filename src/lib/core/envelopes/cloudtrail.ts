import { InputError } from '../errors';
import { isRecord } from '../schemas/parse';
import { API_CALL_DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE, SIGN_IN_DETAIL_TYPE } from '../sources/cloudtrail/schemas';
import { checkBounds } from './bounds';
import type { UnwrappedItem } from './types';

/**
 * Detail-type by `eventType`, compared case-insensitively (one AWS docs sample spells it
 * "AwsConsoleSignin"); records without one fall back to their event source.
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure.html
 */
const detailTypeByEventType: Readonly<Record<string, string>> = {
  awsconsolesignin: SIGN_IN_DETAIL_TYPE,
  awsserviceevent: SERVICE_EVENT_DETAIL_TYPE,
  awscloudtrailinsight: 'AWS Insight via CloudTrail',
};

/** The suffix of a CloudTrail event source that EventBridge leaves out of its `source`. */
const SERVICE_DOMAIN = '.amazonaws.com';

/** "aws.ec2" for "ec2.amazonaws.com", as EventBridge names CloudTrail event sources. */
const sourceOf = (eventSource: unknown) =>
  typeof eventSource !== 'string'
    ? 'aws.cloudtrail'
    : `aws.${eventSource.endsWith(SERVICE_DOMAIN) ? eventSource.slice(0, -SERVICE_DOMAIN.length) : eventSource}`;

/**
 * True for a raw CloudTrail record (as in a log file in S3 or an Event history download): it has an
 * `eventVersion` and an `eventTime`, and an `eventSource` or (Insights events) an `eventType`.
 */
export function isCloudTrailRecord(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value.eventVersion === 'string' &&
    typeof value.eventTime === 'string' &&
    (typeof value.eventSource === 'string' || typeof value.eventType === 'string')
  );
}

/**
 * Wraps one raw CloudTrail record into the EventBridge envelope AWS delivers it in; `detail` is the
 * record unchanged. Lets people render records they have from log files as the Lambda would see them.
 *
 * @example wrapCloudTrailRecord(record)['detail-type'] // "AWS API Call via CloudTrail"
 */
export function wrapCloudTrailRecord(record: Record<string, unknown>, id?: string): Record<string, unknown> {
  const eventType = typeof record.eventType === 'string' ? record.eventType.toLowerCase() : '';
  const eventId = id ?? (typeof record.eventID === 'string' ? record.eventID : undefined);
  // Key by key in the envelope's order (no small object spread for the optional id).
  const event: Record<string, unknown> = { version: '0' };
  if (eventId) event.id = eventId;
  event['detail-type'] =
    detailTypeByEventType[eventType] ??
    (record.eventSource === 'signin.amazonaws.com' ? SIGN_IN_DETAIL_TYPE : API_CALL_DETAIL_TYPE);
  event.source = sourceOf(record.eventSource);
  event.account = record.recipientAccountId ?? (record.userIdentity as { accountId?: unknown } | undefined)?.accountId;
  event.time = record.eventTime;
  event.region = record.awsRegion;
  event.resources = [];
  event.detail = record;
  return event;
}

/** True for a CloudTrail log file (`{"Records": [record, …]}`) rather than an SNS→Lambda event. */
export function isCloudTrailLog(records: unknown): records is unknown[] {
  return Array.isArray(records) && records.length > 0 && records.every(isCloudTrailRecord);
}

/**
 * One EventBridge event per record of a CloudTrail log file, at `Records[i]`. A record larger than
 * an event can be, or nested too deep, becomes an error naming it; the others are still read.
 */
export function unwrapCloudTrailLog(records: Record<string, unknown>[]): {
  items: UnwrappedItem[];
  errors: InputError[];
} {
  const items: UnwrappedItem[] = [];
  const errors: InputError[] = [];
  records.forEach((record, i) => {
    const path = `Records[${i}]`;
    try {
      checkBounds(record, path);
      items.push({ path, payload: wrapCloudTrailRecord(record), isMessage: false });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
    }
  });
  return { items, errors };
}

/** A single raw CloudTrail record, as EventBridge would deliver it. */
export function unwrapCloudTrailRecord(record: Record<string, unknown>): UnwrappedItem {
  return { path: '', payload: wrapCloudTrailRecord(record), isMessage: false };
}
