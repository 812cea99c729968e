import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../../src/lib/core/locale';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { isCostAnomaly } from '../../../../../src/lib/core/sources/cost-anomaly/anomaly-message';
import { interpretCostAnomaly } from '../../../../../src/lib/core/sources/cost-anomaly/interpret-anomaly';
import { BUDGETS_DIR, CTX, fixtureJson, fixtureNames } from '../../cost/fixtures';

const anomalies = fixtureNames(BUDGETS_DIR, /^cost-anomaly/);

/**
 * Severity and title of each fixture, per locale. What people read (email and Slack, en and ja) is in
 * the fixture table, tests/cli/render-fixtures.test.ts.
 */
const readings: Array<[string, Locale, string, string]> = [
  [
    'cost-anomaly-detection-eventbridge-anomaly-detected-docs.json',
    'en',
    'warning',
    'Cost anomaly: <service name> $1,001.00 over expected (+333.7%)',
  ],
  [
    'cost-anomaly-detection-eventbridge-anomaly-detected-docs.json',
    'ja',
    'warning',
    'コスト異常: <service name> が想定より $1,001.00 増（+333.7%）',
  ],
  [
    'cost-anomaly-detection-sns-message-docs.json',
    'en',
    'warning',
    'Cost anomaly: AnomalousServiceName $1,001.00 over expected (+333.7%)',
  ],
  [
    'cost-anomaly-detection-sns-message-docs.json',
    'ja',
    'warning',
    'コスト異常: AnomalousServiceName が想定より $1,001.00 増（+333.7%）',
  ],
  [
    'cost-anomaly-sns-message-ec2-mashiike.json',
    'en',
    'warning',
    'Cost anomaly: Amazon Elastic Compute Cloud - Compute $1,001.00 over expected (+333.7%)',
  ],
  [
    'cost-anomaly-sns-message-ec2-mashiike.json',
    'ja',
    'warning',
    'コスト異常: Amazon Elastic Compute Cloud - Compute が想定より $1,001.00 増（+333.7%）',
  ],
  [
    'cost-anomaly-sns-message-service-only-rootcause-mashiike.json',
    'en',
    'warning',
    'Cost anomaly: Amazon Simple Notification Service $1,001.00 over expected (+333.7%)',
  ],
  [
    'cost-anomaly-sns-message-service-only-rootcause-mashiike.json',
    'ja',
    'warning',
    'コスト異常: Amazon Simple Notification Service が想定より $1,001.00 増（+333.7%）',
  ],
];

describe('cost: interpretCostAnomaly', () => {
  it.each(readings)('reads %s in %s: %s, %s', (name, locale, severity, title) => {
    const n = notificationSchema.parse(interpretCostAnomaly(fixtureJson(BUDGETS_DIR, name), CTX[locale]));
    expect([n.category, n.locale, n.severity, n.title]).toEqual(['cost-anomaly', locale, severity, title]);
  });

  it('has a row above for every cost anomaly fixture, in both locales', () => {
    const expected = anomalies.flatMap((name) => [`${name} en`, `${name} ja`]);
    expect(readings.map(([name, locale]) => `${name} ${locale}`).sort()).toEqual(expected.sort());
  });

  it('shows expected vs actual spend, impact in money and percent, root cause and the anomaly link', () => {
    const n = interpretCostAnomaly(fixtureJson(BUDGETS_DIR, 'cost-anomaly-sns-message-ec2-mashiike.json'), CTX.en);
    expect(n.title).toBe('Cost anomaly: Amazon Elastic Compute Cloud - Compute $1,001.00 over expected (+333.7%)');
    expect(n.fields).toEqual(
      expect.arrayContaining([
        { label: 'Expected spend', value: '$300.00' },
        { label: 'Actual spend', value: '$1,301.00' },
        { label: 'Impact', value: '$1,001.00 (+333.7%)' },
        {
          label: 'Root cause 1',
          value:
            'service: Amazon Elastic Compute Cloud - Compute, account: 123456789012 (test), region: ap-northeast-1, usage type: AnomalousUsageType',
        },
      ]),
    );
    expect(n.links[0]?.url).toMatch(/anomaly-detection\/monitors\/.+\/anomalies\//);
    expect(n).toMatchObject({ account: '123456789012', region: 'ap-northeast-1', severity: 'warning' });
  });

  it('reads the EventBridge "Anomaly Detected" event (dimensionValue, detail)', () => {
    const event = fixtureJson(BUDGETS_DIR, 'cost-anomaly-detection-eventbridge-anomaly-detected-docs.json');
    expect(isCostAnomaly(event)).toBe(true);
    expect(interpretCostAnomaly(event, CTX.en).fields).toContainEqual({
      label: 'Monitor',
      value: '<your monitor name>',
    });
  });

  it('falls back to the Cost Anomaly Detection console when the message has no link', () => {
    const message = fixtureJson(BUDGETS_DIR, 'cost-anomaly-detection-sns-message-docs.json') as Record<string, unknown>;
    delete message.anomalyDetailsLink;
    expect(interpretCostAnomaly(message, CTX.en).links[0]?.url).toBe(
      'https://console.aws.amazon.com/cost-management/home#/anomaly-detection/overview',
    );
  });

  it.each([null, 'text', { rootCauses: [] }, { anomalyId: 42 }])('rejects %j as not an anomaly', (value) => {
    expect(isCostAnomaly(value)).toBe(false);
    expect(() => interpretCostAnomaly(value, CTX.en)).toThrow(TypeError);
  });
});
