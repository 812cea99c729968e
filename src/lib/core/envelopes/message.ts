import { isRecord } from '../schemas/parse';

/**
 * Reads an SNS `Message`: JSON objects are parsed (an alarm message, an EventBridge event sent on
 * by a rule, …); anything else — plain text, a JSON array or number — stays the text it was.
 *
 * @example parseMessage('{"AlarmName":"x"}') // { AlarmName: 'x' }
 * @example parseMessage('Hello from SNS!')   // 'Hello from SNS!'
 */
export function parseMessage(message: string): Record<string, unknown> | string {
  if (!message.trimStart().startsWith('{')) return message;
  try {
    const value: unknown = JSON.parse(message);
    return isRecord(value) ? value : message;
  } catch {
    return message;
  }
}
