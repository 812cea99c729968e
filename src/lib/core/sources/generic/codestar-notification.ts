import { isRecord } from '../../schemas/parse';
import type { Payload } from '../shapes';

/**
 * True for an AWS CodeStar Notifications message (the notification rules of CodeBuild,
 * CodePipeline, CodeDeploy and CodeCommit): an EventBridge event written with `detailType` for
 * `detail-type`, and, at the rule's FULL detail level, what failed in `additionalAttributes`
 * (CodePipeline's `failedActions` and `failedStage`).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codestarnotifications-notificationrule.html
 *
 * @example isCodeStarNotification({ detailType: 'CodeBuild Build State Change', source: 'aws.codebuild', detail: {} }) // true
 */
export const isCodeStarNotification = (p: Payload): boolean =>
  typeof p.detailType === 'string' && typeof p.source === 'string' && isRecord(p.detail);

/** The keys the notification shares with the EventBridge envelope, kept as they are. */
const ENVELOPE_KEYS = ['id', 'account', 'time', 'region', 'resources'] as const;

/**
 * The EventBridge event a CodeStar notification was made from, so it reads like one ("CodeBuild
 * Build State Change: FAILED"): `detailType` becomes `detail-type`, and the supplemental
 * `additionalAttributes` join the detail, where the reason a pipeline failed is then shown.
 */
export function eventOfCodeStarNotification(p: Payload): Payload {
  const detail = isRecord(p.detail) ? p.detail : {};
  const extra = p.additionalAttributes;
  const hasExtra = isRecord(extra) && Object.keys(extra).length > 0;
  return {
    'detail-type': p.detailType,
    source: p.source,
    ...Object.fromEntries(ENVELOPE_KEYS.filter((key) => p[key] !== undefined).map((key) => [key, p[key]])),
    detail: hasExtra ? { ...detail, additionalAttributes: extra } : detail,
  };
}
