import { describe, expect, it } from 'vitest';
import { dateInZone, digestRunDate, isIsoDate } from '../../../../../src/lib/core/sources/cost-digest/digest-dates';

describe('cost: digest dates', () => {
  it('takes "today" in the configured time zone', () => {
    const instant = new Date('2024-05-13T23:30:00Z');
    expect(dateInZone(instant, 'UTC')).toBe('2024-05-13');
    expect(dateInZone(instant, 'Asia/Tokyo')).toBe('2024-05-14');
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-5-1', false],
    ['yesterday', false],
  ])('%s is a date: %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });
});

describe('cost: digestRunDate (Cost Explorer days are UTC days)', () => {
  it.each([
    ['2024-05-14T23:00:00Z', 'Australia/Sydney', '2024-05-14', '09:00 in Sydney is still the 14th in UTC'],
    ['2024-05-15T00:00:00Z', 'Asia/Tokyo', '2024-05-15', '09:00 in Tokyo is midnight UTC'],
    ['2024-05-15T13:00:00Z', 'America/New_York', '2024-05-15', 'west of UTC the zone date is the earlier'],
    ['2024-05-15T03:00:00Z', 'America/Los_Angeles', '2024-05-14', 'late evening in Los Angeles'],
    ['2024-05-15T09:00:00Z', 'UTC', '2024-05-15', 'UTC itself'],
  ])('%s in %s runs for %s (%s)', (instant, zone, expected) => {
    expect(digestRunDate(new Date(instant), zone)).toBe(expected);
  });
});
