import { eventBridgeEventSchema } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import { isEventBridgeShape, payloadOf } from '../shapes';
import type { Reading, Source } from '../source';
import { genericEventNotification } from './from-eventbridge';
import { snsJsonNotification, snsTextNotification } from './from-sns';

/**
 * The fallback, last in every list: any EventBridge event and any message no other source claims
 * becomes a generic notification (nothing well-formed is lost). A bare JSON object that is neither
 * is not claimed, so the dispatcher reports it as an unknown shape.
 */
export const genericSource: Source = {
  id: 'generic',
  matches: (item) => item.isMessage || isEventBridgeShape(payloadOf(item) ?? {}),
  read(item): Reading {
    const payload = payloadOf(item);
    if (!payload) {
      const text = String(item.payload);
      return { kind: 'notify', build: (ctx) => snsTextNotification(text, item.envelope, ctx) };
    }
    if (isEventBridgeShape(payload)) {
      const event = parseAt(eventBridgeEventSchema, payload, item.path, 'EventBridge event');
      return { kind: 'notify', build: (ctx) => genericEventNotification(event, ctx) };
    }
    return { kind: 'notify', build: (ctx) => snsJsonNotification(payload, item.envelope, ctx) };
  },
};
