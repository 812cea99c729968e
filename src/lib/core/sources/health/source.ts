import { eventBridgeEventSchema } from '../../schemas/eventbridge';
import { parseAt } from '../../schemas/parse';
import { isEventOf } from '../shapes';
import type { Reading, Source } from '../source';
import { ABUSE_DETAIL_TYPE, healthNotification } from './interpret';
import { healthDetailSchema } from './schema';

const SOURCE = 'aws.health';
/** Every detail-type AWS Health sends to EventBridge. */
const DETAIL_TYPES = ['AWS Health Event', ABUSE_DETAIL_TYPE] as const;

/**
 * AWS Health events — issues, scheduled changes, account notifications and abuse reports, in
 * account and organization view — with a link to the event in the Health console.
 * @see https://docs.aws.amazon.com/health/latest/ug/cloudwatch-events-health.html
 */
export const healthSource: Source = {
  id: 'health',
  matches: (item) => isEventOf(item, SOURCE, DETAIL_TYPES),
  read(item): Reading {
    const event = parseAt(eventBridgeEventSchema, item.payload, item.path, 'EventBridge event');
    const base = `${item.path ? `${item.path}.` : ''}detail`;
    const detail = parseAt(healthDetailSchema, event.detail, base, 'AWS Health event');
    return { kind: 'notify', build: (ctx) => healthNotification(event, detail, ctx) };
  },
  deploy: {
    function: 'apiCall',
    eventPatterns: () => [
      { name: 'health-events', ruleIds: ['health'], pattern: { source: [SOURCE], 'detail-type': [...DETAIL_TYPES] } },
    ],
  },
};
