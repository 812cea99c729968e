import { describe, expect, it } from 'vitest';
import { readableTime } from '../../../../../src/lib/core/sources/generic/times';

describe('generic events: instants given as epoch milliseconds', () => {
  it.each([
    ['startDate', '1551225146847', '2019-02-27 08:52:26 JST (1551225146847)'],
    ['detail.eventTime', '1551225146847', '2019-02-27 08:52:26 JST (1551225146847)'],
    ['createdAt', '1551225146847', '2019-02-27 08:52:26 JST (1551225146847)'],
  ])('writes %s as a date people read, keeping the number', (path, value, expected) => {
    expect(readableTime({ path, value }, 'Asia/Tokyo', 'ja').value).toBe(expected);
  });

  it.each([
    ['startDate', '2019-02-26T23:52:26Z'],
    ['count', '1551225146847'],
    ['format', '1551225146847'],
    ['stopDate', '155122514684'],
  ])('leaves %s = %s as it is', (path, value) => {
    expect(readableTime({ path, value }, 'UTC', 'en')).toEqual({ path, value });
  });
});
