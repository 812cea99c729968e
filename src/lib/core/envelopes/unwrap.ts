import { InputError } from '../errors';
import { isRecord } from '../schemas/parse';
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
 * @throws InputError when the input is neither an object nor a string, or its envelope is broken.
 * @example unwrap(snsEvent).items[0].path // "Records[0].Sns.Message"
 */
export function unwrap(input: unknown): Unwrapped {
  if (typeof input === 'string') {
    if (input.trim() === '') throw new InputError('empty message');
    const payload = parseMessage(input);
    return { items: [{ path: '', payload, isMessage: true }], errors: [] };
  }
  if (!isRecord(input)) throw new InputError(`expected a JSON object or a message string, got ${describe(input)}`);
  if ('Records' in input && isCloudTrailLog(input.Records)) {
    return { items: unwrapCloudTrailLog(input.Records as Record<string, unknown>[]), errors: [] };
  }
  if ('Records' in input) return unwrapSnsEvent(input.Records);
  if (isCloudTrailRecord(input)) return { items: [unwrapCloudTrailRecord(input)], errors: [] };
  if (isSnsHttpBody(input)) return { items: [unwrapSnsHttpBody(input)], errors: [] };
  return { items: [{ path: '', payload: input, isMessage: false }], errors: [] };
}
