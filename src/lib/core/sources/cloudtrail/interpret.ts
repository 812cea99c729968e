import type { z } from 'zod';
import { InputError } from '../../errors';
import type { RenderContext } from '../../locale';
import type { Notification } from '../../notification';
import { formatPath } from '../../schemas/parse';
import { matchRules } from './match';
import { buildApiCallNotification } from './present';
import type { RuleSet } from './rule';
import {
  type CloudTrailEvent,
  cloudTrailRecordSchema,
  type DetailType,
  detailTypes,
  eventBridgeEnvelopeSchema,
} from './schemas';

/** What became of one CloudTrail event. */
export type ApiCallResult =
  | { readonly kind: 'notification'; readonly notification: Notification }
  | { readonly kind: 'ignored'; readonly rule: string; readonly reason: string };

/** Rule id reported for a CloudTrail detail-type this notifier does not handle (e.g. Insights). */
export const UNSUPPORTED_DETAIL_TYPE = 'unsupported-detail-type';

function check<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InputError(issue?.message ?? 'is not valid', formatPath(prefix, issue?.path ?? []), {
    cause: result.error,
  });
}

/** True for the detail-types this notifier handles. */
export function isCloudTrailDetailType(value: unknown): value is DetailType {
  return detailTypes.some((t) => t === value);
}

/**
 * Checks an EventBridge CloudTrail event: the envelope, then the record in `detail`.
 * @throws InputError naming the field, e.g. `detail.eventName: is missing or not a string`
 */
export function parseCloudTrailEvent(input: unknown): CloudTrailEvent {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError('a CloudTrail EventBridge event must be a JSON object');
  }
  const envelope = check(eventBridgeEnvelopeSchema, input, '');
  const record = check(cloudTrailRecordSchema, envelope.detail, 'detail');
  return { envelope, record, raw: envelope.detail };
}

/**
 * Interprets an EventBridge "AWS API Call via CloudTrail" or "AWS Console Sign In via CloudTrail"
 * event with a rule set: ignore rules first, then the most severe matching rule makes a
 * notification (category `api-call`). An event no rule matches is ignored with the reason.
 * @throws InputError when the input is not such an event (the message names the bad field)
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html
 *
 * @example interpretApiCall(describeInstancesEvent, ctx, defaultRuleSet)
 * // { kind: 'ignored', rule: 'no-rule-matches', reason: 'no rule matches ec2.amazonaws.com DescribeInstances' }
 */
export function interpretApiCall(input: unknown, ctx: RenderContext, ruleSet: RuleSet): ApiCallResult {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const detailType = (input as Record<string, unknown>)['detail-type'];
    if (
      typeof detailType === 'string' &&
      detailType.endsWith('via CloudTrail') &&
      !isCloudTrailDetailType(detailType)
    ) {
      return {
        kind: 'ignored',
        rule: UNSUPPORTED_DETAIL_TYPE,
        reason: `detail-type "${detailType}" is not an API call or console sign-in`,
      };
    }
  }
  const event = parseCloudTrailEvent(input);
  if (!isCloudTrailDetailType(event.envelope['detail-type'])) {
    throw new InputError(`"${event.envelope['detail-type']}" is not one of ${detailTypes.join(', ')}`, 'detail-type');
  }
  const match = matchRules(event, ruleSet);
  if (match.kind === 'ignored') return match;
  return { kind: 'notification', notification: buildApiCallNotification(event, match.rule, match.others, ctx) };
}
