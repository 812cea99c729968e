import { InputError } from '../errors';
import { isRecord } from '../schemas/parse';
import { checkBounds } from './bounds';
import { isCloudTrailLog, isCloudTrailRecord, unwrapCloudTrailLog, unwrapCloudTrailRecord } from './cloudtrail';
import { parseMessage } from './message';
import { unwrapSnsEvent, unwrapSnsHttpBody } from './sns';
import type { UnwrappedItem } from './types';

/** Everything found in one input: the messages, and the records that could not be read. */
export interface Unwrapped {
  items: UnwrappedItem[];
  errors: InputError[];
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/** SNS HTTP bodies are recognised by the fields every SNS message type has. */
const isSnsHttpBody = (value: Record<string, unknown>): boolean =>
  typeof value.Type === 'string' && typeof value.MessageId === 'string' && typeof value.TopicArn === 'string';

/**
 * Unwraps any input our functions receive into the messages it carries:
 * - an SNS→Lambda event (`Records[].Sns.Message`, each parsed when it is JSON),
 * - an SNS HTTP(S) body (`Type`, `MessageId`, `TopicArn`, `Message`),
 * - a bare message string (plain text, or JSON text),
 * - a CloudTrail log file (`{"Records": [record, …]}`) or a single raw CloudTrail record, each record
 *   wrapped as the EventBridge event AWS would deliver,
 * - anything else as itself (an EventBridge event, a Lambda alarm action, a classic alarm message).
 *
 * Size and nesting are bounded first (see bounds.ts): an input, or a record of a batch, larger
 * than AWS delivers or nested deeper than 64 levels is an InputError before anything reads it; in
 * a batch it is that record's error and the other records are still read.
 *
 * @throws InputError when the input is neither an object nor a string, is out of bounds, or its
 *   envelope is broken.
 * @example unwrap(snsEvent).items[0].path // "Records[0].Sns.Message"
 */
export function unwrap(input: unknown): Unwrapped {
  if (typeof input === 'string') {
    if (input.trim() === '') throw new InputError('empty message');
    const payload = parseMessage(input);
    return { items: [{ path: '', payload, isMessage: true }], errors: [] };
  }
  if (!isRecord(input)) throw new InputError(`expected a JSON object or a message string, got ${describe(input)}`);
  if ('Records' in input) {
    // The batch's own fields here; each record is bounded on its own, so one bad record is only its error.
    checkBounds({ ...input, Records: [] }, '');
    if (isCloudTrailLog(input.Records)) return unwrapCloudTrailLog(input.Records as Record<string, unknown>[]);
    return unwrapSnsEvent(input.Records);
  }
  checkBounds(input, '');
  if (isCloudTrailRecord(input)) return { items: [unwrapCloudTrailRecord(input)], errors: [] };
  if (isSnsHttpBody(input)) return { items: [unwrapSnsHttpBody(input)], errors: [] };
  return { items: [{ path: '', payload: input, isMessage: false }], errors: [] };
}
