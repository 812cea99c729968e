import type { Notification } from '../../../../src/lib/core/notification';

const english = {
  title: (name: string) => `${name} is in ALARM`,
  summary: (value: number) => `HTTPCode_Target_5XX_Count (Sum over 1 min) was ${value}, above the threshold of 5.`,
};
const japanese = {
  title: (name: string) => `${name} が ALARM 状態です`,
  summary: (value: number) => `HTTPCode_Target_5XX_Count（1分間の Sum）は ${value} で、しきい値 5 を上回りました。`,
};

/** An alarm notification as the alarm function builds it, numbered so each of a storm is distinct. */
export function stormAlarm(i: number, overrides: Partial<Notification> = {}): Notification {
  const name = `api-${String(i).padStart(4, '0')}-5xx-errors`;
  const region = overrides.region ?? 'ap-northeast-1';
  const words = overrides.locale === 'ja' ? japanese : english;
  return {
    schemaVersion: 1,
    category: 'alarm',
    severity: 'critical',
    locale: 'en',
    title: words.title(name),
    summary: words.summary(i + 10),
    fields: [{ label: 'State', value: 'OK → ALARM' }],
    links: [
      {
        label: 'Alarm in CloudWatch',
        url: `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:alarm/${name}`,
      },
    ],
    notes: [],
    account: '123456789012',
    region,
    occurredAt: `2026-11-29T04:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
    dedupeKey: `alarm:123456789012:${region}:${name}:ALARM`,
    source: { id: `event-${i}`, type: 'aws.cloudwatch/CloudWatch Alarm State Change' },
    ...overrides,
  };
}

/** `count` distinct alarms. */
export const storm = (count: number, overrides: Partial<Notification> = {}) =>
  Array.from({ length: count }, (_, i) => stormAlarm(i, overrides));
