import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wrapCloudTrailRecord } from '../../../../../src/lib/core/envelopes/cloudtrail';

/** Where the CloudTrail fixtures live (see tests/fixtures/SOURCES.md). */
export const CLOUDTRAIL_FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'cloudtrail');
const RECORDS = join(CLOUDTRAIL_FIXTURES, 'records');

/** Wraps a raw record as EventBridge would deliver it, with a fixed id per position (stable snapshots). */
export function wrapRecord(record: Record<string, unknown>, index = 0): Record<string, unknown> {
  return wrapCloudTrailRecord(record, `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
}

/** One EventBridge event from the fixtures, with a readable name. */
export interface FixtureEvent {
  readonly name: string;
  readonly event: Record<string, unknown>;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** One CloudTrail fixture file as it is: a raw record, a log file (`{"Records": [...]}`) or an EventBridge event. */
export interface FixtureFile {
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/** Every CloudTrail fixture file, unchanged: what a user hands to `notifier render`. */
export function cloudTrailFixtureFiles(): FixtureFile[] {
  const records = readdirSync(RECORDS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ name: `records/${file}`, input: readJson(join(RECORDS, file)) }));
  const envelopes = readdirSync(CLOUDTRAIL_FIXTURES)
    .filter((f) => f.startsWith('eventbridge-') && f.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, input: readJson(join(CLOUDTRAIL_FIXTURES, file)) }));
  return [...records, ...envelopes];
}

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
