import { describe, expect, it } from 'vitest';
import { sources } from '../../../../../src/lib/core/sources';
import {
  eventOfCodeStarNotification,
  isCodeStarNotification,
} from '../../../../../src/lib/core/sources/generic/codestar-notification';
import { processEvent } from '../../../../../src/lib/pipeline';
import { fixture, snsEventWith } from '../../../../helpers/fixtures';
import { contexts, fieldOf, notificationOf } from '../../../../helpers/render-fixture';

const PIPELINE = 'generic/sns-event-codestar-notification-codepipeline-FAILED-hmrc.json';

/** The SNS message of a recorded SNS→Lambda event, parsed. */
const messageOf = (file: string): Record<string, unknown> => {
  const event = fixture(file) as { Records: { Sns: { Message: string } }[] };
  return JSON.parse(event.Records[0]?.Sns.Message ?? '{}');
};

describe('source: generic reads a CodeStar notification as the event it was made from', () => {
  it('knows the camelCase detailType, and nothing without it', () => {
    expect(isCodeStarNotification(messageOf(PIPELINE))).toBe(true);
    expect(isCodeStarNotification({ detailType: 'x', source: 'aws.codebuild' })).toBe(false);
    expect(isCodeStarNotification({ 'detail-type': 'x', source: 'aws.codebuild', detail: {} })).toBe(false);
  });

  it('keeps the envelope and puts the reason a pipeline failed into the detail', () => {
    const event = eventOfCodeStarNotification(messageOf(PIPELINE));
    expect(event).toMatchObject({
      'detail-type': 'CodePipeline Pipeline Execution State Change',
      source: 'aws.codepipeline',
      account: '123456789012',
      region: 'eu-west-2',
      time: '2021-12-08T13:36:02Z',
      resources: ['arn:aws:codepipeline:eu-west-2:123456789012:test-codepipeline-ua'],
      detail: { state: 'FAILED', additionalAttributes: { failedStage: 'Deploy' } },
    });
    expect(event).not.toHaveProperty('detailType');
  });

  it('lists a CodeStar-like message whose envelope is not an event as JSON, losing nothing', async () => {
    const message = { ...messageOf(PIPELINE), account: 123456789012 };
    const result = await processEvent(snsEventWith(JSON.stringify(message)), { ctx: contexts.en, sources });
    const [n] = result.notifications;
    expect(n?.source.type).toBe('sns/json');
    expect(n?.fields.some((f) => f.label === 'detail.state' && f.value === 'FAILED')).toBe(true);
  });

  it.each(['en', 'ja'] as const)('a failed pipeline warns with its state and reason first (%s)', async (locale) => {
    const n = await notificationOf(PIPELINE, locale);
    expect(n).toMatchObject({
      category: 'event',
      severity: 'warning',
      title: 'CodePipeline Pipeline Execution State Change: FAILED',
      account: '123456789012',
      region: 'eu-west-2',
    });
    expect(n.fields.slice(0, 2).map((f) => f.value)).toEqual([
      'FAILED',
      'The AWS CodeDeploy application test-codepipeline-ua does not exist',
    ]);
    expect(fieldOf(n, 'pipeline')).toBe('test-codepipeline-ua');
  });
});
