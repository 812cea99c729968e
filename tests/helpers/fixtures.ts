import { readFileSync } from 'node:fs';

/**
 * A fresh copy of a recorded payload from tests/fixtures (safe to modify), e.g.
 * `fixture('sns/plain-text-multiline-sns-event.json')`.
 */
export function fixture<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as T;
}

/** The same SNS→Lambda fixture with each record's Message replaced, one record per message. */
export function snsEventWith(...messages: string[]): { Records: Array<{ Sns: Record<string, unknown> }> } {
  const event = fixture<{ Records: Array<{ Sns: Record<string, unknown> }> }>(
    'sns/plain-text-multiline-sns-event.json',
  );
  const [record] = event.Records;
  return {
    ...event,
    Records: messages.map((Message, i) => ({
      ...structuredClone(record!),
      Sns: { ...record!.Sns, MessageId: `message-${i}`, Message },
    })),
  };
}
