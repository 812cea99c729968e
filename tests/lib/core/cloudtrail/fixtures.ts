import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_CALL_DETAIL_TYPE, SIGN_IN_DETAIL_TYPE } from '../../../../src/lib/core/cloudtrail';

/** Where the CloudTrail fixtures live (see tests/fixtures/SOURCES.md). */
export const CLOUDTRAIL_FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'cloudtrail');
const RECORDS = join(CLOUDTRAIL_FIXTURES, 'records');

/**
 * Detail-type by `eventType`, compared case-insensitively (one docs sample spells it "AwsConsoleSignin");
 * records without one fall back to their event source (sign-in events come from signin.amazonaws.com).
 */
const detailTypeByEventType: Readonly<Record<string, string>> = {
  awsconsolesignin: SIGN_IN_DETAIL_TYPE,
  awscloudtrailinsight: 'AWS Insight via CloudTrail',
};

/** "aws.ec2" for "ec2.amazonaws.com", as EventBridge names CloudTrail sources. */
const sourceOf = (eventSource: unknown) =>
  typeof eventSource === 'string' ? `aws.${eventSource.replace(/\.amazonaws\.com$/, '')}` : 'aws.cloudtrail';

/**
 * Wraps one raw CloudTrail record into the EventBridge envelope AWS delivers it in; `detail` is the
 * record unchanged.
 */
export function wrapRecord(record: Record<string, unknown>, index = 0): Record<string, unknown> {
  const eventType = typeof record.eventType === 'string' ? record.eventType.toLowerCase() : '';
  return {
    version: '0',
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    'detail-type':
      detailTypeByEventType[eventType] ??
      (record.eventSource === 'signin.amazonaws.com' ? SIGN_IN_DETAIL_TYPE : API_CALL_DETAIL_TYPE),
    source: sourceOf(record.eventSource),
    account: record.recipientAccountId ?? (record.userIdentity as { accountId?: unknown } | undefined)?.accountId,
    time: record.eventTime,
    region: record.awsRegion,
    resources: [],
    detail: record,
  };
}

/** One EventBridge event from the fixtures, with a readable name. */
export interface FixtureEvent {
  readonly name: string;
  readonly event: Record<string, unknown>;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** Every CloudTrail fixture as EventBridge events: records wrapped (a log file gives one per record), envelopes as-is. */
export function cloudTrailFixtureEvents(): FixtureEvent[] {
  const records = readdirSync(RECORDS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const json = readJson(join(RECORDS, file));
      const list = Array.isArray(json.Records) ? (json.Records as Array<Record<string, unknown>>) : [json];
      return list.map((record, i) => ({
        name: list.length > 1 ? `records/${file}#${i}` : `records/${file}`,
        event: wrapRecord(record, i),
      }));
    });
  const envelopes = readdirSync(CLOUDTRAIL_FIXTURES)
    .filter((f) => f.startsWith('eventbridge-') && f.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, event: readJson(join(CLOUDTRAIL_FIXTURES, file)) }));
  return [...records, ...envelopes];
}

/** The record of one fixture file, wrapped (first record of a log file). */
export function fixtureEvent(file: string): Record<string, unknown> {
  const found = cloudTrailFixtureEvents().find((f) => f.name === file || f.name === `records/${file}`);
  if (!found) throw new Error(`no CloudTrail fixture ${file}`);
  return structuredClone(found.event);
}
