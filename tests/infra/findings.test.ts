import { beforeAll, describe, expect, it } from 'vitest';
import { type EventPattern, matchesEventPattern } from '../../src/lib/core/sources/cloudtrail';
import { fixture } from '../helpers/fixtures';
import {
  type CfnTemplate,
  customTemplate,
  emailTemplate,
  packagedTemplate,
  resourcesOfType,
  rulesTargeting,
} from './packaged';

const PACKAGE_TIMEOUT_MS = 120_000;
const FUNCTION_ID = 'ApiCallLambdaFunction';

let template: CfnTemplate;
/** Packaged with CUSTOM_PARAMS, among them `findingsMinSeverity=critical`. */
let custom: CfnTemplate;
/** Packaged with EMAIL_PARAMS: a plain package subscribes no address. */
let withEmail: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
  custom = customTemplate();
  withEmail = emailTemplate();
}, PACKAGE_TIMEOUT_MS);

/** The apiCall function's EventBridge patterns for one event source (`aws.guardduty`, …). */
const patternsFor = (t: CfnTemplate, source: string): EventPattern[] =>
  rulesTargeting(t, FUNCTION_ID)
    .map(([, props]) => props.EventPattern as EventPattern & { source?: unknown })
    .filter((p) => JSON.stringify(p.source) === JSON.stringify([source]));
const delivered = (t: CfnTemplate, event: unknown) =>
  rulesTargeting(t, FUNCTION_ID).some(([, props]) => matchesEventPattern(props.EventPattern as EventPattern, event));
const environment = (t: CfnTemplate) =>
  (t.Resources[FUNCTION_ID]?.Properties?.Environment as { Variables: Record<string, unknown> } | undefined)
    ?.Variables ?? {};
const emailFilterPolicies = (t: CfnTemplate) =>
  resourcesOfType(t, 'AWS::SNS::Subscription')
    .map(([, r]) => r.Properties ?? {})
    .filter((p) => p.Protocol === 'email')
    .map((p) => p.FilterPolicy as { $or: Array<{ category: unknown[]; severity: string[] }> });

/** A real GuardDuty finding event with its severity set to `severity`. */
function guardDutyAt(severity: number) {
  const event = structuredClone(
    fixture<{ detail: { severity: number } }>(
      'guardduty/eventbridge-guardduty-Policy-S3-BucketBlockPublicAccessDisabled-severity-2-hmrc.json',
    ),
  );
  event.detail.severity = severity;
  return event;
}

describe('infra: finding sources', () => {
  it.each([
    ['aws.guardduty', ['GuardDuty Finding']],
    ['aws.securityhub', ['Security Hub Findings - Imported', 'Security Hub Findings - Custom Action']],
    ['aws.access-analyzer', ['Access Analyzer Finding']],
    ['aws.inspector2', ['Inspector2 Finding']],
    ['aws.health', ['AWS Health Event', 'AWS Health Abuse Event']],
  ])('gives the apiCall function its own rule for %s', (source, detailTypes) => {
    const patterns = patternsFor(template, source);
    expect(patterns.flatMap((p) => p['detail-type'] as string[])).toEqual(detailTypes);
  });

  it('puts the GuardDuty threshold in the pattern: Medium (4) and above at the default warning', () => {
    expect(patternsFor(template, 'aws.guardduty')).toEqual([
      {
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Finding'],
        detail: { severity: [{ numeric: ['>=', 4] }] },
      },
    ]);
    expect(delivered(template, guardDutyAt(2))).toBe(false);
    expect(delivered(template, guardDutyAt(4))).toBe(true);
    expect(delivered(template, guardDutyAt(8.9))).toBe(true);
  });

  it('puts the Security Hub and Inspector thresholds in their patterns at the default warning', () => {
    const [imported] = patternsFor(template, 'aws.securityhub');
    expect(imported?.detail).toEqual({ findings: { Severity: { Label: ['CRITICAL', 'HIGH', 'MEDIUM'] } } });
    expect(patternsFor(template, 'aws.inspector2')[0]?.detail).toEqual({ severity: ['CRITICAL', 'HIGH', 'MEDIUM'] });
  });

  it.each([
    ['guardduty/eventbridge-guardduty-Policy-S3-BucketBlockPublicAccessDisabled-severity-2-hmrc.json', false],
    ['security-hub/eventbridge-securityhub-imported-macie-normalized-15-LOW-notify-slack.json', false],
    // No Label (Normalized 71 only): the rule filters on Label, which Security Hub itself fills in from
    // Normalized (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Severity.html), so a real
    // event has one; this trimmed sample would only arrive by SNS or replay, where the function reads Normalized.
    ['security-hub/eventbridge-securityhub-imported-macie-no-Id-normalized-71-HIGH-notify-slack.json', false],
    ['security-hub/eventbridge-securityhub-custom-action-EC2.8-HIGH-FAILED-forensic-orchestrator.json', true],
    ['inspector/eventbridge-inspector2-lambda-code-vulnerability-CRITICAL-docs.json', true],
    ['inspector/eventbridge-inspector2-ec2-network-reachability-MEDIUM-docs.json', true],
    ['access-analyzer/eventbridge-access-analyzer-s3-cross-account-ACTIVE-docs.json', true],
    ['health/eventbridge-health-abuse-AWS_ABUSE_DOS_REPORT-docs-sample.json', true],
  ])('at the defaults, delivers %s: %s', (file, expected) => {
    expect(delivered(template, fixture(file))).toBe(expected);
  });

  it('raises every threshold with findingsMinSeverity=critical', () => {
    expect(patternsFor(custom, 'aws.guardduty')[0]?.detail).toEqual({ severity: [{ numeric: ['>=', 7] }] });
    expect(patternsFor(custom, 'aws.inspector2')[0]?.detail).toEqual({ severity: ['CRITICAL', 'HIGH'] });
    expect(patternsFor(custom, 'aws.access-analyzer')[0]?.detail).toEqual({ isPublic: [true] });
    expect(delivered(custom, guardDutyAt(6.9))).toBe(false);
    expect(delivered(custom, guardDutyAt(7))).toBe(true);
  });

  it('sets FINDINGS_MIN_SEVERITY from the findingsMinSeverity parameter', () => {
    expect(environment(template).FINDINGS_MIN_SEVERITY).toBe('warning');
    expect(environment(custom).FINDINGS_MIN_SEVERITY).toBe('critical');
  });

  it('emails findings only at emailFindingSeverities (critical by default)', () => {
    const policies = emailFilterPolicies(withEmail);
    expect(policies.length).toBeGreaterThan(0);
    for (const { $or } of policies) {
      const admitsFindings = $or.filter(
        (branch) =>
          branch.category.includes('finding') ||
          branch.category.some((c) => {
            const excluded = (c as { 'anything-but'?: string[] })['anything-but'];
            return excluded !== undefined && !excluded.includes('finding');
          }),
      );
      expect(admitsFindings).toEqual([{ category: ['finding'], severity: ['critical'] }]);
    }
  });
});
