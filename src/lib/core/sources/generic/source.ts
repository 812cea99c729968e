import { eventBridgeEventSchema } from '../../schemas/eventbridge';
import { fastSafeParse } from '../../schemas/fast-parse';
import { parseAt } from '../../schemas/parse';
import { isEventBridgeShape, payloadOf } from '../shapes';
import type { Reading, Source } from '../source';
import { eventOfCodeStarNotification, isCodeStarNotification } from './codestar-notification';
import { genericEventNotification } from './from-eventbridge';
import { snsJsonNotification, snsTextNotification } from './from-sns';

/**
 * The fallback, last in every list: any EventBridge event and any message no other source claims
 * becomes a generic notification (nothing well-formed is lost); a CodeStar notification (an
 * EventBridge event in camelCase, from CodeBuild or CodePipeline rules) is read as its event. A bare JSON object that is neither
 * is not claimed, so the dispatcher reports it as an unknown shape.
 */
export const genericSource: Source = {
  id: 'generic',
  matches: (item) => {
    const p = payloadOf(item);
    return item.isMessage || (p !== undefined && isEventBridgeShape(p));
  },
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
    // A CodeStar notification whose envelope does not read as an event is still listed as JSON.
    const codeStar = isCodeStarNotification(payload)
      ? fastSafeParse(eventBridgeEventSchema, eventOfCodeStarNotification(payload))
      : undefined;
    if (codeStar?.success) {
      const event = codeStar.data;
      return { kind: 'notify', build: (ctx) => genericEventNotification(event, ctx) };
    }
    return { kind: 'notify', build: (ctx) => snsJsonNotification(payload, item.envelope, ctx) };
  },
};
