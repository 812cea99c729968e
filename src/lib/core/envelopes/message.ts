import { isRecord } from '../schemas/parse';
import { checkBounds, checkMessageText, MAX_MESSAGE_BYTES } from './bounds';

/**
 * Reads an SNS `Message`: JSON objects are parsed (an alarm message, an EventBridge event sent on
 * by a rule, …); anything else — plain text, a JSON array or number — stays the text it was. The
 * text is bounded before it is parsed, and the parsed object is bounded in nesting (JSON.parse
 * itself is iterative in V8, so a deep text cannot overflow the stack there).
 *
 * @throws InputError at `path` when the message is larger than SNS allows or nested too deep.
 * @example parseMessage('{"AlarmName":"x"}') // { AlarmName: 'x' }
 * @example parseMessage('Hello from SNS!')   // 'Hello from SNS!'
 */
export function parseMessage(message: string, path = ''): Record<string, unknown> | string {
  checkMessageText(message, path);
  if (!message.trimStart().startsWith('{')) return message;
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return message;
  }
  if (!isRecord(value)) return message;
  checkBounds(value, path, MAX_MESSAGE_BYTES);
  return value;
}
