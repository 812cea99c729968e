import { describe, expect, it } from 'vitest';
import { SOURCES as alarmSources } from '../../../../src/handlers/alarm';
import { SOURCES as apiCallSources } from '../../../../src/handlers/api-call';
import { SOURCES as budgetSources } from '../../../../src/handlers/budget';
import { unwrap } from '../../../../src/lib/core/envelopes/unwrap';
import { InputError } from '../../../../src/lib/core/errors';
import type { Notification } from '../../../../src/lib/core/notification';
import { type Reading, type Source, sources } from '../../../../src/lib/core/sources';
import { dispatch } from '../../../../src/lib/core/sources/dispatch';
import { fixture } from '../../../helpers/fixtures';

const ctx = { locale: 'en', timeZone: 'UTC', now: new Date('2024-01-01T00:00:00Z') } as const;
const itemOf = (input: unknown) => {
  const [item] = unwrap(input).items;
  if (!item) throw new Error('no item');
  return item;
};
const claimant = (input: unknown, list: readonly Source[] = sources) => list.find((s) => s.matches(itemOf(input)))?.id;
const readingOf = (input: unknown, prefixes?: string[], list: readonly Source[] = sources): Reading =>
  dispatch(itemOf(input), list, prefixes ? { alarmNamePrefixes: prefixes } : {});
const built = (reading: Reading) => {
  if (reading.kind !== 'notify') throw new Error(`expected a notification, got ${reading.kind}`);
  const built = reading.build(ctx, {});
  if (Array.isArray(built)) throw new Error('expected one notification');
  return built as Notification;
};

describe('sources: the registry', () => {
  it('has unique ids and ends with the generic fallback', () => {
    const ids = sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('generic');
  });

  it('every deployed source is served by the function it names, and each function serves only registered sources', () => {
    const served = { alarm: alarmSources, apiCall: apiCallSources, budget: budgetSources };
    for (const source of sources.filter((s) => s.deploy)) {
      expect(served[source.deploy!.function].map((s) => s.id)).toContain(source.id);
    }
    const known = new Set(sources.map((s) => s.id));
    for (const list of Object.values(served)) for (const s of list) expect(known).toContain(s.id);
  });
});

describe('sources: dispatch', () => {
  it.each([
    ['cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', 'cloudwatch-alarm'],
    ['cloudwatch-alarm/lambda-action/composite-alarm-ALARM-powertools.json', 'cloudwatch-alarm'],
    ['cloudwatch-alarm/sns-message-minimal-notify-slack.json', 'cloudwatch-alarm'],
    ['sns/cloudwatch-alarm-OK-logmetric-sns-event.json', 'cloudwatch-alarm'],
    ['sns/http-notification-cloudwatch-alarm-s3-ALARM-alerta.json', 'cloudwatch-alarm'],
    ['cloudwatch-alarm/config-change/metric-alarm-update.json', 'cloudwatch-alarm'],
    ['health/aws-health-event-ec2-issue-notify-slack.json', 'health'],
    ['guardduty/eventbridge-guardduty-Policy-S3-BucketBlockPublicAccessDisabled-severity-2-hmrc.json', 'guardduty'],
    ['inspector/eventbridge-inspector2-ec2-network-reachability-MEDIUM-docs.json', 'inspector'],
    ['access-analyzer/eventbridge-access-analyzer-s3-error-ACCESS_DENIED-docs.json', 'access-analyzer'],
    ['security-hub/eventbridge-securityhub-imported-macie-normalized-15-LOW-notify-slack.json', 'security-hub'],
    ['health/eventbridge-health-abuse-AWS_ABUSE_DOS_REPORT-docs-sample.json', 'health'],
    ['cloudtrail/eventbridge-CreateBucket-root-docs.json', 'cloudtrail'],
    ['sns/plain-text-multiline-sns-event.json', 'generic'],
    ['budgets/cost-anomaly-detection-eventbridge-anomaly-detected-docs.json', 'cost-anomaly'],
    ['budgets/sns-event-budget-ACTUAL-monthly-sasa9477.json', 'budget'],
  ])('offers %s to the %s source', (file, id) => {
    expect(claimant(fixture(file))).toBe(id);
  });

  it('ignores SNS subscription confirmations by a named rule before any source', () => {
    expect(readingOf(fixture('sns/http-subscription-confirmation-alerta.json'))).toEqual({
      kind: 'ignored',
      rule: 'sns-subscription-confirmation',
      reason: 'SNS SubscriptionConfirmation message',
    });
  });

  it.each([
    ['cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', ['Server'], 'notify'],
    ['cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', ['prod-', 'staging-'], 'ignored'],
    ['cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', [], 'notify'],
    ['cloudwatch-alarm/config-change/metric-alarm-update.json', ['prod-'], 'ignored'],
    ['health/aws-health-event-ec2-issue-notify-slack.json', ['prod-'], 'notify'],
  ])('applies the alarm-name-prefix rule to %s with prefixes %j: %s', (file, prefixes, kind) => {
    const reading = readingOf(fixture(file), prefixes);
    expect(reading.kind).toBe(kind);
    if (reading.kind === 'ignored') expect(reading.rule).toBe('alarm-name-prefix');
  });

  it('asks for target health only for alarms on a target group', () => {
    const alb = readingOf(fixture('cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json'));
    const cpu = readingOf(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'));
    expect(alb.kind === 'notify' && alb.needs?.targetHealth?.map((r) => r.name)).toEqual([
      'smith-poc-nodejs-restart-tg',
    ]);
    expect(cpu.kind === 'notify' && cpu.needs?.targetHealth).toBeUndefined();
    // Every dated state change asks the flapping check, target group or not.
    expect(cpu.kind === 'notify' && cpu.needs?.flapping?.key).toBe('flap:123456789012:us-east-1:ServerCpuTooHigh');
  });

  it('sends unknown JSON in an SNS message to the generic source', () => {
    expect(built(readingOf('{"hello":"world"}')).category).toBe('event');
  });

  it('rejects an object of no known shape that is not a message', () => {
    expect(() => readingOf({ hello: 'world' })).toThrow(InputError);
    expect(() => readingOf({})).toThrow(/not a known event shape/);
  });
});

describe('sources: composite alarms with an actions suppressor', () => {
  const event = fixture<{ detail: { state: object } }>(
    'cloudwatch-alarm/eventbridge-composite-alarm-with-suppressor-ALARM.json',
  );
  const withState = (state: Record<string, unknown>) => ({
    ...event,
    detail: { ...event.detail, state: { ...event.detail.state, ...state } },
  });

  it('ignores an alarm whose suppressor is in ALARM, by a named rule', () => {
    expect(readingOf(withState({ actionsSuppressedBy: 'Alarm' }))).toMatchObject({
      kind: 'ignored',
      rule: 'alarm-actions-suppressed',
    });
  });

  it.each(['WaitPeriod', 'ExtensionPeriod'])(
    'still notifies during a %s (CloudWatch may run the actions later)',
    (by) => {
      expect(readingOf(withState({ actionsSuppressedBy: by })).kind).toBe('notify');
    },
  );
});

describe('sources: cost messages', () => {
  const anomaly = fixture<Record<string, unknown>>(
    'budgets/cost-anomaly-detection-eventbridge-anomaly-detected-docs.json',
  );

  it('reads an "Anomaly Detected" event as a cost anomaly', () => {
    expect(built(readingOf(anomaly)).category).toBe('cost-anomaly');
  });

  it('delivers an unreadable one as a generic event, not as a budget alert', () => {
    expect(built(readingOf({ ...anomaly, detail: { unexpected: true } })).category).toBe('event');
  });

  it('reads the Cost Anomaly Detection SNS message as a cost anomaly', () => {
    const message = JSON.stringify(fixture('budgets/cost-anomaly-detection-sns-message-docs.json'));
    expect(built(readingOf(message)).category).toBe('cost-anomaly');
  });

  it.each([
    ['plain text', 'Backup job 7 failed'],
    ['JSON of no known shape', '{"hello":"world"}'],
  ])('on the budget-alerts topic, turns %s into a budget alert carrying it', (_, message) => {
    const n = built(readingOf(message, undefined, budgetSources));
    expect(n).toMatchObject({ category: 'budget', source: { type: 'sns/aws-budgets/unparsed' } });
    expect(n.fields[0]?.value).toContain(message.includes('{') ? '"hello": "world"' : message);
  });

  it('elsewhere, plain text is a generic event', () => {
    expect(built(readingOf('Backup job 7 failed'))).toMatchObject({
      category: 'event',
      summary: 'Backup job 7 failed',
    });
  });
});
