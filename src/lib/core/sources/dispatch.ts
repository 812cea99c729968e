import type { UnwrappedItem } from '../envelopes/types';
import { InputError } from '../errors';
import type { Reading, Source, SourceSettings } from './source';

/** Ignore rules that look at the SNS wrapper before any source sees the message. */
const envelopeRules: ReadonlyArray<readonly [rule: string, snsType: string]> = [
  ['sns-subscription-confirmation', 'SubscriptionConfirmation'],
  ['sns-unsubscribe-confirmation', 'UnsubscribeConfirmation'],
];

/**
 * Offers one unwrapped message to `sources` in order; the first that matches reads it. SNS
 * subscription confirmations are ignored by name first. A message no source claims is an error
 * (the registry ends with the generic source, which claims every message and EventBridge event).
 *
 * @throws InputError when no source claims the input, or the claiming source finds it broken.
 * @example dispatch(item, sources, {}).kind // "notify"
 */
export function dispatch(item: UnwrappedItem, sources: readonly Source[], settings: SourceSettings): Reading {
  const snsType = item.envelope?.type;
  if (snsType !== undefined) {
    for (const [rule, type] of envelopeRules) {
      if (snsType === type) return { kind: 'ignored', rule, reason: `SNS ${type} message` };
    }
  }
  // A loop rather than find: this runs for every message, and the first source that matches reads it.
  for (const source of sources) {
    if (source.matches(item)) return source.read(item, settings);
  }
  throw new InputError(
    'not a known event shape (EventBridge event, SNS event or message, CloudWatch alarm action)',
    item.path,
  );
}
