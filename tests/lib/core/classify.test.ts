import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/lib/core/classify';
import { unwrap } from '../../../src/lib/core/envelopes/unwrap';
import { InputError } from '../../../src/lib/core/errors';

const fixture = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));
const routeOf = (input: unknown, prefixes?: string[]) => {
  const [item] = unwrap(input).items;
  if (!item) throw new Error('no item');
  return classify(item, prefixes ? { alarmNamePrefixes: prefixes } : {});
};

describe('classify', () => {
  it.each([
    ['cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', 'alarm'],
    ['cloudwatch-alarm/lambda-action/composite-alarm-ALARM-powertools.json', 'alarm'],
    ['cloudwatch-alarm/sns-message-minimal-notify-slack.json', 'alarm'],
    ['sns/cloudwatch-alarm-OK-logmetric-sns-event.json', 'alarm'],
    ['sns/http-notification-cloudwatch-alarm-s3-ALARM-alerta.json', 'alarm'],
    ['cloudwatch-alarm/config-change/metric-alarm-update.json', 'notify'],
    ['health/aws-health-event-ec2-issue-notify-slack.json', 'notify'],
    ['cloudtrail/eventbridge-CreateBucket-root-docs.json', 'notify'],
    ['sns/plain-text-multiline-sns-event.json', 'notify'],
    ['sns/http-subscription-confirmation-alerta.json', 'ignored'],
  ])('routes %s to %s', (file, kind) => {
    expect(routeOf(fixture(file)).kind).toBe(kind);
  });

  it('ignores SNS subscription confirmations by a named rule', () => {
    expect(routeOf(fixture('sns/http-subscription-confirmation-alerta.json'))).toEqual({
      kind: 'ignored',
      rule: 'sns-subscription-confirmation',
      reason: 'SNS SubscriptionConfirmation message',
    });
  });

  it.each([
    ['cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', ['Server'], 'alarm'],
    ['cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', ['prod-', 'staging-'], 'ignored'],
    ['cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', [], 'alarm'],
    ['cloudwatch-alarm/config-change/metric-alarm-update.json', ['prod-'], 'ignored'],
    ['health/aws-health-event-ec2-issue-notify-slack.json', ['prod-'], 'notify'],
  ])('applies the alarm-name-prefix rule to %s with prefixes %j: %s', (file, prefixes, kind) => {
    const route = routeOf(fixture(file), prefixes);
    expect(route.kind).toBe(kind);
    if (route.kind === 'ignored') expect(route.rule).toBe('alarm-name-prefix');
  });

  it('sends unknown JSON in an SNS message to the generic interpreter', () => {
    expect(routeOf('{"hello":"world"}').kind).toBe('notify');
  });

  it('rejects an object of no known shape that is not a message', () => {
    expect(() => routeOf({ hello: 'world' })).toThrow(InputError);
    expect(() => routeOf({})).toThrow(/not a known event shape/);
  });
});

describe('classify: composite alarms with an actions suppressor', () => {
  const event = JSON.parse(
    readFileSync(
      new URL(
        '../../fixtures/cloudwatch-alarm/eventbridge-composite-alarm-with-suppressor-ALARM.json',
        import.meta.url,
      ),
      'utf8',
    ),
  );
  const item = (detailState: Record<string, unknown>) => ({
    path: '',
    isMessage: false,
    payload: { ...event, detail: { ...event.detail, state: { ...event.detail.state, ...detailState } } },
  });

  it('ignores an alarm whose suppressor is in ALARM, by a named rule', () => {
    const route = classify(item({ actionsSuppressedBy: 'Alarm' }));
    expect(route).toMatchObject({ kind: 'ignored', rule: 'alarm-actions-suppressed' });
  });

  it.each(['WaitPeriod', 'ExtensionPeriod'])(
    'still notifies during a %s (CloudWatch may run the actions later)',
    (by) => {
      expect(classify(item({ actionsSuppressedBy: by })).kind).toBe('alarm');
    },
  );
});

describe('classify: cost anomaly events', () => {
  const ctx = { locale: 'en', timeZone: 'UTC', now: new Date('2024-01-01T00:00:00Z') } as const;
  const anomaly = JSON.parse(
    readFileSync(
      new URL('../../fixtures/budgets/cost-anomaly-detection-eventbridge-anomaly-detected-docs.json', import.meta.url),
      'utf8',
    ),
  );
  const notify = (payload: Record<string, unknown>) => {
    const route = classify({ path: '', isMessage: false, payload });
    if (route.kind !== 'notify') throw new Error(`expected a notification, got ${route.kind}`);
    return route.notify(ctx);
  };

  it('reads an "Anomaly Detected" event as a cost anomaly', () => {
    expect(notify(anomaly).category).toBe('cost-anomaly');
  });

  it('delivers an unreadable one as a generic event, not as a budget alert', () => {
    expect(notify({ ...anomaly, detail: { unexpected: true } }).category).toBe('event');
  });
});
