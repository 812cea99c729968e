import { oneLine } from '../render/sanitize';
import { ellipsize } from '../render/truncate';
import * as z from '../schemas/zod';

/** Characters of a reason or a subject shown on a redrive line. */
const MAX_REASON_CHARS = 160;
const MAX_SUBJECT_CHARS = 100;
/** A URL's path and query may be a credential (a webhook): only its host is ever shown. */
const URL_PATTERN = /\bhttps?:\/\/([^\s/"'<>?#]+)[^\s"'<>]*/gi;

/**
 * The record Lambda's on-failure destination writes (conditions `RetriesExhausted`,
 * `EventAgeExceeded`), and the one the functions write themselves for a permanent failure
 * (`PermanentFailure`, src/lib/adapters/dead-letter-queue.ts): the original event in
 * `requestPayload`, the error in `responsePayload`.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
export const invocationRecordSchema = z.object({
  version: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  requestContext: z.object({
    requestId: z.optional(z.string()),
    functionArn: z.string(),
    condition: z.optional(z.string()),
    approximateInvokeCount: z.optional(z.number()),
  }),
  requestPayload: z.unknown(),
  responseContext: z.optional(
    z.looseObject({ statusCode: z.optional(z.number()), functionError: z.optional(z.string()) }),
  ),
  responsePayload: z.optional(z.unknown()),
});

/** What a dead-letter queue message is: a failed invocation to re-invoke, or a queue's message to send back. */
export type Letter =
  | {
      readonly kind: 'invocation';
      /** The function's name (from its ARN, without a `$LATEST` qualifier). */
      readonly functionName: string;
      readonly functionArn: string;
      /** e.g. RetriesExhausted, EventAgeExceeded, PermanentFailure. */
      readonly condition: string;
      readonly reason: string;
      /** The original event, to invoke the function with again. */
      readonly payload: unknown;
      readonly subject?: string;
    }
  | {
      readonly kind: 'message';
      /** The queue it was dead-lettered from, when SQS said so (DeadLetterQueueSourceArn). */
      readonly sourceQueueArn?: string;
      readonly reason: string;
      readonly subject?: string;
    };

/** One line, no URL paths, at most `max` characters. */
const shown = (text: string, max: number) =>
  ellipsize(oneLine(text.replace(URL_PATTERN, (_, host: string) => host)), max);

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/**
 * What people would call the payload, if anything: an SNS record's or SNS message's Subject (or
 * its notification's title), a notification's title, an EventBridge event's detail-type and alarm name.
 */
function subjectOf(payload: unknown): string | undefined {
  const p = asRecord(payload);
  if (p === undefined) return undefined;
  const records = Array.isArray(p.Records) ? p.Records : undefined;
  if (records) {
    const sns = asRecord(asRecord(records[0])?.Sns);
    const inner = asRecord(parseJson(String(sns?.Message ?? '')));
    const first = text(sns?.Subject) ?? text(inner?.title) ?? text(inner?.AlarmName);
    const more = records.length > 1 ? ` (+${records.length - 1} more)` : '';
    return first === undefined ? undefined : `${first}${more}`;
  }
  const message = asRecord(parseJson(String(p.Message ?? '')));
  const sns = text(p.Subject) ?? text(message?.title);
  if (sns !== undefined) return sns;
  const detail = asRecord(p.detail);
  const eventBridge = [text(p['detail-type']), text(detail?.alarmName) ?? text(detail?.eventName)].filter(Boolean);
  return text(p.title) ?? text(p.AlarmName) ?? (eventBridge.length > 0 ? eventBridge.join(': ') : undefined);
}

/** The function's name from its ARN (`arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]`). */
function functionNameOf(arn: string): string {
  const parts = arn.split(':');
  return parts[5] === 'function' && parts[6] ? parts[6] : arn;
}

/** Why an invocation failed: the error's type and message, or the record's condition. */
function invocationReason(record: z.infer<typeof invocationRecordSchema>): string {
  const response = asRecord(record.responsePayload);
  const type = text(response?.errorType);
  const message = text(response?.errorMessage);
  if (type || message) return [type, message].filter(Boolean).join(': ');
  return text(record.responseContext?.functionError) ?? record.requestContext.condition ?? 'unknown';
}

/**
 * Reads one dead-letter queue message: what failed, why, and what it was about, in words safe to
 * print (one line each, URLs reduced to their host, bounded). Pure; never throws.
 * @param attributes the message's attributes: SQS system attributes and message attributes' string values
 * @example readLetter(body, {}).kind // "invocation"
 */
export function readLetter(body: string, attributes: Readonly<Record<string, string | undefined>> = {}): Letter {
  const parsed = invocationRecordSchema.safeParse(parseJson(body));
  const subject = (payload: unknown) => {
    const s = subjectOf(payload);
    return s === undefined ? {} : { subject: shown(s, MAX_SUBJECT_CHARS) };
  };
  if (parsed.success) {
    const record = parsed.data;
    const functionArn = record.requestContext.functionArn;
    return {
      kind: 'invocation',
      functionName: functionNameOf(functionArn),
      functionArn,
      condition: record.requestContext.condition ?? 'unknown',
      reason: shown(invocationReason(record), MAX_REASON_CHARS),
      payload: record.requestPayload,
      ...subject(record.requestPayload),
    };
  }
  const source = attributes.DeadLetterQueueSourceArn;
  const receives = attributes.ApproximateReceiveCount;
  const reason = attributes.reason ?? (receives ? `received ${receives} times without success` : 'dead-lettered');
  return {
    kind: 'message',
    ...(source ? { sourceQueueArn: source } : {}),
    reason: shown(reason, MAX_REASON_CHARS),
    ...subject(parseJson(body)),
  };
}
