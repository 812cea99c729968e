import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../../src/lib/core/envelopes/unwrap';
import type { RenderContext } from '../../../../../src/lib/core/locale';
import { notificationSchema } from '../../../../../src/lib/core/notification';
import { eventBridgeEventSchema } from '../../../../../src/lib/core/schemas/eventbridge';
import {
  configChangeNotification,
  parseConfigChange,
} from '../../../../../src/lib/core/sources/cloudwatch-alarm/config-change';
import { leafFields, leavesOf, MAX_GENERIC_FIELDS } from '../../../../../src/lib/core/sources/generic/flatten';
import { genericEventNotification } from '../../../../../src/lib/core/sources/generic/from-eventbridge';
import { snsJsonNotification, snsTextNotification } from '../../../../../src/lib/core/sources/generic/from-sns';
import { notificationOf } from '../../../../helpers/render-fixture';

const fixture = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8'));
const en: RenderContext = { locale: 'en', timeZone: 'UTC', now: new Date('2024-01-01T00:00:00Z') };
const ja: RenderContext = { ...en, locale: 'ja' };
const configChange = (file: string, ctx = en) => {
  const event = eventBridgeEventSchema.parse(fixture(`cloudwatch-alarm/config-change/${file}`));
  return configChangeNotification(event, parseConfigChange(event, ''), ctx);
};

describe('generic: notifications for events without an interpreter', () => {
  it.each([
    ['metric-alarm-update.json', en, 'Alarm ServerCpuTooHigh was updated'],
    ['metric-alarm-update.json', ja, 'アラーム ServerCpuTooHigh が更新されました'],
    ['composite-alarm-create.json', en, 'Alarm ServiceAggregatedAlarm was created'],
    ['metric-math-alarm-delete.json', en, 'Alarm TotalNetworkTrafficTooHigh was deleted'],
  ])('titles the configuration change %s readably', (file, ctx, title) => {
    expect(configChange(file, ctx).title).toBe(title);
  });

  it('says what changed in an alarm update, without the noise of timestamps and ids', () => {
    const n = configChange('metric-alarm-update.json');
    expect(n.summary).toBe('threshold: 70 → 80');
    expect(n.fields[0]).toEqual({ label: 'Changes', value: 'threshold: 70 → 80' });
    expect(n.category).toBe('event');
  });

  it('links no console page for a deleted alarm', () => {
    expect(configChange('metric-math-alarm-delete.json').links).toEqual([]);
    expect(configChange('composite-alarm-create.json').links).toHaveLength(1);
  });

  it('titles an AWS Health event by service and event type and tells its description', () => {
    const event = eventBridgeEventSchema.parse(
      fixture('health/eventbridge-health-ec2-operational-issue-PUBLIC-docs.json'),
    );
    const n = genericEventNotification(event, en);
    expect(n).toMatchObject({
      category: 'event',
      severity: 'warning',
      title: 'AWS Health Event: EC2 AWS_EC2_OPERATIONAL_ISSUE',
      summary:
        'We are investigating increased API Error rates and Latencies for Amazon Elastic Compute Cloud in the US-EAST-1 Region.',
      account: '123456789012',
      region: 'us-east-1',
      occurredAt: '2023-02-15T10:07:10.000Z',
    });
    expect(notificationSchema.parse(n)).toEqual(n);
  });

  it.each([
    [
      'generic/eventbridge-rds-db-instance-event-RDS-EVENT-0049-multi-az-failover-docs.json',
      'warning',
      'RDS DB Instance Event: rds:my-db-instance',
      'A Multi-AZ failover has completed.',
    ],
    [
      'generic/eventbridge-rds-db-snapshot-event-RDS-EVENT-0041-deleted-docs.json',
      'info',
      'RDS DB Snapshot Event: rds:my-db-snapshot',
      'Deleted manual snapshot',
    ],
  ])(
    'names the database of RDS event %s, says its message, and warns of a failover',
    async (file, severity, title, summary) => {
      expect(await notificationOf(file)).toMatchObject({ severity, title, summary });
    },
  );

  it('warns of a certificate about to expire and names it', async () => {
    const n = await notificationOf('generic/eventbridge-acm-certificate-approaching-expiration-31-days-docs.json');
    expect(n).toMatchObject({
      severity: 'warning',
      title: 'ACM Certificate Approaching Expiration: My Awesome Service',
    });
    expect(n.fields[0]).toEqual({ label: 'DaysToExpiry', value: '31' });
  });

  it('restores the line breaks AWS Health writes out as \\n', () => {
    const event = eventBridgeEventSchema.parse(
      fixture('health/eventbridge-health-ec2-instance-retirement-scheduledChange-c7n.json'),
    );
    expect(genericEventNotification(event, en).summary).toContain('will be stopped.\n \nYou can see');
  });

  it('titles a plain-text SNS message by its subject, else its first line', () => {
    const [item] = unwrap(fixture('sns/plain-text-multiline-sns-event.json')).items;
    const n = snsTextNotification(String(item?.payload), item?.envelope, en);
    expect(n).toMatchObject({ title: 'All Fine', region: 'us-gov-west-1', account: '123456789012', category: 'event' });
    const bare = snsTextNotification('\n  First line\nsecond', undefined, en);
    expect(bare).toMatchObject({
      title: 'First line',
      summary: 'First line\nsecond',
      occurredAt: '2024-01-01T00:00:00.000Z',
    });
  });

  it('lists the fields of an unknown JSON message', () => {
    const n = snsJsonNotification({ a: { b: 1 }, c: ['x', true] }, undefined, en);
    expect(n.fields).toEqual([
      { label: 'a.b', value: '1' },
      { label: 'c[0]', value: 'x' },
      { label: 'c[1]', value: 'true' },
    ]);
    expect(n.summary).toBe('A JSON message with 3 fields.');
  });

  it('bounds the number of fields and says how many were left out', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    const fields = leafFields(leavesOf(many), (n) => `… and ${n} more`);
    expect(fields).toHaveLength(MAX_GENERIC_FIELDS + 1);
    expect(fields.at(-1)).toEqual({ label: '…', value: '… and 10 more' });
  });
});
