import type { UnwrappedItem } from '../../envelopes/types';
import { InputError } from '../../errors';
import { detailTypeOf } from '../shapes';
import type { Reading, Source } from '../source';
import { parseCloudTrailEvent } from './interpret';
import { matchRules } from './match';
import { buildApiCallNotification } from './present';
import { eventPatterns } from './rule-patterns';
import { detailTypes } from './schemas';
import { defaultRuleSet } from './user-rules';

/** Re-anchors an error from the nested parser at the item's own path (e.g. `Records[1].Sns.Message`). */
function atPath<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError) || !path) throw error;
    throw new InputError(error.message, path, { cause: error });
  }
}

const isCloudTrailDetailType = (item: UnwrappedItem) =>
  (detailTypes as readonly (string | undefined)[]).includes(detailTypeOf(item));

/**
 * Sensitive API calls and console sign-ins, as CloudTrail delivers them to EventBridge: the rule set
 * (built-in rules plus the user's file) decides between a notification and a named ignore.
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html
 */
export const cloudtrailSource: Source = {
  id: 'cloudtrail',
  matches: isCloudTrailDetailType,
  read(item, settings): Reading {
    const event = atPath(item.path, () => parseCloudTrailEvent(item.payload));
    const match = matchRules(event, settings.ruleSet ?? defaultRuleSet);
    if (match.kind === 'ignored') return match;
    return { kind: 'notify', build: (ctx) => buildApiCallNotification(event, match.rule, match.others, ctx) };
  },
  deploy: {
    function: 'apiCall',
    eventPatterns: ({ ruleSet = defaultRuleSet }) => eventPatterns(ruleSet),
  },
};
