import { describe, expect, it } from 'vitest';
import {
  PAGERDUTY_DEDUP_KEY_MAX_CHARS,
  toPagerDutyEvent,
} from '../../../../../src/lib/core/channels/webhook/pagerduty';
import { alarmThenOk } from '../../../../helpers/alarm-pair';
import { hostile } from '../../render/sample-notifications';

describe('render: PagerDuty Events v2 (for a JSON webhook destination)', () => {
  it('triggers on ALARM and resolves the same incident on OK', async () => {
    const [alarm, ok] = await alarmThenOk(252_000);
    const trigger = toPagerDutyEvent(alarm, 'routing-key');
    expect(trigger).toMatchObject({
      routing_key: 'routing-key',
      event_action: 'trigger',
      dedup_key: 'alarm:123456789012:us-east-1:ServerCpuTooHigh',
      payload: {
        summary: '[CRITICAL] ServerCpuTooHigh is in ALARM (us-east-1)',
        source: '123456789012/us-east-1',
        severity: 'critical',
        class: 'alarm',
        custom_details: { State: 'OK → ALARM' },
      },
      links: [{ text: 'Alarm in CloudWatch', href: expect.stringMatching(/^https:\/\/us-east-1\.console/) }],
    });
    expect(toPagerDutyEvent(ok, 'routing-key')).toEqual({
      routing_key: 'routing-key',
      event_action: 'resolve',
      dedup_key: trigger.dedup_key,
    });
  });

  it('keeps the dedup key within 255 characters, distinct for distinct long keys', () => {
    const a = toPagerDutyEvent({ ...hostile, dedupeKey: `x${'y'.repeat(400)}a` }, 'k').dedup_key;
    const b = toPagerDutyEvent({ ...hostile, dedupeKey: `x${'y'.repeat(400)}b` }, 'k').dedup_key;
    expect(a.length).toBe(PAGERDUTY_DEDUP_KEY_MAX_CHARS);
    expect(a).not.toBe(b);
  });
});
