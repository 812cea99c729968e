import { renderEmailJson } from '../channels/email/render-email';
import type { Notification } from '../notification';
import { jsonText } from '../render/json-text';
import { multiLine } from '../render/sanitize';
import { type SubjectLines, subjectLines } from '../render/subject';
import { truncateChars, utf8Length } from '../render/truncate';
import { messageAttributes, type SnsAttributes } from './attributes';
import { embeddedJson, jsonStringText } from './embedded-json';
import { SNS_MESSAGE_MAX_BYTES } from './limits';
import { fitNotification } from './sns-fit';

/** Layout choice: the `default` body (SMS, HTTP, SQS subscribers) is a short heads-up. */
const DEFAULT_SUMMARY_MAX_CHARS = 1_000;

/** The parameters of an SNS `Publish` call for one notification (TopicArn is the adapter's). */
export interface SnsPublishInput {
  Subject: string;
  Message: string;
  MessageStructure: 'json';
  MessageAttributes: SnsAttributes;
}

/**
 * The SNS publish of a notification: `MessageStructure: "json"` with `default` (subject and a short
 * summary), `email` ({@link renderEmail}), and `lambda` and `sqs` (the Notification as JSON, for
 * Lambda and SQS subscribers: the Slack queue, any other subscriber). When the whole publish would exceed 256 KB of UTF-8 (subject
 * and attributes included), the longest values are truncated visibly in both the email text and the
 * Notification copy until it fits; it is never rejected.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-send-custom-platform-specific-payloads-mobile-devices.html
 *
 * @example await sns.send(new PublishCommand({ TopicArn, ...buildSnsPublish(n) }))
 */
export function buildSnsPublish(n: Notification): SnsPublishInput {
  return fitForSns(n).publish;
}

/**
 * The notification as it is published: `n` itself, or, when its publish would exceed 256 KB, the
 * largest visibly shortened copy that fits. Every channel renders this one, so what the CLI shows is
 * what subscribers receive.
 */
export function fitToSns(n: Notification): Notification {
  return fitForSns(n).notification;
}

/** A notification as published, and its publish. */
export interface FittedPublish {
  readonly notification: Notification;
  readonly publish: SnsPublishInput;
}

/**
 * {@link fitToSns} and {@link buildSnsPublish} at once, rendering the publish once: fitting renders
 * it to measure it, and the publish that fit is the one returned.
 * @example const { notification, publish } = fitForSns(n);
 */
export function fitForSns(n: Notification): FittedPublish {
  // The subject is always the original's (short by itself); only the body is shortened.
  const lines = subjectLines(n);
  // The last candidate that fit and its publish: the one fitNotification returns, unless it
  // returns a candidate it never measured.
  let fitted: Notification | undefined;
  let fittedPublish: SnsPublishInput | undefined;
  const notification = fitNotification(n, (candidate) => {
    const publish = publishOf(candidate, lines.subject, candidate === n ? lines : subjectLines(candidate));
    const fits = fitsSnsMessage(publish);
    if (fits) {
      fitted = candidate;
      fittedPublish = publish;
    }
    return fits;
  });
  return {
    notification,
    publish:
      notification === fitted && fittedPublish
        ? fittedPublish
        : publishOf(notification, lines.subject, subjectLines(notification)),
  };
}

/**
 * The publish of `n` under `Subject` (the original's), `own` being `n`'s own subject lines (the
 * `default` and `email` bodies' first lines; a shortened copy's title may be shorter).
 */
function publishOf(n: Notification, Subject: string, own: SubjectLines): SnsPublishInput {
  return {
    Subject,
    Message: message(n, own),
    MessageStructure: 'json',
    MessageAttributes: messageAttributes(n),
  };
}

/** UTF-8 bytes of a publish as SNS counts them: subject, message and every attribute's parts. */
export function publishBytes(input: SnsPublishInput): number {
  return utf8Length(input.Subject) + utf8Length(input.Message) + attributeBytes(input.MessageAttributes);
}

/**
 * True when the publish is within {@link SNS_MESSAGE_MAX_BYTES}. A UTF-16 code unit takes at most
 * three bytes of UTF-8 (a surrogate pair, two units, takes four), so a publish whose length in
 * units times three is within the limit fits without counting its bytes.
 */
export function fitsSnsMessage(input: SnsPublishInput): boolean {
  const { category, severity } = input.MessageAttributes;
  const units =
    input.Subject.length +
    input.Message.length +
    ATTRIBUTE_NAMES_LENGTH +
    category.DataType.length +
    category.StringValue.length +
    severity.DataType.length +
    severity.StringValue.length;
  return units * MAX_UTF8_BYTES_PER_UNIT <= SNS_MESSAGE_MAX_BYTES || publishBytes(input) <= SNS_MESSAGE_MAX_BYTES;
}

/** The length of the attributes' names, `category` and `severity` (see {@link SnsAttributes}). */
const ATTRIBUTE_NAMES_LENGTH = 'category'.length + 'severity'.length;

/** UTF-8 bytes one UTF-16 code unit can take at most (U+0800..U+FFFF; lone surrogates as U+FFFD). */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * The `Message` of a `MessageStructure: "json"` publish. Written as the JSON text of
 * `{ default, email, lambda, sqs }` (that key order) directly, so the Notification's JSON is
 * written escaped once ({@link embeddedJson}) for both `lambda` and `sqs`: the same bytes as
 * `JSON.stringify` of that object. That JSON is made flat ({@link flat}) before it is embedded twice.
 * The `default` and `email` bodies are written escaped as they are built ({@link jsonText},
 * {@link renderEmailJson}): they are made of cleaned text, in which only `"`, `\` and \n are escaped.
 */
function message(n: Notification, lines: SubjectLines): string {
  const clean = multiLine(n.summary);
  const summary = jsonText(clean);
  const short = truncateChars(clean, DEFAULT_SUMMARY_MAX_CHARS, n.locale);
  const shortSummary = short === clean ? summary : jsonText(short);
  // Cut at word breaks, the subject is escaped in full: short, and cleaned only before it was cut.
  const subject = jsonStringText(lines.subject);
  const defaultBody = shortSummary ? `${subject}\\n\\n${shortSummary}` : subject;
  const email = renderEmailJson(n, { subject: lines.full, summary });
  const json = flat(embeddedJson(n));
  return `{"default":"${defaultBody}","email":"${email}","lambda":${json},"sqs":${json}}`;
}

/**
 * `s`, made one flat string now: built by concatenation, it is a rope in V8 until a character is
 * read. The Notification's JSON is embedded twice (`lambda`, `sqs`); flattened once here, the
 * Message's own flattening copies it twice instead of walking its thousands of pieces twice.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

function attributeBytes(attributes: SnsAttributes): number {
  return Object.entries(attributes).reduce(
    (sum, [name, a]) => sum + utf8Length(name) + utf8Length(a.DataType) + utf8Length(a.StringValue),
    0,
  );
}
