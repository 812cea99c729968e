import type { UnwrappedItem } from '../../envelopes/types';
import { InputError } from '../../errors';
import type { Locale, RenderContext } from '../../locale';
import { detailTypeOf, payloadOf } from '../shapes';
import type { Reading, Source } from '../source';
import { buildDeniedBurstNotification, deniedBurstIgnore } from './denied-burst-present';
import { deniedBurstRequest } from './denied-burst-request';
import { parseCloudTrailEvent } from './interpret';
import { matchRules } from './match';
import { buildApiCallNotification } from './present';
import { SIGN_IN_EVENT_SOURCE } from './record';
import { eventPatterns } from './rule-patterns';
import { API_CALL_DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE, SIGN_IN_DETAIL_TYPE } from './schemas';
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

/** Said on a call told alone because its burst could not be counted. */
const burstUnavailableNote: Readonly<Record<Locale, (error: string) => string>> = {
  en: (error) => `Sent alone: its access-denied burst could not be counted (${error}).`,
  ja: (error) => `権限エラーの集計ができなかったため、単独で通知しています（${error}）。`,
};

const eventSourceOf = (item: UnwrappedItem) =>
  (payloadOf(item)?.detail as { eventSource?: unknown } | undefined)?.eventSource;

/** Detail-types read as a whole, and service events read only from sign-in (others stay generic). */
const claims: Readonly<Record<string, (item: UnwrappedItem) => boolean>> = {
  [API_CALL_DETAIL_TYPE]: () => true,
  [SIGN_IN_DETAIL_TYPE]: () => true,
  [SERVICE_EVENT_DETAIL_TYPE]: (item) => eventSourceOf(item) === SIGN_IN_EVENT_SOURCE,
};

const isCloudTrailEvent = (item: UnwrappedItem) => {
  const type = detailTypeOf(item);
  return type !== undefined && Object.hasOwn(claims, type) && claims[type]!(item);
};

/**
 * Sensitive API calls and sign-ins (console sign-ins, and the sign-in steps IAM Identity Center records
 * as service events), as CloudTrail delivers them to EventBridge: the rule set
 * (built-in rules plus the user's file) decides between a notification and a named ignore.
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html
 */
export const cloudtrailSource: Source = {
  id: 'cloudtrail',
  matches: isCloudTrailEvent,
  read(item, settings): Reading {
    const event = atPath(item.path, () => parseCloudTrailEvent(item.payload));
    const match = matchRules(event, settings.ruleSet ?? defaultRuleSet);
    if (match.kind === 'ignored') return match;
    const alone = (ctx: RenderContext) => buildApiCallNotification(event, match.rule, match.others, ctx);
    const burst = match.rule.groupsDeniedBursts ? deniedBurstRequest(event, settings.accessDeniedBurst) : undefined;
    if (!burst) return { kind: 'notify', build: alone };
    return {
      kind: 'notify',
      needs: { deniedBurst: burst },
      build(ctx, { deniedBurst: outcome }) {
        // No store (the CLI) or an unusable one: the call is told alone, as without bursts.
        if (!outcome) return alone(ctx);
        if (outcome.kind === 'unavailable') {
          const n = alone(ctx);
          return { ...n, notes: [...n.notes, burstUnavailableNote[ctx.locale](outcome.error)] };
        }
        if (outcome.kind === 'alert') {
          return buildDeniedBurstNotification(event, match.rule, outcome.alert, outcome.settings, ctx);
        }
        return deniedBurstIgnore(outcome, burst.key);
      },
    };
  },
  deploy: {
    function: 'apiCall',
    eventPatterns: ({ ruleSet = defaultRuleSet }) => eventPatterns(ruleSet),
  },
};
