import { describe, expect, it } from 'vitest';
import { alarmIncident } from '../../../src/lib/core/alarm-incident';
import { alarmThenOk } from '../../helpers/alarm-pair';
import { albAlarm, hostile } from './render/sample-notifications';

describe('alarm incident', () => {
  it('gives an alarm’s ALARM and OK the same identity, without state or time', async () => {
    const [alarm, ok] = await alarmThenOk(252_000);
    expect(alarmIncident(alarm)).toEqual({
      key: 'alarm:123456789012:us-east-1:ServerCpuTooHigh',
      state: 'ALARM',
      flapping: false,
    });
    expect(alarmIncident(ok)).toEqual({ ...alarmIncident(alarm), state: 'OK' });
  });

  it.each([
    [
      'a name holding colons and a state word',
      'alarm:1:r:a:OK:b:ALARM:2024-01-01T00:00:00Z',
      'alarm:1:r:a:OK:b',
      'ALARM',
    ],
    ['an event id for a time', 'alarm:1:r:web:INSUFFICIENT_DATA:c4c1c1c9', 'alarm:1:r:web', 'INSUFFICIENT_DATA'],
  ])('reads %s', (_, dedupeKey, key, state) => {
    expect(alarmIncident({ category: 'alarm', dedupeKey })).toMatchObject({ key, state });
  });

  it('marks a flapping summary, which never starts a thread', () => {
    const n = { category: 'alarm' as const, dedupeKey: 'alarm:1:r:web:ALARM:2024-01-01T00:00:00Z:flapping' };
    expect(alarmIncident(n)).toEqual({ key: 'alarm:1:r:web', state: 'ALARM', flapping: true });
  });

  it('threads nothing but alarms', () => {
    expect(alarmIncident(hostile)).toBeUndefined();
    expect(alarmIncident({ ...albAlarm, dedupeKey: 'alarm-config:arn:…' })).toBeUndefined();
  });
});
