import { describe, expect, it } from 'vitest';
import { stateWordSeverities } from '../../../../../src/lib/core/sources/generic/what-happened';
import { notificationOf } from '../../../../helpers/render-fixture';

describe('source: generic reads like a person', () => {
  it.each([
    ['generic/eventbridge-glue-job-FAILED-docs.json', 'warning', 'Glue Job State Change: FAILED'],
    ['generic/eventbridge-glue-job-TIMEOUT-docs.json', 'warning', 'Glue Job State Change: TIMEOUT'],
    ['generic/eventbridge-glue-job-SUCCEEDED-docs.json', 'info', 'Glue Job State Change: SUCCEEDED'],
    ['generic/eventbridge-glue-crawler-Failed-docs.json', 'warning', 'Glue Crawler State Change: Failed'],
    [
      'generic/sns-event-guardduty-malware-protection-s3-THREATS_FOUND-notify-slack.json',
      'warning',
      'GuardDuty Malware Protection Object Scan Result: THREATS_FOUND',
    ],
  ])('%s is %s: "%s", with the state first among its fields', async (file, severity, title) => {
    for (const locale of ['en', 'ja'] as const) {
      const n = await notificationOf(file, locale);
      expect(n).toMatchObject({ category: 'event', severity, title });
      expect(n.fields.slice(0, 3).some((f) => /state|status/i.test(f.label))).toBe(true);
    }
  });

  it.each([
    [
      'generic/eventbridge-ecs-deployment-SERVICE_DEPLOYMENT_FAILED-docs.json',
      'warning',
      'ECS Deployment State Change: SERVICE_DEPLOYMENT_FAILED',
      'eventName',
    ],
    [
      'generic/eventbridge-ecs-service-action-SERVICE_TASK_PLACEMENT_FAILURE-ERROR-docs.json',
      'warning',
      'ECS Service Action: SERVICE_TASK_PLACEMENT_FAILURE',
      'eventName',
    ],
    [
      'generic/sns-event-codestar-notification-codebuild-FAILED-hmrc.json',
      'warning',
      'CodeBuild Build State Change: FAILED',
      'build-status',
    ],
  ])(
    '%s is %s: "%s", led by %s (ECS names what happened in eventName, its eventType ERROR warns)',
    async (file, severity, title, first) => {
      for (const locale of ['en', 'ja'] as const) {
        const n = await notificationOf(file, locale);
        expect(n).toMatchObject({ category: 'event', severity, title });
        expect(n.fields[0]?.label).toBe(first);
      }
    },
  );

  it('warns of a failed canary run, naming the canary, with its status and reason before its message', async () => {
    for (const locale of ['en', 'ja'] as const) {
      const n = await notificationOf(
        'generic/eventbridge-synthetics-canary-testrun-FAILED-ERR_NAME_NOT_RESOLVED-docs.json',
        locale,
      );
      expect(n).toMatchObject({ severity: 'warning', title: 'Synthetics Canary TestRun Failure: events-bb-1' });
      expect(n.fields.slice(0, 3).map((f) => [f.label, f.value])).toEqual([
        ['test-run-status', 'FAILED'],
        ['state-reason', '"Error: net::ERR_NAME_NOT_RESOLVED "'],
        ['message', 'Test run result is generated successfully'],
      ]);
    }
  });

  it('names the image of an ECR scan and pages for its CRITICAL findings', async () => {
    for (const locale of ['en', 'ja'] as const) {
      const n = await notificationOf('generic/eventbridge-ecr-image-scan-CRITICAL-lambda-go.json', locale);
      expect(n).toMatchObject({ severity: 'critical', title: 'ECR Image Scan: tribble-image-scan-test:1572471135' });
      expect(n.fields.slice(0, 4).map((f) => f.label)).toContain('finding-severity-counts.CRITICAL');
    }
  });

  it.each(Object.entries(stateWordSeverities))('state word %s is %s', (word, severity) => {
    expect(['warning', 'critical']).toContain(severity);
    expect(word).toBe(word.toUpperCase());
  });
});
