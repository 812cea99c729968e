import { InputError } from '../errors';
import { isRecord, parseAt } from '../schemas/parse';
import { type SnsNotification, snsHttpBodySchema, snsRecordSchema } from '../schemas/sns';
import { checkBounds } from './bounds';
import { parseMessage } from './message';
import type { SnsEnvelope, UnwrappedItem } from './types';

/** Attribute types a person can read: `String`, `String.Array`, `Number` and its custom types. */
const isReadableType = (type: string) => type.startsWith('String') || type.startsWith('Number');

/** Keeps the attributes a person can read (String / Number); Binary ones are base64 noise. */
function readableAttributes(attributes: SnsNotification['MessageAttributes']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!attributes) return out;
  for (const name of Object.keys(attributes)) {
    const attribute = attributes[name]!;
    if (isReadableType(attribute.Type) && typeof attribute.Value === 'string') out[name] = attribute.Value;
  }
  return out;
}

/** The envelope's fields, key by key in their order (no small object spread for each optional one). */
function envelopeOf(kind: SnsEnvelope['kind'], sns: SnsNotification): SnsEnvelope {
  const envelope: { -readonly [K in keyof SnsEnvelope]: SnsEnvelope[K] } = { kind } as SnsEnvelope;
  if (sns.Type) envelope.type = sns.Type;
  if (sns.MessageId) envelope.messageId = sns.MessageId;
  if (sns.TopicArn) envelope.topicArn = sns.TopicArn;
  if (sns.Subject) envelope.subject = sns.Subject;
  if (sns.Timestamp) envelope.timestamp = sns.Timestamp;
  envelope.attributes = readableAttributes(sns.MessageAttributes);
  return envelope;
}

/**
 * Unwraps an SNS→Lambda event into one item per record. A broken record — of a wrong shape, larger
 * than an SNS delivery can be, or nested too deep — becomes an {@link InputError} naming it
 * (`Records[2].Sns.Message`) and never sinks the others.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
 */
export function unwrapSnsEvent(records: unknown): { items: UnwrappedItem[]; errors: InputError[] } {
  if (!Array.isArray(records)) throw new InputError('expected an array of SNS records', 'Records');
  // Lambda never delivers an empty batch: an empty one is a broken input, not "nothing happened".
  if (records.length === 0) throw new InputError('no records', 'Records');
  const items: UnwrappedItem[] = [];
  const errors: InputError[] = [];
  records.forEach((record: unknown, index) => {
    const path = `Records[${index}]`;
    try {
      if (!isRecord(record)) throw new InputError('expected an SNS record object', path);
      checkBounds(record, path);
      const { Sns } = parseAt(snsRecordSchema, record, path, 'SNS record');
      items.push({
        path: `${path}.Sns.Message`,
        payload: parseMessage(Sns.Message, `${path}.Sns.Message`),
        isMessage: true,
        envelope: envelopeOf('sns-lambda', Sns),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
    }
  });
  return { items, errors };
}

/**
 * Unwraps the JSON body SNS POSTs to an HTTP(S) endpoint into its one message.
 * @see https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html
 */
export function unwrapSnsHttpBody(body: Record<string, unknown>): UnwrappedItem {
  const sns = parseAt(snsHttpBodySchema, body, '', 'SNS HTTP message');
  return {
    path: 'Message',
    payload: parseMessage(sns.Message, 'Message'),
    isMessage: true,
    envelope: envelopeOf('sns-http', sns),
  };
}
