import type { Notification } from '../../../../src/lib/core/notification';

/**
 * Hand-built Notifications, one per kind of message the renderers must handle. Values come from
 * the real payloads in tests/fixtures (cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json,
 * elbv2/describe-target-health-cli-unhealthy-Target.Timeout.json); URLs are console links.
 */

const base = {
  schemaVersion: 1,
  locale: 'en',
  notes: [] as string[],
  account: '811322200214',
  region: 'us-east-2',
} satisfies Partial<Notification>;

const alarmConsole =
  'https://us-east-2.console.aws.amazon.com/cloudwatch/home?region=us-east-2#alarmsV2:alarm/awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts';
const targetGroupConsole =
  'https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2#TargetGroup:targetGroupArn=arn:aws:elasticloadbalancing:us-east-2:811322200214:targetgroup/smith-poc-nodejs-restart-tg/7c25fe0e5ca71022';

/** An ALB UnHealthyHostCount alarm going to ALARM, enriched with the unhealthy targets. */
export const albAlarm: Notification = {
  ...base,
  category: 'alarm',
  severity: 'critical',
  title: 'awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts is in ALARM',
  summary: 'UnHealthyHostCount of target group smith-poc-nodejs-restart-tg was greater than 0 for 1 minute.',
  fields: [
    { label: 'State', value: 'INSUFFICIENT_DATA → ALARM' },
    { label: 'Changed at', value: '2017-07-02 17:36:38 UTC' },
    { label: 'Metric', value: 'AWS/ApplicationELB UnHealthyHostCount (Average, 1 min)' },
    { label: 'Reason', value: 'Threshold Crossed: 1 datapoint (1.0) was greater than the threshold (0.0).' },
    { label: 'Unhealthy targets', value: 'i-0f76fade:80 Target.Timeout\nConnection to target timed out' },
    { label: 'Description', value: 'Created from EC2 Console' },
  ],
  links: [
    { label: 'Alarm in console', url: alarmConsole },
    { label: 'Target group', url: targetGroupConsole },
  ],
  occurredAt: '2017-07-02T17:36:38.838Z',
  dedupeKey: 'alarm:811322200214:us-east-2:awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts:ALARM',
  source: { type: 'sns/cloudwatch-alarm' },
};

/** The same alarm back to OK. */
export const okRecovery: Notification = {
  ...albAlarm,
  severity: 'ok',
  title: 'awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts is OK',
  summary: 'UnHealthyHostCount is back to 0 after 12 min.',
  fields: [
    { label: 'State', value: 'ALARM → OK' },
    { label: 'Duration', value: '12 min' },
  ],
  links: [{ label: 'Alarm in console', url: alarmConsole }],
  dedupeKey: 'alarm:811322200214:us-east-2:awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts:OK',
};

/** INSUFFICIENT_DATA, with a caveat note and an EventBridge source id. */
export const insufficientData: Notification = {
  ...albAlarm,
  severity: 'warning',
  title: 'cpu-high is INSUFFICIENT_DATA (ap-northeast-1)',
  summary: 'CPUUtilization has no data for 3 periods.',
  region: 'ap-northeast-1',
  fields: [{ label: 'State', value: 'OK → INSUFFICIENT_DATA' }],
  notes: ['target health could not be read: AccessDenied'],
  links: [],
  occurredAt: '2024-05-01T03:04:05.000Z',
  dedupeKey: 'alarm:123456789012:ap-northeast-1:cpu-high:INSUFFICIENT_DATA',
  source: { id: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92', type: 'aws.cloudwatch/CloudWatch Alarm State Change' },
};

/** An event no interpreter knows in detail: no account, no region, no links. */
export const genericEvent: Notification = {
  schemaVersion: 1,
  locale: 'en',
  category: 'event',
  severity: 'info',
  title: '',
  summary: 'An event of type "AWS Health Event" arrived.',
  fields: [{ label: 'Detail type', value: 'AWS Health Event' }],
  links: [],
  notes: [],
  occurredAt: '2024-05-01T00:00:00Z',
  dedupeKey: 'event:7bf73129-1428-4cd3-a780-95db273d1602',
  source: { id: '7bf73129-1428-4cd3-a780-95db273d1602', type: 'aws.health/AWS Health Event' },
};

/** A Japanese notification (labels and summary already localized by the interpreter). */
export const japanese: Notification = {
  ...albAlarm,
  locale: 'ja',
  region: 'ap-northeast-1',
  title: 'web-tg-unhealthy がアラーム状態になりました',
  summary: 'ターゲットグループ web-tg の UnHealthyHostCount が 1 分間 0 を超えました。',
  fields: [
    { label: '状態', value: 'OK → ALARM' },
    { label: '発生時刻', value: '2024-05-01 12:04:05 JST' },
    { label: '異常なターゲット', value: 'i-0f76fade:80 Target.Timeout\n接続がタイムアウトしました' },
  ],
  notes: ['ターゲットのヘルス状態を取得できませんでした: AccessDenied'],
  links: [{ label: 'コンソールでアラームを表示', url: alarmConsole }],
  dedupeKey: 'alarm:811322200214:ap-northeast-1:web-tg-unhealthy:ALARM',
};

const long = (seed: string, length: number) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

/** Everything an attacker or a sloppy event can put in a Notification. */
export const hostile: Notification = {
  schemaVersion: 1,
  locale: 'en',
  category: 'api-call',
  severity: 'critical',
  title: '<!channel> DeleteTrail by <@U1>\r\nBcc: victim@example.com\u0007',
  summary: `Hi <!here> & <!everyone>: <http://evil.example|click me> ${long('x', 5_000)}`,
  fields: Array.from({ length: 40 }, (_, i) => ({
    label: i === 0 ? '<@U1> & co' : `Field ${i}`,
    value: i % 2 === 0 ? `<http://evil.example|${i}> ${long('&<>', 5_000)}` : `value ${i}\nsecond line`,
  })),
  links: Array.from({ length: 30 }, (_, i) => ({
    label: i === 0 ? '<!channel>' : `Link ${i} ${long('y', 100)}`,
    url: i === 1 ? 'javascript:alert(1)' : i === 2 ? 'not a url' : `https://console.aws.amazon.com/x?i=${i}&a=<b>`,
  })),
  notes: ['<!subteam^S1> note with\nnewline', long('n', 5_000)],
  account: '<@U2>',
  region: 'us-east-1 <!channel>',
  occurredAt: '2024-05-01T00:00:00Z',
  dedupeKey: 'api-call:<!channel>',
  source: { id: '<@U3>', type: 'aws.cloudtrail/AWS API Call via CloudTrail' },
};

/** Every sample by name, for `it.each` tables. */
export const samples = { albAlarm, okRecovery, insufficientData, genericEvent, japanese, hostile } as const;

/** The same sample with every fixed string in the other locale. */
export function inLocale(n: Notification, locale: Notification['locale']): Notification {
  return { ...n, locale };
}
