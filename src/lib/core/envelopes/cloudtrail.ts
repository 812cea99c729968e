import { isCloudTrailRecord, wrapCloudTrailRecord } from '../sources/cloudtrail/envelope';
import type { UnwrappedItem } from './types';

/** True for a CloudTrail log file (`{"Records": [record, …]}`) rather than an SNS→Lambda event. */
export function isCloudTrailLog(records: unknown): records is unknown[] {
  return Array.isArray(records) && records.length > 0 && records.every(isCloudTrailRecord);
}

/** One EventBridge event per record of a CloudTrail log file, at `Records[i]`. */
export function unwrapCloudTrailLog(records: Record<string, unknown>[]): UnwrappedItem[] {
  return records.map((record, i) => ({
    path: `Records[${i}]`,
    payload: wrapCloudTrailRecord(record),
    isMessage: false,
  }));
}

/** A single raw CloudTrail record, as EventBridge would deliver it. */
export function unwrapCloudTrailRecord(record: Record<string, unknown>): UnwrappedItem {
  return { path: '', payload: wrapCloudTrailRecord(record), isMessage: false };
}
