import fc from 'fast-check';
import { fixture } from './fixtures';

/*
 * Hostile inputs for the property tests of every entry point: deep nesting (under, at and far over
 * the 64-level bound), lone surrogates and huge strings, alone and inside real events.
 */

/** Units that have broken a text path somewhere; repeated, they make the huge strings. */
const hostileUnits = ['\n \n', ' ', '\n', '<<<<&&&&', '\ud800', '\udc00', '1', 'http://', '😀', '\u2028', '\t'];

/** Strings with lone surrogates (binary units), or one hostile unit repeated up to ~100 KB. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc
    .tuple(fc.constantFrom(...hostileUnits), fc.integer({ min: 1, max: 100_000 }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length))),
);

/**
 * JSON text nested around the bound (60–70 levels) and far over it (600, 5,000, 100,000), in
 * objects or arrays: built as text, since JSON.stringify itself overflows the stack on the deepest.
 */
export const deepJsonText: fc.Arbitrary<string> = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.constantFrom(600, 5_000, 100_000)),
    key: fc.oneof(fc.constant('a'), fc.string({ unit: 'binary', maxLength: 10 })),
    arrays: fc.boolean(),
    leaf: fc.oneof(hostileString, fc.integer(), fc.constant(null)),
  })
  .map(({ depth, key, arrays, leaf }) => {
    const [open, close] = arrays ? ['[', ']'] : [`{${JSON.stringify(key)}:`, '}'];
    return `${open.repeat(depth)}${JSON.stringify(leaf)}${close.repeat(depth)}`;
  });

/** The same as values (JSON.parse is iterative, so it reads any depth). */
export const deepJson: fc.Arbitrary<unknown> = deepJsonText.map((text) => JSON.parse(text) as unknown);

/** Objects of hostile keys and strings, one or two levels deep. */
const shallowHostileJson = fc.dictionary(hostileString, fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })), {
  maxKeys: 4,
});

/** Any JSON value, with hostile strings and sometimes deep nesting. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  deepJson,
  fc.jsonValue().map((value) => value as unknown),
  shallowHostileJson,
  fc.dictionary(fc.string(), deepJson, { maxKeys: 3 }),
);

/** An SNS message body: hostile text, or hostile JSON as text. */
export const hostileMessage: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  deepJsonText,
  shallowHostileJson.map((value) => JSON.stringify(value)),
);

const alarmEvent = () =>
  fixture<Record<string, unknown> & { detail: Record<string, unknown> }>(
    'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json',
  );

/** Real events with hostile values where events carry text: alarm names, reasons, ids, details. */
export const hostileEvent: fc.Arbitrary<unknown> = fc.oneof(
  hostileJson,
  fc.record({ name: hostileString, reason: hostileString, id: hostileString }).map(({ name, reason, id }) => {
    const event = alarmEvent();
    Object.assign(event.detail, { alarmName: name });
    Object.assign(event.detail.state as object, { reason });
    return { ...event, id };
  }),
  deepJson.map((detail) => ({ ...alarmEvent(), 'detail-type': 'Some Other Event', detail })),
);

/** An SNS→Lambda event of the given messages (each with its own MessageId, `message-i`). */
export function snsBatch(messages: readonly string[]): { Records: unknown[] } {
  const event = fixture<{ Records: Array<{ Sns: Record<string, unknown> }> }>(
    'sns/plain-text-multiline-sns-event.json',
  );
  const [record] = event.Records;
  return {
    Records: messages.map((Message, i) => ({ ...record, Sns: { ...record!.Sns, MessageId: `message-${i}`, Message } })),
  };
}

/**
 * SNS batches mixing good plain-text records (`good` holds their indexes) with hostile ones: one
 * bad record must never sink the good ones.
 */
export const mixedBatch: fc.Arbitrary<{ event: { Records: unknown[] }; good: number[] }> = fc
  .array(fc.oneof(fc.constant(undefined), hostileMessage), { minLength: 1, maxLength: 5 })
  .map((messages) => {
    const good = messages.flatMap((m, i) => (m === undefined ? [i] : []));
    return { event: snsBatch(messages.map((m, i) => m ?? `Backup job ${i} completed`)), good };
  });
