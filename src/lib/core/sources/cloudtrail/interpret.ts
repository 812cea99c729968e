import { InputError } from '../../errors';
import { fastSafeParse, isPlainObject } from '../../schemas/fast-parse';
import { formatPath } from '../../schemas/parse';
import type * as z from '../../schemas/zod';
import { type CloudTrailEvent, cloudTrailRecordSchema, eventBridgeEnvelopeSchema } from './schemas';

/** What is said of a `detail` that is not a JSON object. */
const NOT_AN_OBJECT = 'is missing or not an object';

function check<T extends z.ZodMiniType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = fastSafeParse(schema, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InputError(issue?.message ?? 'is not valid', formatPath(prefix, issue?.path ?? []), {
    cause: result.error,
  });
}

/**
 * Checks an EventBridge CloudTrail event: the envelope, then the record in `detail`.
 * @throws InputError naming the field, e.g. `detail.eventName: is missing or not a string`
 */
export function parseCloudTrailEvent(input: unknown): CloudTrailEvent {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError('a CloudTrail EventBridge event must be a JSON object');
  }
  const envelope = check(eventBridgeEnvelopeSchema, input, '');
  // The detail as received (z.record's test, without its copy): the record is its one parsed copy.
  const detail = envelope.detail;
  if (!isPlainObject(detail)) throw new InputError(NOT_AN_OBJECT, 'detail');
  const record = check(cloudTrailRecordSchema, detail, 'detail');
  return { envelope, record, raw: detail };
}
